import { ErrorObject, ValidateFunction } from 'ajv';
import type { CompiledForm } from './compile';
import { Dec, DECIMAL_SCALE, formatDecimal, MAX_COMPUTED_INTEGER_DIGITS, MONEY_SCALE, toDecimal } from './decimal';
import { CheckDefinition, CheckSeverity, FieldDefinition, FormDefinition, Locale, RuleDefinition } from './definition';
import { allFields } from './fields';
import { createFormAjv } from './form-ajv';
import { message, notApplicableWord, rowWord, withItem } from './messages';
import {
  isPlaceholder,
  MIN_REASON_LENGTH,
  NarrativeField,
  narrativeFields,
  NOT_APPLICABLE,
  reasonProblem,
} from './placeholders';
import { CompiledLogic, compileLogic, decimalOf, decimalText, withDecimalMemo } from './rules';

export interface FormError {
  /** JSON pointer into the data, e.g. "/capitalCost/estimate/rows/2/total". */
  pointer: string;
  code: string;
  message: string;
  params?: Record<string, unknown>;
  /** The proforma's number of the item (section) concerned, e.g. '7', '12(a)'; '0' is the cover page. */
  item?: string;
  /** 'warning' only for a failed check of that severity; everything else is an error. */
  severity?: CheckSeverity;
}

export interface FormValidation {
  /** No errors (warnings do not count). */
  valid: boolean;
  errors: FormError[];
  /** More errors existed than are listed. */
  truncated: boolean;
  /** How many errors there are in all (the list stops at MAX_REPORTED_ERRORS). */
  errorCount: number;
  /** Failed checks of severity 'warning': never block a save; each needs an answer before submission. */
  warnings: FormError[];
  warningCount: number;
  /** The data with every calculated figure recomputed by the server. */
  data: Record<string, unknown>;
}

/** A warning's stable name on a document, which its answer is stored under: "check-id@/pointer". */
export function warningKey(warning: Pick<FormError, 'pointer' | 'params'>): string {
  return `${String(warning.params?.check)}@${warning.pointer}`;
}

export const MAX_REPORTED_ERRORS = 200;

type Row = Record<string, unknown>;
type Data = Record<string, unknown>;

interface Slot {
  pointer: string;
  container: Row;
  key: string;
  /** The row a row-scoped target is in (what rules read as "row"). */
  row?: Row;
}

type FieldInfo = { field: FieldDefinition; label: { en: string; ur: string }; tableLabel?: { en: string; ur: string } };

/** A rule's target split once: "s.f" (a section's field) or "s.t.rows.*.c" (a column, row by row). */
interface Target {
  section: string;
  /** The table, for a row-scoped target. */
  table?: string;
  key: string;
  /** The field the value lands in (for formatting and range checks). */
  field?: FieldDefinition;
}

interface CompiledRule {
  rule: RuleDefinition;
  target: Target;
  /** The calculation, or the condition of a visible/require rule. */
  logic: CompiledLogic;
}

interface CompiledCheck {
  check: CheckDefinition;
  when?: CompiledLogic;
  left: CompiledLogic;
  right?: CompiledLogic;
  tolerance: Dec;
}

const NUMERIC_TYPES: ReadonlySet<string> = new Set(['money', 'decimal', 'integer']);

/** Computed amounts must stay below 10^15 (Rs million), what a stored total holds. */
const LARGEST_AMOUNT_BOUND = new Dec(10).pow(MAX_COMPUTED_INTEGER_DIGITS);
const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value) && Array.isArray(value.rows)) return value.rows.length === 0;
  return false;
}

/**
 * A compiled form version made executable: the Ajv validator compiled once, the rules and checks,
 * and the labels to explain errors. Built once per version and shared by every request
 * (ValidatorCache). validate() never changes its input.
 */
export class FormValidator {
  private readonly validateSchema: ValidateFunction;
  private readonly definition: FormDefinition;
  private readonly fields = new Map<string, FieldInfo>();
  private readonly tables: { section: string; field: FieldDefinition }[] = [];
  private readonly rowRules: CompiledRule[] = [];
  private readonly fieldRules: CompiledRule[] = [];
  private readonly conditions: CompiledRule[] = [];
  private readonly checks: CompiledCheck[];
  /** What validate() copies before it writes calculated figures (the rest of the input is only read). */
  private readonly written = { sections: new Set<string>(), tables: new Map<string, Set<string>>() };
  /** "section.field" of every narrative item (the addresses `notApplicable` may name). */
  private readonly narrativeAddresses: ReadonlySet<string>;
  /** "/section/field" → its place in the proforma, so errors are listed in reading order. */
  private readonly order = new Map<string, number>();
  /** Section id → its item number in the proforma. */
  private readonly items = new Map<string, string>();
  private readonly narrative: NarrativeField[];

  constructor(readonly compiled: CompiledForm) {
    this.definition = compiled.definition;
    this.validateSchema = createFormAjv().compile(compiled.schema);
    for (const { address, field, table } of allFields(this.definition)) {
      const pattern = table ? address.replace(/\.([^.]+)$/, '.rows.*.$1') : address;
      this.fields.set(pattern, { field, label: field.label, tableLabel: table?.label });
    }
    for (const s of this.definition.sections)
      for (const f of s.fields)
        if (f.type === 'table' && f.totals?.length) {
          this.tables.push({ section: s.id, field: f });
          this.writes(s.id, f.id);
        }
    // Rules and checks are compiled here, once per version, not read as JSON on every validation.
    for (const rule of this.definition.rules) {
      const logic = compileLogic(rule.kind === 'calculate' ? rule.value : rule.when);
      const compiled = { rule, target: this.target(rule.target), logic };
      if (rule.kind !== 'calculate') this.conditions.push(compiled);
      else if (rule.target.includes('.*.')) this.rowRules.push(compiled);
      else this.fieldRules.push(compiled);
      if (rule.kind === 'calculate') this.writes(compiled.target.section, compiled.target.table);
    }
    this.checks = this.definition.checks.map((check) => ({
      check,
      when: check.when === undefined ? undefined : compileLogic(check.when),
      left: compileLogic(check.left),
      right: check.op === 'holds' ? undefined : compileLogic(check.right),
      tolerance: (check.tolerance !== undefined && toDecimal(check.tolerance)) || new Dec(0),
    }));
    this.narrative = narrativeFields(this.definition).filter((n) => !n.field.hidden);
    this.narrativeAddresses = new Set(this.narrative.map((n) => n.address));
    this.definition.sections.forEach((s, i) => {
      this.items.set(s.id, s.number);
      this.order.set(`/${s.id}`, i * 1000);
      s.fields.forEach((f, j) => this.order.set(`/${s.id}/${f.id}`, i * 1000 + j + 1));
    });
  }

  private target(target: string): Target {
    const parts = target.split('.');
    const field = this.fields.get(target)?.field;
    if (parts.length === 2) return { section: parts[0], key: parts[1], field };
    return { section: parts[0], table: parts[1], key: parts[4], field };
  }

  private writes(section: string, table?: string): void {
    this.written.sections.add(section);
    if (!table) return;
    const tables = this.written.tables.get(section) ?? new Set<string>();
    tables.add(table);
    this.written.tables.set(section, tables);
  }

  /**
   * The input as validate() returns it: new objects where calculated figures are written (the
   * sections, tables, rows and totals that rules target), the rest shared with the input, which
   * is never changed. A deep copy of a full PC-I cost more than the schema validation itself.
   */
  private copyForWriting(input: Data): Data {
    const data: Data = { ...input };
    for (const sectionId of this.written.sections) {
      const section = data[sectionId];
      if (!isObject(section)) continue;
      const copy: Row = { ...section };
      data[sectionId] = copy;
      for (const tableId of this.written.tables.get(sectionId) ?? []) {
        const table = copy[tableId];
        if (!isObject(table)) continue;
        const tableCopy: Row = { ...table };
        copy[tableId] = tableCopy;
        if (Array.isArray(table.rows)) tableCopy.rows = table.rows.map((row) => (isObject(row) ? { ...row } : row));
        if (isObject(table.totals)) tableCopy.totals = { ...table.totals };
      }
    }
    return data;
  }

  private place(pointer: string): number {
    const [, first, second] = pointer.split('/');
    // A "not applicable" reason sits with the field it excuses.
    const [section, field] = first === NOT_APPLICABLE ? (second ?? '').split('.') : [first, second];
    return this.order.get(`/${section}/${field}`) ?? this.order.get(`/${section}`) ?? Number.MAX_SAFE_INTEGER;
  }

  validate(input: unknown, locale: Locale = 'en'): FormValidation {
    if (!isObject(input)) {
      const error: FormError = {
        pointer: '',
        code: 'notObject',
        message: message(locale, 'notObject', {}),
        severity: 'error',
      };
      return {
        valid: false,
        errors: [error],
        truncated: false,
        errorCount: 1,
        warnings: [],
        warningCount: 0,
        data: {},
      };
    }
    return withDecimalMemo(() => this.validateObject(input, locale));
  }

  private validateObject(input: Data, locale: Locale): FormValidation {
    const data = this.copyForWriting(input);
    // A missing section is reported field by field, not as one missing object.
    for (const s of this.definition.sections) if (data[s.id] === undefined) data[s.id] = {};

    const errors: FormError[] = [];
    if (!this.validateSchema(data))
      for (const e of this.validateSchema.errors ?? []) errors.push(this.fromAjv(e, locale));

    this.calculate(data, errors, locale);
    const { hidden, required } = this.applyConditions(data, errors, locale);
    this.placeholders(data, hidden, required, errors, locale);
    const warnings: FormError[] = [];
    this.runChecks(data, errors, warnings, locale);

    const shown = hidden.size
      ? errors.filter(
          (e) => !(e.code === 'required' && [...hidden].some((h) => e.pointer === h || e.pointer.startsWith(`${h}/`))),
        )
      : errors;
    const byPlace = (a: FormError, b: FormError) => this.place(a.pointer) - this.place(b.pointer);
    shown.sort(byPlace); // stable: row order kept
    warnings.sort(byPlace);
    return {
      valid: shown.length === 0,
      errors: shown.slice(0, MAX_REPORTED_ERRORS),
      truncated: shown.length > MAX_REPORTED_ERRORS,
      errorCount: shown.length,
      warnings, // at most one per check, and a definition has at most 200
      warningCount: warnings.length,
      data,
    };
  }

  // --- calculations -------------------------------------------------------------------------

  private calculate(data: Data, errors: FormError[], locale: Locale): void {
    for (const rule of this.rowRules)
      this.eachSlot(rule.target, data, (slot) =>
        this.assign(slot, rule.target.field, rule.logic(data, slot.row), errors, locale),
      );
    for (const { section, field } of this.tables) this.totals(data, section, field, errors, locale);
    for (const rule of this.fieldRules)
      this.eachSlot(rule.target, data, (slot) =>
        this.assign(slot, rule.target.field, rule.logic(data, slot.row), errors, locale),
      );
  }

  /** Puts a computed value in place; a different value sent by the client is an error. */
  private assign(
    slot: Slot,
    field: FieldDefinition | undefined,
    result: unknown,
    errors: FormError[],
    locale: Locale,
  ): void {
    if (result === null || result === undefined) return; // an operand is malformed; its own error says so
    const formatted = this.format(field, result);
    if (formatted === undefined) return;
    const { computed, value: b } = formatted;
    const entered = slot.container[slot.key];
    // A figure the server computes must fit its field like an entered one. A draft keeps it (so
    // the sums built on it stay honest) with an error; readers of stored figures skip it.
    const outOfRange = this.outOfRange(field, b, !slot.pointer.includes('/totals/'));
    if (outOfRange)
      errors.push(
        this.error(slot.pointer, outOfRange.code, locale, { calculated: String(computed), ...outOfRange.params }),
      );
    // The same text is the same figure: only a different one needs parsing and comparing.
    if (!isEmpty(entered) && entered !== computed) {
      const a = decimalOf(entered);
      const same = a && b ? a.eq(b) : entered === computed;
      if (!same && a !== undefined) {
        errors.push(
          this.error(slot.pointer, 'calculation', locale, { entered: String(entered), calculated: String(computed) }),
        );
      }
    }
    slot.container[slot.key] = computed;
  }

  /** The figure as it is stored (text at the field's scale, or a whole number) and what decimalOf gives for it. */
  private format(
    field: FieldDefinition | undefined,
    result: unknown,
  ): { computed: unknown; value: Dec | null | undefined } | undefined {
    if (!field || !NUMERIC_TYPES.has(field.type)) return { computed: result, value: decimalOf(result) };
    const d = decimalOf(result);
    if (!d) return undefined;
    if (field.type === 'integer' && d.isInteger()) {
      const whole = d.toNumber();
      // toDecimal reads only safe integers among numbers.
      return { computed: whole, value: Number.isSafeInteger(whole) ? d : undefined };
    }
    const scale =
      field.type === 'integer'
        ? 0
        : (field.constraints?.scale ?? (field.type === 'money' ? MONEY_SCALE : DECIMAL_SCALE));
    const text = formatDecimal(d, scale);
    return { computed: text, value: decimalOf(text) };
  }

  /** Why a computed amount does not fit its field (digits, sign, and its stated bounds unless a total), or null. */
  private outOfRange(
    field: FieldDefinition | undefined,
    d: Dec | null | undefined,
    statedBounds: boolean,
  ): { code: string; params: Record<string, unknown> } | null {
    if (!field || !NUMERIC_TYPES.has(field.type)) return null;
    if (!d) return null;
    const c = field.constraints ?? {};
    if (d.abs().gte(LARGEST_AMOUNT_BOUND)) return { code: 'calculatedOutOfRange', params: { reason: 'tooLarge' } };
    if (d.isNegative() && !d.isZero() && c.allowNegative !== true)
      return { code: 'calculatedOutOfRange', params: { reason: 'negative' } };
    if (!statedBounds) return null; // a totals row: a column's bounds are per row
    if (c.minimum !== undefined && d.lt(new Dec(c.minimum)))
      return { code: 'minimum', params: { limit: String(c.minimum) } };
    if (c.maximum !== undefined && d.gt(new Dec(c.maximum)))
      return { code: 'maximum', params: { limit: String(c.maximum) } };
    return null;
  }

  private totals(data: Data, sectionId: string, table: FieldDefinition, errors: FormError[], locale: Locale): void {
    const value = (data[sectionId] as Row | undefined)?.[table.id];
    if (!isObject(value) || !Array.isArray(value.rows)) return;
    const rows = value.rows as unknown[];
    if (value.totals !== undefined && !isObject(value.totals)) return; // reported by the schema
    const totals = (value.totals ?? (value.totals = {})) as Row;
    for (const column of table.totals ?? []) {
      let sum = new Dec(0);
      let ok = true;
      for (const row of rows) {
        const d = isObject(row) ? decimalOf(row[column]) : undefined;
        if (d === undefined) ok = false;
        else if (d) sum = sum.plus(d);
      }
      if (!ok) continue;
      const pointer = `/${sectionId}/${table.id}/totals/${column}`;
      const field = this.fields.get(`${sectionId}.${table.id}.rows.*.${column}`)?.field;
      this.assign({ pointer, container: totals, key: column }, field, decimalText(sum), errors, locale);
    }
  }

  // --- visibility and conditional requirement ------------------------------------------------

  /**
   * Returns the pointers hidden by visibility rules and those required by a require rule that
   * holds; adds errors for conditional requirements.
   */
  private applyConditions(
    data: Data,
    errors: FormError[],
    locale: Locale,
  ): { hidden: Set<string>; required: Set<string> } {
    const hidden = new Set<string>();
    const required = new Set<string>();
    for (const { rule, target, logic } of this.conditions) {
      if (rule.kind === 'calculate') continue;
      this.eachSlot(target, data, (slot) => {
        const holds = !!logic(data, slot.row);
        if (rule.kind === 'visible' && !holds) hidden.add(slot.pointer);
        if (rule.kind === 'require' && holds) required.add(slot.pointer);
        if (
          rule.kind === 'require' &&
          holds &&
          isEmpty(slot.container[slot.key]) &&
          !errors.some((e) => e.pointer === slot.pointer && e.code === 'required')
        ) {
          errors.push(this.error(slot.pointer, 'required', locale, { rule: rule.id }));
        }
      });
    }
    return { hidden, required };
  }

  // --- placeholders in narrative items -------------------------------------------------------

  /**
   * A required text item answered with a placeholder ("-", "N/A", "same as above") is an error
   * unless `notApplicable` gives the reason it does not apply; every reason given must say why.
   */
  private placeholders(
    data: Data,
    hidden: Set<string>,
    requiredByRule: Set<string>,
    errors: FormError[],
    locale: Locale,
  ): void {
    const reasons = isObject(data[NOT_APPLICABLE]) ? (data[NOT_APPLICABLE] as Row) : {};
    const known = this.narrativeAddresses;
    for (const [address, reason] of Object.entries(reasons)) {
      // An unknown address or a reason that is not text is reported by the schema.
      if (!known.has(address) || typeof reason !== 'string') continue;
      if (reasonProblem(reason))
        errors.push(
          this.error(`/${NOT_APPLICABLE}/${address}`, 'notApplicableReason', locale, {
            field: address,
            limit: MIN_REASON_LENGTH,
          }),
        );
    }
    for (const { address, pointer, section, field } of this.narrative) {
      if (!field.required && !requiredByRule.has(pointer)) continue;
      if (hidden.has(pointer) || hidden.has(`/${section}`)) continue;
      const value = (data[section] as Row | undefined)?.[field.id];
      if (!isPlaceholder(value)) continue;
      const reason = reasons[address];
      if (typeof reason === 'string' && !reasonProblem(reason)) continue;
      errors.push(this.error(pointer, 'placeholder', locale, { value: String(value).trim(), notApplicable: address }));
    }
  }

  // --- cross-checks --------------------------------------------------------------------------

  /** Failed checks go to `errors` or `warnings` by their severity. */
  private runChecks(data: Data, errors: FormError[], warnings: FormError[], locale: Locale): void {
    for (const compiled of this.checks) {
      const check = compiled.check;
      if (compiled.when !== undefined && !compiled.when(data)) continue;
      const outcome = this.outcome(compiled, data);
      if (!outcome || outcome.holds) continue;
      const severity = check.severity ?? 'error';
      const params = { check: check.id, ...outcome.figures };
      const failed = this.error(check.pointer, 'check', locale, params, {
        severity,
        text: { message: check.message[locale] },
      });
      (severity === 'warning' ? warnings : errors).push(failed);
    }
  }

  /**
   * Whether a check holds, with the figures compared when it does not. Null when a figure is
   * missing or malformed: that is reported where it is.
   */
  private outcome(
    { check, left: leftLogic, right: rightLogic, tolerance }: CompiledCheck,
    data: Data,
  ): { holds: boolean; figures: Record<string, string> } | null {
    if (check.op === 'holds') return { holds: !!leftLogic(data), figures: {} };
    const left = decimalOf(leftLogic(data));
    const right = decimalOf(rightLogic!(data));
    if (!left || !right) return null;
    // left − right, compared with the tolerance the check accepts on either side.
    const gap = left.minus(right);
    const holds = holdsWith(check.op, gap, tolerance);
    // The figures are only shown for a check that fails.
    if (holds) return { holds, figures: {} };
    const figures: Record<string, string> = { left: left.toString(), right: right.toString() };
    if (!tolerance.isZero()) figures.tolerance = tolerance.toString();
    return { holds, figures };
  }

  // --- addressing and messages ---------------------------------------------------------------

  /** Calls `visit` on the places a rule target names: one for "s.f", one per row for "s.t.rows.*.c". */
  private eachSlot(target: Target, data: Data, visit: (slot: Slot) => void): void {
    const section = data[target.section];
    if (!isObject(section)) return;
    const { table: tableId, key } = target;
    if (tableId === undefined) {
      visit({ pointer: `/${target.section}/${key}`, container: section, key });
      return;
    }
    const table = section[tableId];
    if (!isObject(table) || !Array.isArray(table.rows)) return;
    const rows = table.rows as unknown[];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!isObject(row)) continue;
      visit({ pointer: `/${target.section}/${tableId}/rows/${i}/${key}`, container: row, key, row });
    }
  }

  private fieldAt(pointer: string) {
    const parts = pointer.split('/').slice(1);
    if (parts.length >= 5 && parts[2] === 'rows') return this.fields.get(`${parts[0]}.${parts[1]}.rows.*.${parts[4]}`);
    if (parts.length >= 4 && parts[2] === 'totals')
      return this.fields.get(`${parts[0]}.${parts[1]}.rows.*.${parts[3]}`);
    return this.fields.get(`${parts[0]}.${parts[1]}`);
  }

  /** "Capital cost estimates, row 3, Local (Rs million)" in the user's language. */
  private labelAt(pointer: string, locale: Locale): string {
    const parts = pointer.split('/').slice(1);
    if (parts[0] === NOT_APPLICABLE) {
      const excused = parts[1] === undefined ? undefined : this.fields.get(parts[1]);
      return excused ? `${excused.label[locale]} (${notApplicableWord[locale]})` : pointer;
    }
    const known = this.fieldAt(pointer);
    if (!known) {
      const section = this.definition.sections.find((s) => s.id === parts[0]);
      return section ? `${section.number}. ${section.label[locale]}` : pointer;
    }
    if (!known.tableLabel) return known.label[locale];
    const where = parts[2] === 'rows' ? rowWord[locale](Number(parts[3]) + 1) : locale === 'ur' ? 'میزان' : 'totals';
    return `${known.tableLabel[locale]}, ${where}, ${known.label[locale]}`;
  }

  /** The item (section number) a pointer falls in; a "not applicable" reason is its field's. */
  private itemOf(pointer: string): string | undefined {
    const [, first, second] = pointer.split('/');
    return this.items.get(first === NOT_APPLICABLE ? (second ?? '').split('.')[0] : first);
  }

  /**
   * An error (or a warning) at a pointer, its message in the user's language naming the item.
   * `text` is what only the message shows (a check's own sentence), kept out of `params`.
   */
  private error(
    pointer: string,
    code: string,
    locale: Locale,
    params: Record<string, unknown>,
    options: { severity?: CheckSeverity; text?: Record<string, unknown> } = {},
  ): FormError {
    const item = this.itemOf(pointer);
    const text = message(locale, code, { ...params, label: this.labelAt(pointer, locale), ...options.text });
    return {
      pointer,
      code,
      message: withItem(locale, item, text, code === 'check'),
      params,
      ...(item === undefined ? {} : { item }),
      severity: options.severity ?? 'error',
    };
  }

  private fromAjv(e: ErrorObject, locale: Locale): FormError {
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required':
        return this.error(`${e.instancePath}/${p.missingProperty as string}`, 'required', locale, {});
      case 'additionalProperties':
        return this.error(`${e.instancePath}/${p.additionalProperty as string}`, 'unknown', locale, {
          key: p.additionalProperty,
        });
      case 'pattern':
      case 'decimalMinimum':
      case 'decimalMaximum':
      case 'format':
        return this.formatError(e, locale);
      case 'type':
        return this.error(e.instancePath, 'type', locale, { expected: p.type });
      case 'minimum':
      case 'maximum':
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
        return this.error(e.instancePath, e.keyword, locale, { limit: p.limit });
      default:
        return this.error(e.instancePath, e.keyword, locale, {});
    }
  }

  private formatError(e: ErrorObject, locale: Locale): FormError {
    const field = this.fieldAt(e.instancePath)?.field;
    if (e.keyword === 'decimalMinimum' || e.keyword === 'decimalMaximum') {
      return this.error(e.instancePath, e.keyword === 'decimalMinimum' ? 'minimum' : 'maximum', locale, {
        limit: e.schema,
      });
    }
    if (e.keyword === 'format')
      return this.error(e.instancePath, String((e.params as { format: string }).format), locale, {});
    if (field && (field.type === 'money' || field.type === 'decimal')) {
      const scale = field.constraints?.scale ?? (field.type === 'money' ? MONEY_SCALE : DECIMAL_SCALE);
      return this.error(e.instancePath, field.type, locale, {
        scale,
        negative: field.constraints?.allowNegative === true,
      });
    }
    if (field?.type === 'fiscalYear') return this.error(e.instancePath, 'fiscalYear', locale, {});
    return this.error(e.instancePath, 'pattern', locale, {});
  }
}

/** Whether left − right (`gap`) passes a check's comparison within its tolerance. */
function holdsWith(op: Exclude<CheckDefinition['op'], 'holds'>, gap: Dec, tolerance: Dec): boolean {
  switch (op) {
    case 'eq':
      return gap.abs().lte(tolerance);
    case 'lte':
      return gap.lte(tolerance);
    case 'gte':
      return gap.gte(tolerance.negated());
    case 'lt':
      return gap.lt(tolerance);
    case 'gt':
      return gap.gt(tolerance.negated());
  }
}
