import { FieldDefinition, FormDefinition } from './definition';
import { checkDefinitionShape, SchemaProblem } from './definition-schema';
import { checkPattern } from './pattern-safety';
import { rowConditionsOf, unknownOperators, variablesOf } from './rules';

/*
 * Checks a base definition beyond its shape: ids unique, tables well formed, every rule and
 * check names fields that exist and uses only allowed operators, every pattern is safe. The
 * catalogue refuses to load a definition with a problem (tested for every shipped form).
 */

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/** What is wrong with one field (base or added by an overlay); `where` prefixes each message. */
export function fieldProblems(f: FieldDefinition, where: string): string[] {
  const out: string[] = [];
  if (f.type === 'table') {
    if (!f.columns?.length) out.push(`${where}: a table needs columns`);
    for (const d of duplicates((f.columns ?? []).map((c) => c.id))) out.push(`${where}: column "${d}" repeats`);
    for (const t of f.totals ?? []) {
      const col = f.columns?.find((c) => c.id === t);
      if (!col) out.push(`${where}: totals names "${t}", which is not a column`);
      else if (!['money', 'decimal', 'integer'].includes(col.type))
        out.push(`${where}: totals column "${t}" is not numeric`);
    }
  } else if (f.columns || f.totals) out.push(`${where}: only a table has columns and totals`);
  for (const item of [f, ...(f.columns ?? [])]) {
    if ((item.type === 'select' || item.type === 'multiselect') && !item.options)
      out.push(`${where}.${item.id}: a ${item.type} needs options`);
    if (item.options && item.type !== 'select' && item.type !== 'multiselect')
      out.push(`${where}.${item.id}: only selects have options`);
    if (item.constraints?.pattern) {
      const bad = checkPattern(item.constraints.pattern);
      if (bad) out.push(`${where}.${item.id}: ${bad}`);
    }
    if ((item.type === 'text' || item.type === 'textarea') && item.constraints?.maxLength === undefined)
      out.push(`${where}.${item.id}: text needs a maxLength`);
  }
  return out;
}

/**
 * What is wrong with the row conditions (all / some / none) of a rule or check: each runs over a table's rows and reads
 * its columns.
 */
function rowConditionProblems(def: FormDefinition, logic: unknown, where: string): string[] {
  const out: string[] = [];
  for (const { list, columns } of rowConditionsOf(logic)) {
    const [sectionId, fieldId, rows, extra] = (list ?? '').split('.');
    const table = def.sections.find((s) => s.id === sectionId)?.fields.find((f) => f.id === fieldId);
    if (!table || table.type !== 'table' || rows !== 'rows' || extra !== undefined) {
      out.push(`${where}: a row condition must run over a table's rows ("section.table.rows"), not "${list ?? '?'}"`);
      continue;
    }
    for (const c of columns)
      if (!table.columns?.some((col) => col.id === c))
        out.push(`${where}: reads "${c}", which is not a column of ${list}`);
  }
  return out;
}

/** Addresses a rule may target or read: "s.f", "s.t.rows.*.c", plus table rows and totals. */
function addresses(def: FormDefinition): { targets: Set<string>; readable: (path: string) => boolean } {
  const targets = new Set<string>();
  const known = new Map<string, FieldDefinition>();
  for (const s of def.sections) {
    for (const f of s.fields) {
      targets.add(`${s.id}.${f.id}`);
      known.set(`${s.id}.${f.id}`, f);
      for (const c of f.columns ?? []) targets.add(`${s.id}.${f.id}.rows.*.${c.id}`);
    }
  }
  const readable = (path: string): boolean => {
    const [first, second, third, fourth] = path.split('.');
    if (first === 'row') return second !== undefined;
    const field = known.get(`${first}.${second}`);
    if (!field) return false;
    if (third === undefined) return true;
    if (field.type !== 'table') return false;
    if (third === 'rows') return true;
    return third === 'totals' && (fourth === undefined || (field.totals ?? []).includes(fourth));
  };
  return { targets, readable };
}

export function definitionProblems(def: FormDefinition): string[] {
  const shape = checkDefinitionShape(def);
  if (shape.length) return shape.map((p: SchemaProblem) => `${def.key ?? '?'}${p.pointer}: ${p.message}`);
  const out: string[] = [];
  for (const d of duplicates(def.sections.map((s) => s.id))) out.push(`section "${d}" repeats`);
  for (const s of def.sections) {
    for (const d of duplicates(s.fields.map((f) => f.id))) out.push(`${s.id}: field "${d}" repeats`);
    for (const f of s.fields) out.push(...fieldProblems(f, `${s.id}.${f.id}`));
  }
  const { targets, readable } = addresses(def);
  for (const d of duplicates([...def.rules.map((r) => r.id), ...def.checks.map((c) => c.id)]))
    out.push(`rule/check id "${d}" repeats`);
  for (const rule of def.rules) {
    if (!targets.has(rule.target)) out.push(`rule ${rule.id}: target "${rule.target}" is not a field or table column`);
    const logic = rule.kind === 'calculate' ? rule.value : rule.when;
    if (logic === undefined)
      out.push(`rule ${rule.id}: a ${rule.kind} rule needs ${rule.kind === 'calculate' ? 'value' : 'when'}`);
    for (const op of unknownOperators(logic)) out.push(`rule ${rule.id}: operator "${op}" is not allowed`);
    for (const v of variablesOf(logic))
      if (!readable(v)) out.push(`rule ${rule.id}: reads "${v}", which is not a field`);
    out.push(...rowConditionProblems(def, logic, `rule ${rule.id}`));
    if (!rule.target.includes('.*.') && variablesOf(logic).some((v) => v.startsWith('row.')))
      out.push(`rule ${rule.id}: only a row-scoped rule may read "row"`);
  }
  for (const check of def.checks) {
    if (check.op === 'holds' && check.right !== undefined)
      out.push(`check ${check.id}: a "holds" check has no right (its left is the condition)`);
    if (check.op !== 'holds' && check.right === undefined) out.push(`check ${check.id}: a comparison needs right`);
    if (check.op === 'holds' && check.tolerance !== undefined)
      out.push(`check ${check.id}: tolerance applies to comparisons only`);
    for (const part of [check.left, check.right, check.when]) {
      for (const op of unknownOperators(part)) out.push(`check ${check.id}: operator "${op}" is not allowed`);
      for (const v of variablesOf(part))
        if (!readable(v)) out.push(`check ${check.id}: reads "${v}", which is not a field`);
      out.push(...rowConditionProblems(def, part, `check ${check.id}`));
    }
    const path = check.pointer.slice(1).split('/');
    if (!readable(path.join('.').replace(/\.rows\.\d+\./, '.rows.')))
      out.push(`check ${check.id}: pointer ${check.pointer} is not a field`);
  }
  return out;
}
