import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_CATALOGUE } from '../../src/forms/catalogue';
import { compileForm, MasterSnapshot } from '../../src/forms/compile';
import { MASTER_LISTS, MasterList } from '../../src/forms/definition';
import { FormValidator } from '../../src/forms/form-validator';
import { localizeCompiled } from '../../src/forms/form-view';
import { seedFor } from '../../src/master-data/master-data-seed';
import { evaluateConditions, runCheck, validatorFor } from '../../web/src/editor/live-check';
import { fieldIndex, inFormOrder, labelOf, readableChanges } from '../../web/src/editor/labels';
import { formatDecimalText, normaliseNumberText, numberValue } from '../../web/src/editor/number-text';
import { getAt, setAt, share } from '../../web/src/editor/pointer';
import { rebase } from '../../web/src/editor/rebase';
import type { FormVersionView } from '../../web/src/editor/types';

/*
 * The editor's logic outside the browser: the server's FormValidator driven the way the editor
 * drives it (what the version endpoint sends, stale figures dropped first) must give exactly the
 * server's figures and errors for every form of the catalogue; and the data helpers the editor
 * builds on (immutable pointers, structural sharing, conflict rebase, typed numbers).
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function kpMaster(): MasterSnapshot {
  const seed = seedFor('kp');
  const snapshot: MasterSnapshot = {};
  for (const list of MASTER_LISTS) {
    const items = seed[list as MasterList & keyof typeof seed] ?? [];
    snapshot[list] = items.map((i) => ({
      value: i.code,
      label: { en: i.en, ur: i.ur },
      ...(i.parent ? { parent: i.parent } : {}),
    }));
  }
  return snapshot;
}

const fixture = (key: string): Data =>
  JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'forms', `${key}.json`), 'utf8'));

/** What GET /api/forms/:key/versions/:n answers, as the browser receives it (JSON). */
function versionView(key: string): { view: FormVersionView; server: FormValidator } {
  const base = BASE_CATALOGUE.find((d) => d.key === key)!;
  const { compiled, contentHash } = compileForm(
    structuredClone(base),
    { baseVersion: base.version, operations: [] },
    kpMaster(),
  );
  const view = JSON.parse(
    JSON.stringify({ id: key, formKey: key, number: 1, contentHash, ...localizeCompiled(compiled, 'en') }),
  ) as FormVersionView;
  return { view, server: new FormValidator(compiled) };
}

describe('the browser runs the server’s validator', () => {
  it.each(BASE_CATALOGUE.map((d) => d.key))(
    '%s: the same figures and errors as the server, from stale figures too',
    (key) => {
      const { view, server } = versionView(key);
      const browser = validatorFor(view);
      expect(browser).not.toBeNull();
      const data = fixture(key);
      const expected = server.validate(data, 'en');

      const fresh = runCheck(browser!, view.definition, data, data, 'en');
      expect(fresh.data).toEqual(expected.data);
      expect(fresh.errors).toEqual(expected.errors);

      // Stale figures (as while typing): every total and calculated figure replaced by a wrong one.
      const stale = spoilFigures(expected.data, view);
      expect(stale).not.toEqual(expected.data);
      const recomputed = runCheck(browser!, view.definition, stale, stale, 'en');
      expect(recomputed.errors.filter((e) => e.code === 'calculation')).toEqual([]);
      expect(recomputed.data).toEqual(expected.data);
    },
  );

  it('is built once per version (both languages share it)', () => {
    const { view } = versionView('pc2');
    expect(validatorFor(view)).toBe(validatorFor({ ...view, locale: 'ur' }));
  });

  it('drops a figure whose inputs became malformed instead of keeping its last value', () => {
    const { view } = versionView('pc1-infrastructure');
    const data = fixture('pc1-infrastructure');
    const validator = validatorFor(view)!;
    const checked = runCheck(validator, view.definition, data, data, 'en');
    const broken = setAt(checked.data, '/capitalCost/estimate/rows/0/local', '12x');
    const after = runCheck(validator, view.definition, broken, checked.data, 'en');
    expect(getAt(after.data, '/capitalCost/estimate/rows/0/total')).toBeUndefined();
    expect(after.errors.map((e) => e.pointer)).toContain('/capitalCost/estimate/rows/0/local');
    // Untouched sections keep their identity (so their components stay memoised).
    expect(after.data.name).toBe(checked.data.name);
    expect(after.data.financing).toBe(checked.data.financing);
  });

  it('evaluates visibility and conditional requirements with the rules module', () => {
    const { view } = versionView('pc1-infrastructure');
    const data = fixture('pc1-infrastructure');
    const inPlan = evaluateConditions(view.definition, setAt(data, '/planProvision/inPlan', true));
    expect(inPlan.hidden.has('/planProvision/inclusionJustification')).toBe(true);
    expect(inPlan.hidden.has('/planProvision/planAllocation')).toBe(false);
    expect(inPlan.required.has('/planProvision/planAllocation')).toBe(true);
    const notInPlan = evaluateConditions(view.definition, setAt(data, '/planProvision/inPlan', false));
    expect(notInPlan.hidden.has('/planProvision/planAllocation')).toBe(true);
    expect(notInPlan.required.has('/planProvision/inclusionJustification')).toBe(true);
  });
});

/** The data with every calculated figure and every total set to a wrong amount. */
function spoilFigures(data: Data, view: FormVersionView): Data {
  const out = structuredClone(data);
  const wrong = '1.5';
  for (const rule of view.definition.rules) {
    if (rule.kind !== 'calculate') continue;
    const [section, field, , , column] = rule.target.split('.');
    if (column === undefined) {
      if (out[section]) out[section][field] = wrong;
    } else for (const row of out[section]?.[field]?.rows ?? []) row[column] = wrong;
  }
  for (const s of view.definition.sections) {
    for (const f of s.fields) {
      const table = out[s.id]?.[f.id];
      if (f.type === 'table' && f.totals?.length && table)
        table.totals = Object.fromEntries(f.totals.map((c) => [c, wrong]));
    }
  }
  return out;
}

describe('changes in the form’s own words', () => {
  const { view } = versionView('pc1-infrastructure');
  const index = fieldIndex(view);
  const words = {
    row: (n: number) => `row ${n}`,
    totals: 'Total',
    yes: 'Yes',
    no: 'No',
    empty: '—',
    list: (i: string[]) => i.join(', '),
    number: String,
    date: String,
  };

  it('names cells, rows and totals by table, row and column', () => {
    expect(labelOf(view, index, '/capitalCost/estimate/rows/2/local', words)).toBe(
      'Item-wise and year-wise capital cost (Rs million), row 3, Local (Rs million)',
    );
    expect(labelOf(view, index, '/capitalCost/estimate/totals/total', words)).toBe(
      'Item-wise and year-wise capital cost (Rs million), Total, Total (Rs million)',
    );
    expect(labelOf(view, index, '/capitalCost', words)).toBe(view.labels['/capitalCost']);
  });

  it('turns a whole new section into one change per field and one per table row', () => {
    const data = fixture('pc1-infrastructure');
    const changes = readableChanges(index, [{ pointer: '/capitalCost', to: data.capitalCost }]);
    const pointers = changes.map((c) => c.pointer);
    expect(pointers).toContain('/capitalCost/basis');
    expect(pointers).toContain('/capitalCost/estimate/rows/0');
    expect(pointers).toContain(`/capitalCost/estimate/rows/${data.capitalCost.estimate.rows.length - 1}`);
    expect(pointers.some((p) => p.startsWith('/capitalCost/estimate/rows/0/'))).toBe(false);
  });

  it('lists changes in the proforma’s order', () => {
    const changes = [
      { pointer: '/capitalCost/estimate/rows/10/local' },
      { pointer: '/name/title' },
      { pointer: '/capitalCost/estimate/rows/2/local' },
      { pointer: '/capitalCost/estimate/totals/local' },
    ];
    expect(inFormOrder(view, changes).map((c) => c.pointer)).toEqual([
      '/name/title',
      '/capitalCost/estimate/rows/2/local',
      '/capitalCost/estimate/rows/10/local',
      '/capitalCost/estimate/totals/local',
    ]);
  });
});

describe('pointers and structural sharing', () => {
  const data = { a: { rows: [{ x: '1' }, { x: '2' }] }, b: { y: true } };

  it('sets a value by copying only its path', () => {
    const next = setAt(data, '/a/rows/1/x', '3');
    expect(next.a.rows[1].x).toBe('3');
    expect(next.b).toBe(data.b);
    expect(next.a.rows[0]).toBe(data.a.rows[0]);
    expect(data.a.rows[1].x).toBe('2');
  });

  it('removes a value set to undefined, and splices an array item', () => {
    expect(setAt(data, '/b/y', undefined)).toEqual({ a: data.a, b: {} });
    expect(setAt(data, '/a/rows/0', undefined).a.rows).toEqual([{ x: '2' }]);
    expect(getAt({ 'a/b': { '~c': 1 } }, '/a~1b/~0c')).toBe(1);
  });

  it('keeps the identity of everything that did not change', () => {
    const copy = JSON.parse(JSON.stringify(data));
    expect(share(data, copy)).toBe(data);
    copy.a.rows[1].x = '9';
    const shared = share(data, copy);
    expect(shared).not.toBe(data);
    expect(shared.b).toBe(data.b);
    expect(shared.a.rows[0]).toBe(data.a.rows[0]);
    expect(shared.a.rows[1]).toEqual({ x: '9' });
  });
});

describe('keeping my values after a conflict', () => {
  const base = { s: { text: 'base', other: 'base', rows: [{ v: '1' }, { v: '2' }] } };

  it('puts my changed values on top of theirs and keeps theirs elsewhere', () => {
    const mine = setAt(base, '/s/text', 'mine');
    const theirs = setAt(setAt(base, '/s/other', 'theirs'), '/s/rows/1/v', '5');
    expect(rebase(base, mine, theirs)).toEqual({
      s: { text: 'mine', other: 'theirs', rows: [{ v: '1' }, { v: '5' }] },
    });
  });

  it('takes my whole table when rows were added or removed on either side', () => {
    const mine = setAt(base, '/s/rows/-', { v: '3' });
    const theirs = setAt(setAt(base, '/s/rows/0', undefined), '/s/other', 'theirs');
    expect(rebase(base, mine, theirs)).toEqual({
      s: { text: 'base', other: 'theirs', rows: [{ v: '1' }, { v: '2' }, { v: '3' }] },
    });
  });

  it('removes what I removed', () => {
    const mine = setAt(base, '/s/other', undefined);
    expect(rebase(base, mine, setAt(base, '/s/text', 'theirs'))).toEqual({ s: { text: 'theirs', rows: base.s.rows } });
  });
});

describe('typed numbers', () => {
  it('keeps amounts as decimal strings and reads Urdu digits and grouping', () => {
    expect(numberValue('money', '1,250.500')).toBe('1250.500');
    expect(numberValue('money', '۱۲۵۰٫۵')).toBe('1250.5');
    expect(numberValue('decimal', '٠٫٢٥')).toBe('0.25');
    expect(numberValue('money', '')).toBeUndefined();
    expect(numberValue('money', '12a')).toBe('12a');
  });

  it('makes integers JSON integers only when they are whole and safe', () => {
    expect(numberValue('integer', '42')).toBe(42);
    expect(numberValue('integer', '4.2')).toBe('4.2');
    expect(numberValue('integer', '99999999999999999')).toBe('99999999999999999');
    expect(normaliseNumberText(' 1 000 ')).toBe('1000');
  });

  it('shows amounts grouped without going through a float', () => {
    expect(formatDecimalText('123456789012345.678', 3)).toBe('123,456,789,012,345.678');
    expect(formatDecimalText('-1250.5', 3)).toBe('-1,250.500');
    expect(formatDecimalText('999')).toBe('999');
    expect(formatDecimalText('12x')).toBe('12x');
  });
});
