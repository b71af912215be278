import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_CATALOGUE } from '../../src/forms/catalogue';
import { allFields, calculatedTargets, compileForm, MasterSnapshot } from '../../src/forms/compile';
import { Dec, toDecimal } from '../../src/forms/decimal';
import { FieldDefinition, FormDefinition, MASTER_LISTS, MasterList } from '../../src/forms/definition';
import { definitionProblems } from '../../src/forms/definition-check';
import { FormCatalogue } from '../../src/forms/form-catalogue.service';
import { FormValidator } from '../../src/forms/form-validator';
import { evaluate, variablesOf } from '../../src/forms/rules';
import { seedFor } from '../../src/master-data/master-data-seed';

/*
 * Every shipped form, against its realistic complete example (test/fixtures/forms/<key>.json,
 * a Khyber Pakhtunkhwa project): the example passes; taking away any required field fails at
 * that field's pointer; every calculated figure and every cross-check catches a wrong value.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** KP's seeded master data, as a province gets it at provisioning. */
function kpMaster(): MasterSnapshot {
  const seed = seedFor('kp');
  const snapshot: MasterSnapshot = {};
  for (const list of MASTER_LISTS) {
    const items = seed[list as MasterList & keyof typeof seed] ?? [];
    snapshot[list] = items.map((i) => ({ value: i.code, label: { en: i.en, ur: i.ur }, ...(i.parent ? { parent: i.parent } : {}) }));
  }
  return snapshot;
}

const fixture = (key: string): Data => JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'forms', `${key}.json`), 'utf8'));
const NUMERIC = new Set(['money', 'decimal', 'integer']);
const BUMP = '1000000';

function get(data: Data, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Data)[k] : undefined), data);
}

/** Pointers hidden in this data by visibility rules (their requirements do not apply). */
function hiddenIn(def: FormDefinition, data: Data): string[] {
  return def.rules.filter((r) => r.kind === 'visible' && !r.target.includes('*') && !evaluate(r.when, data)).map((r) => `/${r.target.replace('.', '/')}`);
}

function numericColumns(table: FieldDefinition, calculated: Set<string>, address: string): FieldDefinition[] {
  return (table.columns ?? []).filter((c) => NUMERIC.has(c.type) && !calculated.has(`${address}.rows.*.${c.id}`));
}

/**
 * Data changes that move the figure a check reads: raise it or zero it (a calculated figure
 * through its inputs), or flip a yes/no.
 */
function mutationsFor(def: FormDefinition, data: Data, variable: string, depth = 0): ((d: Data) => void)[] {
  const [sectionId, fieldId, third] = variable.split('.');
  const section = def.sections.find((s) => s.id === sectionId);
  const field = section?.fields.find((f) => f.id === fieldId);
  if (!field || depth > 3) return [];
  const calculated = calculatedTargets(def);
  const rule = def.rules.find((r) => r.kind === 'calculate' && r.target === `${sectionId}.${fieldId}`);
  if (rule && rule.kind === 'calculate') return variablesOf(rule.value).flatMap((v) => mutationsFor(def, data, v, depth + 1));
  if (field.type === 'boolean') return [(d) => { d[sectionId] = { ...d[sectionId], [fieldId]: !get(d, `${sectionId}.${fieldId}`) }; }];
  if (field.type === 'table' && (third === 'totals' || third === 'rows')) {
    const columns = numericColumns(field, calculated, `${sectionId}.${fieldId}`);
    const rowsOf = (d: Data) => (d[sectionId]?.[fieldId]?.rows ?? []) as Data[];
    // One column at a time: a check may compare two columns of the same table.
    return columns.flatMap((c) => [
      (d: Data) => { const r = rowsOf(d)[0]; if (r) r[c.id] = new Dec(String(r[c.id] ?? '0')).plus(BUMP).toString(); },
      (d: Data) => { for (const r of rowsOf(d)) r[c.id] = '0'; },
    ]).map((m) => (d: Data) => { m(d); if (d[sectionId]?.[fieldId]) delete d[sectionId][fieldId].totals; });
  }
  if (NUMERIC.has(field.type)) {
    const value = toDecimal(get(data, `${sectionId}.${fieldId}`)) ?? new Dec(0);
    const set = (v: string | number) => (d: Data) => { d[sectionId] = { ...d[sectionId], [fieldId]: v }; };
    return field.type === 'integer' ? [set(value.plus(BUMP).toNumber()), set(0)] : [set(value.plus(BUMP).toString()), set('0')];
  }
  return [];
}

describe('base catalogue', () => {
  test('every shipped definition is sound, and the catalogue loads', () => {
    for (const def of BASE_CATALOGUE) expect({ key: def.key, problems: definitionProblems(def) }).toEqual({ key: def.key, problems: [] });
    const catalogue = new FormCatalogue(BASE_CATALOGUE);
    expect(catalogue.keys()).toEqual(['pc1-infrastructure', 'pc1-production', 'pc1-social', 'pc1-revised', 'pc2', 'pc3a', 'pc3b', 'pc4', 'pc5']);
  });

  test('every label and help text has English and Urdu', () => {
    for (const def of BASE_CATALOGUE) {
      for (const s of def.sections) expect(s.label.ur).toMatch(/[\u0600-\u06FF]/);
      for (const { address, field } of allFields(def)) {
        expect({ address, en: field.label.en.length > 0, ur: /[\u0600-\u06FF]/.test(field.label.ur) }).toEqual({ address, en: true, ur: true });
      }
    }
  });

  test('the catalogue refuses a definition whose rule names a missing field', () => {
    const broken = structuredClone(BASE_CATALOGUE[0]) as FormDefinition;
    broken.rules = [...broken.rules, { id: 'ghost', kind: 'require', target: 'name.ghost', when: true }];
    expect(() => new FormCatalogue([broken])).toThrow(/rule ghost: target "name.ghost" is not a field/);
  });

  const master = kpMaster();
  for (const def of BASE_CATALOGUE) {
    describe(`${def.key} ${def.version}`, () => {
      const { compiled, conflicts } = compileForm(def, { baseVersion: def.version, operations: [] }, master);
      const validator = new FormValidator(compiled);
      const calculated = calculatedTargets(def);
      const codes = (data: Data) => validator.validate(data).errors.map((e) => `${e.pointer} ${e.code}`);

      test('compiles, and its complete example passes', () => {
        expect(conflicts).toEqual([]);
        expect(validator.validate(fixture(def.key)).errors).toEqual([]);
      });

      test('removing any required field fails at its pointer', () => {
        const example = fixture(def.key);
        const hidden = hiddenIn(def, example);
        const missed: string[] = [];
        let tried = 0;
        for (const { address, field, table } of allFields(def)) {
          if (!field.required) continue;
          const [sectionId, fieldId, columnId] = address.split('.');
          if (calculated.has(table ? `${sectionId}.${fieldId}.rows.*.${columnId}` : address)) continue;
          const data = fixture(def.key);
          let pointer: string;
          if (table) {
            if (!table.required) continue; // columns of an optional table: checked when rows exist
            const row = data[sectionId]?.[fieldId]?.rows?.[0];
            if (!row) continue;
            delete row[columnId];
            pointer = `/${sectionId}/${fieldId}/rows/0/${columnId}`;
          } else {
            delete data[sectionId]?.[fieldId];
            pointer = `/${sectionId}/${fieldId}`;
          }
          if (hidden.some((h) => pointer.startsWith(h))) continue;
          tried++;
          if (!codes(data).includes(`${pointer} required`)) missed.push(pointer);
        }
        expect(missed).toEqual([]);
        expect(tried).toBeGreaterThan(3);
      });

      test('every calculated figure refuses a wrong value and accepts the right one', () => {
        const example = fixture(def.key);
        const corrected = validator.validate(example).data;
        const untested: string[] = [];
        const missed: string[] = [];
        const targets = [...calculated];
        for (const s of def.sections) for (const f of s.fields) for (const t of f.totals ?? []) targets.push(`${s.id}.${f.id}.totals.${t}`);
        for (const target of targets) {
          const parts = target.split('.');
          const rowScoped = parts[2] === 'rows';
          const container = rowScoped ? get(corrected, parts.slice(0, 3).join('.'))?.valueOf() as Data[] | undefined : undefined;
          const slots = rowScoped ? (container ?? []).map((_, i) => [...parts.slice(0, 3), String(i), parts[4]]) : [parts];
          const numericSlots = slots.filter((p) => toDecimal(get(corrected, p.join('.'))));
          if (!numericSlots.length) untested.push(target);
          for (const p of numericSlots) {
            const data = structuredClone(corrected);
            const holder = get(data, p.slice(0, -1).join('.')) as Data;
            const key = p[p.length - 1];
            const right = holder[key];
            holder[key] = typeof right === 'number' ? right + 7 : new Dec(String(right)).plus('7').toString();
            if (!codes(data).includes(`/${p.join('/')} calculation`)) missed.push(p.join('.'));
            holder[key] = right;
            expect(codes(data)).toEqual([]);
          }
        }
        expect(missed).toEqual([]);
        expect(untested).toEqual([]);
      });

      test('every cross-check holds on the example and fails when its figures disagree', () => {
        const example = validator.validate(fixture(def.key)).data;
        const notCaught: string[] = [];
        for (const check of def.checks) {
          const variables = [...new Set([...variablesOf(check.left), ...variablesOf(check.right)])];
          // A check that does not apply to the example (its `when`) is made to apply first.
          const applies = check.when === undefined || !!evaluate(check.when, example);
          const setUps = applies ? [() => undefined] : variablesOf(check.when).flatMap((v) => mutationsFor(def, example, v));
          const caught = setUps.some((setUp) =>
            variables.some((v) =>
              mutationsFor(def, example, v).some((mutate) => {
                const data = structuredClone(example);
                setUp(data);
                mutate(data);
                return validator.validate(data).errors.some((e) => e.code === 'check' && e.params?.check === check.id);
              }),
            ),
          );
          if (!caught) notCaught.push(check.id);
        }
        expect(notCaught).toEqual([]);
      });
    });
  }
});
