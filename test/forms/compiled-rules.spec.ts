import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_CATALOGUE } from '../../src/forms/catalogue';
import { compileForm, MasterSnapshot } from '../../src/forms/compile';
import { Dec, toDecimal } from '../../src/forms/decimal';
import { MASTER_LISTS, MasterList } from '../../src/forms/definition';
import { FormValidator } from '../../src/forms/form-validator';
import { compileLogic, decimalOf, decimalText, evaluate, withDecimalMemo } from '../../src/forms/rules';
import { seedFor } from '../../src/master-data/master-data-seed';

/*
 * The validator compiles each rule once (compileLogic) and reads each figure once per validation
 * (decimalOf); both must give exactly what json-logic-js and toDecimal give. Checked on every rule
 * and check of the catalogue against every example, row by row, and on hand-made edge cases.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'forms');
const examples: { key: string; data: Data }[] = readdirSync(FIXTURES).map((f) => ({
  key: f.replace(/\.json$/, ''),
  data: JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')),
}));

function kpMaster(): MasterSnapshot {
  const seed = seedFor('kp');
  const snapshot: MasterSnapshot = {};
  for (const list of MASTER_LISTS) {
    const items = seed[list as MasterList & keyof typeof seed] ?? [];
    snapshot[list] = items.map((i) => ({ value: i.code, label: { en: i.en, ur: i.ur } }));
  }
  return snapshot;
}

/** Every row of every table of an example (what row-scoped rules see as "row"). */
function rowsOf(data: Data): unknown[] {
  const rows: unknown[] = [];
  for (const section of Object.values(data))
    for (const value of Object.values(section && typeof section === 'object' ? section : {}))
      if (value && typeof value === 'object' && Array.isArray((value as Data).rows)) rows.push(...(value as Data).rows);
  return rows;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('compileLogic', () => {
  it('gives what json-logic-js gives for every rule and check of the catalogue, on its examples, row by row', () => {
    let compared = 0;
    for (const def of BASE_CATALOGUE) {
      const own = examples.filter((e) => e.key === def.key).map((e) => e.data);
      const logics = [
        ...def.rules.map((r) => (r.kind === 'calculate' ? r.value : r.when)),
        ...def.checks.flatMap((c) => [c.when, c.left, c.right].filter((l) => l !== undefined)),
      ];
      for (const logic of logics) {
        const compiled = compileLogic(logic);
        for (const data of own) {
          expect(compiled(data)).toEqual(evaluate(logic, data));
          for (const row of rowsOf(data)) {
            expect(compiled(data, row)).toEqual(evaluate(logic, { ...data, row }));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it.each([
    [{ var: '' }, { a: 1 }],
    [{ var: ['missing.path', 'fallback'] }, { a: 1 }],
    [{ var: 'a.0' }, { a: ['x'] }],
    [{ var: 'row' }, { row: 'data row' }],
    [{ var: 'row.b' }, { row: { b: 'shadowed' } }],
    [{ if: [] }, {}],
    [{ if: [false, 1] }, {}],
    [{ if: [[], 'empty list is falsy', 'else'] }, {}],
    [{ and: [] }, {}],
    [{ or: [0, '', null] }, {}],
    [{ all: [{ var: 'xs' }, { '>': [{ var: '' }, 1] }] }, { xs: [] }],
    [{ none: [{ var: 'xs' }, { '>': [{ var: '' }, 1] }] }, { xs: [2] }],
    [{ some: [{ var: 'xs' }, { '==': [{ var: 'row' }, 1] }] }, { xs: [{ row: 1 }] }],
    [{ '<': [1, { var: 'a' }, 3] }, { a: 2 }],
    [{ '<=': [1, 1, 0] }, {}],
    [{ in: ['b', { var: 's' }] }, { s: 'abc' }],
    [{ in: ['b', null] }, {}],
    [{ cat: ['a', 1, null] }, {}],
    [{ merge: [[1], 2, [[3]]] }, {}],
    [{ missing: ['a', 'b'] }, { a: 1 }],
    [{ missing_some: [1, ['a', 'b']] }, { b: 1 }],
    [{ substr: ['hello', 1, -1] }, {}],
    [{ var: [{ cat: ['a', '.b'] }] }, { a: { b: 'computed name' } }],
    [{ dec_add: [{ var: 'row.x' }, '1.5'] }, { row: { x: '2' } }],
    [{ '!': [[]] }, {}],
    [{ '!!': [{ var: 'a' }] }, { a: '0' }],
    [{ a: 1, b: 2 }, {}],
    [['not', { var: 'a' }], { a: 'logic' }],
  ])('%j on %j', (logic, data) => {
    const compiled = compileLogic(logic);
    expect(compiled(data)).toEqual(evaluate(logic, data));
    const row = { x: '4', b: 'row b' };
    expect(compiled(data, row)).toEqual(evaluate(logic, { ...data, row }));
  });
});

describe('decimalOf and decimalText', () => {
  it.each(['0', '-0', '1.500', '12.', '1e3', ' 1', '+1', 'x', '', 'a'.repeat(65), '0.'.padEnd(66, '1')])(
    'reads %j as toDecimal does, in a validation or not',
    (text) => {
      const expected = toDecimal(text);
      expect(String(decimalOf(text))).toBe(String(expected));
      withDecimalMemo(() => {
        expect(String(decimalOf(text))).toBe(String(expected));
        expect(String(decimalOf(text))).toBe(String(expected));
      });
    },
  );

  it.each(['1e+50', '-0', '0.1', '1e-50', '123456789012345678901234567890.123456789'])(
    'remembers only text that toDecimal reads back as the same value (%s)',
    (value) => {
      withDecimalMemo(() => {
        const text = decimalText(new Dec(value));
        const read = decimalOf(text);
        const expected = toDecimal(text);
        expect(read === undefined || read === null ? read : read.toString()).toEqual(
          expected === undefined || expected === null ? expected : expected.toString(),
        );
      });
    },
  );
});

describe('FormValidator copies only what it writes', () => {
  const master = kpMaster();
  it.each(BASE_CATALOGUE.map((def) => [def.key, def.version, def] as const))(
    '%s %s: the input is never written, the result repeats a second validation exactly',
    (key, _version, def) => {
      const file = path.join(FIXTURES, `${key}.json`);
      let example: Data;
      try {
        example = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        return; // no example for this form
      }
      const validator = new FormValidator(
        compileForm(def, { baseVersion: def.version, operations: [] }, master).compiled,
      );
      // Frozen: any write into the input throws (every calculated figure is written on each run).
      const frozen = deepFreeze(structuredClone(example));
      const first = validator.validate(frozen);
      const again = validator.validate(structuredClone(example));
      expect(again).toEqual(first);
      expect(frozen).toEqual(example);
      // Validating the result changes nothing: every computed figure is already in place.
      expect(validator.validate(first.data).data).toEqual(first.data);
    },
  );
});
