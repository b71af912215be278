import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import stringify from 'safe-stable-stringify';
import { BASE_CATALOGUE, RELEASED_BASE_VERSIONS } from '../../src/forms/catalogue';
import { EDITIONS } from '../../src/forms/catalogue/editions';
import { allFields, calculatedTargets, compileForm, contentHashOf, MasterSnapshot } from '../../src/forms/compile';
import { Dec, toDecimal } from '../../src/forms/decimal';
import { FieldDefinition, FormDefinition, MASTER_LISTS, MasterList } from '../../src/forms/definition';
import { definitionProblems } from '../../src/forms/definition-check';
import { FormCatalogue } from '../../src/forms/form-catalogue.service';
import { pc1ScrutinyChecks, revisedScrutinyChecks } from '../../src/forms/catalogue/scrutiny-checks';
import { FormValidator } from '../../src/forms/form-validator';
import { emptyOverlay } from '../../src/forms/overlay';
import { evaluate, variablesOf } from '../../src/forms/rules';
import { seedFor } from '../../src/master-data/master-data-seed';

/*
 * Every shipped form (the newest base version of each key), against its realistic complete
 * example (test/fixtures/forms/<key>.json, a Khyber Pakhtunkhwa project): the example passes;
 * taking away any required field fails at that field's pointer; every calculated figure and every
 * cross-check catches a wrong value. Released base versions stay byte-for-byte what provinces
 * have; the PC-I editions differ exactly by the 2024 content.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** KP's seeded master data, as a province gets it at provisioning. */
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

/**
 * SHA-256 of each released base definition (stable JSON), recorded from the definitions in the
 * code before they were frozen. The definition, not the compiled version, is hashed: a compiled
 * version's hash also moves with the engine (e.g. the schema's reserved `notApplicable`).
 */
const RELEASED_HASHES: Record<string, string> = {
  'pc1-infrastructure 1.0.0': '0243b560cfec40b9681c8ab88e5e96a51f91ea116e72bc5c17b4dfe297e4dc25',
  'pc1-production 1.0.0': 'f058fd417e25305cb42fb03d02c7654d8192b44b500fdb3ebada355ad152072a',
  'pc1-social 1.0.0': 'f05f2940b435dec319cc05d742fb67649043d63715958f3ae79c04f64a7e2bd9',
  'pc1-revised 1.0.0': '07ec841df52b7090b364f8049ff9a4d6de066bf4f8af8dbc7720c2dde7507028',
  'pc3a 1.0.0': '144d3949471a3c91fafae58cb6784fd4a76827eee1402721912ae23532d921d3',
};
const definitionHash = (def: FormDefinition) =>
  createHash('sha256')
    .update(stringify(def) as string)
    .digest('hex');

const PC1_2024_KEYS = ['pc1-infrastructure', 'pc1-production', 'pc1-social'];
const PC1_2005_KEYS = PC1_2024_KEYS.map((k) => `${k}-2005`);

/** The 2024 climate content: fields only the 2024 edition has. */
const CLIMATE_FIELDS = [
  'location.agroEcologicalZones',
  'location.biophysicalConditions',
  'location.ecosystems',
  'location.naturalResources',
  'authorities.climateAgencies',
  'objectives.sectoralObjectives',
  'objectives.economicObjectives',
  'objectives.socialObjectives',
  'objectives.climateObjectives',
  'benefits.climateMeasures',
];

/** The fidelity fields of both PC-I editions (the contract in the catalogue's field list). */
const FIDELITY_FIELDS = [
  'cover.adpNumber',
  'cover.computerCode',
  'cover.totalCost',
  'location.scope',
  'planProvision.umbrella',
  'planProvision.subSchemes',
  'planProvision.committedAmount',
  'planProvision.uncommittedAmount',
  'planProvision.ongoing',
  'planProvision.expenditureToDate',
  'planProvision.expenditureAsOf',
  'planProvision.throwForward',
  'capitalCost.dutiesAndTaxes',
  'financing.fecUsd',
  'financing.exchangeRate',
  'financing.exchangeRateDate',
];

const NEWEST = new FormCatalogue(BASE_CATALOGUE);
const newest = (key: string) => NEWEST.latest(key)!;
const fieldAddresses = (def: FormDefinition) => [...allFields(def)].filter((f) => !f.table).map((f) => f.address);

/**
 * A PC-I example turned into an umbrella PC-I of an ongoing scheme (sub-schemes, expenditure to
 * date), so its calculated amounts have figures to check; other forms have only their fixture.
 */
function umbrellaOngoing(example: Data): Data {
  const data = structuredClone(example);
  for (const id of ['subSchemes', 'committedAmount', 'uncommittedAmount', 'throwForward'])
    delete data.planProvision[id];
  const total = new Dec(String(data.capitalCost.estimate.totals.total));
  const share = total.dividedBy(4).toDecimalPlaces(3, Dec.ROUND_DOWN);
  data.planProvision = {
    ...data.planProvision,
    umbrella: true,
    subSchemes: {
      rows: [
        { name: 'Sub-scheme A', district: 'swat', cost: share.toFixed(3), status: 'committed' },
        { name: 'Sub-scheme B', district: 'dir-lower', cost: share.toFixed(3), status: 'committed' },
        { name: 'Sub-scheme C', cost: share.toFixed(3), status: 'uncommitted' },
      ],
    },
    ongoing: true,
    expenditureToDate: share.toFixed(3),
    expenditureAsOf: '2025-06-30',
  };
  return data;
}

const SCRUTINY_CHECK_IDS = new Set(
  [...pc1ScrutinyChecks('2005'), ...pc1ScrutinyChecks('2024'), ...revisedScrutinyChecks()].map((c) => c.id),
);

const examplesOf = (def: FormDefinition): Data[] =>
  def.family === 'PC-I' ? [fixture(def.key), umbrellaOngoing(fixture(def.key))] : [fixture(def.key)];
const NUMERIC = new Set(['money', 'decimal', 'integer']);
const BUMP = '1000000';

function get(data: Data, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Data)[k] : undefined), data);
}

/** Pointers hidden in this data by visibility rules (their requirements do not apply). */
function hiddenIn(def: FormDefinition, data: Data): string[] {
  return def.rules
    .filter((r) => r.kind === 'visible' && !r.target.includes('*') && !evaluate(r.when, data))
    .map((r) => `/${r.target.replace('.', '/')}`);
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
  if (rule && rule.kind === 'calculate')
    return variablesOf(rule.value).flatMap((v) => mutationsFor(def, data, v, depth + 1));
  if (field.type === 'boolean')
    return [
      (d) => {
        d[sectionId] = { ...d[sectionId], [fieldId]: !get(d, `${sectionId}.${fieldId}`) };
      },
    ];
  if (field.type === 'table' && (third === 'totals' || third === 'rows')) {
    const columns = numericColumns(field, calculated, `${sectionId}.${fieldId}`);
    const rowsOf = (d: Data) => (d[sectionId]?.[fieldId]?.rows ?? []) as Data[];
    // One column at a time: a check may compare two columns of the same table.
    return columns
      .flatMap((c) => [
        (d: Data) => {
          const r = rowsOf(d)[0];
          if (r) r[c.id] = new Dec(String(r[c.id] ?? '0')).plus(BUMP).toString();
        },
        (d: Data) => {
          for (const r of rowsOf(d)) r[c.id] = '0';
        },
      ])
      .map((m) => (d: Data) => {
        m(d);
        if (d[sectionId]?.[fieldId]) delete d[sectionId][fieldId].totals;
      });
  }
  if (NUMERIC.has(field.type)) {
    const value = toDecimal(get(data, `${sectionId}.${fieldId}`)) ?? new Dec(0);
    const set = (v: string | number) => (d: Data) => {
      d[sectionId] = { ...d[sectionId], [fieldId]: v };
    };
    return field.type === 'integer'
      ? [set(value.plus(BUMP).toNumber()), set(0)]
      : [set(value.plus(BUMP).toString()), set('0')];
  }
  return [];
}

describe('base catalogue', () => {
  test('every shipped definition is sound, and the catalogue loads', () => {
    for (const def of BASE_CATALOGUE)
      expect({ key: def.key, version: def.version, problems: definitionProblems(def) }).toEqual({
        key: def.key,
        version: def.version,
        problems: [],
      });
    const catalogue = new FormCatalogue(BASE_CATALOGUE);
    expect(catalogue.keys()).toEqual([
      'pc1-infrastructure',
      'pc1-production',
      'pc1-social',
      'pc1-revised',
      'pc2',
      'pc3a',
      'pc3b',
      'pc4',
      'pc5',
      'pc1-infrastructure-2005',
      'pc1-production-2005',
      'pc1-social-2005',
    ]);
    // Every key names its edition; the 2005 keys are editions of the 2024 keys' proforma.
    for (const key of catalogue.keys())
      expect({ key, edition: EDITIONS[key]?.id ?? null }).toEqual({ key, edition: expect.any(String) });
    for (const key of PC1_2005_KEYS)
      expect(EDITIONS[key]).toMatchObject({ proforma: key.replace(/-2005$/, ''), id: '2005' });
    for (const key of PC1_2024_KEYS) expect(EDITIONS[key]).toMatchObject({ proforma: key, id: '2024' });
  });

  test('released base versions are frozen beside their new versions, byte for byte', () => {
    const released = RELEASED_BASE_VERSIONS.map((d) => `${d.key} ${d.version}`);
    expect(released.sort()).toEqual(Object.keys(RELEASED_HASHES).sort());
    for (const def of RELEASED_BASE_VERSIONS) {
      expect({ form: `${def.key} ${def.version}`, hash: definitionHash(def) }).toEqual({
        form: `${def.key} ${def.version}`,
        hash: RELEASED_HASHES[`${def.key} ${def.version}`],
      });
      // It compiles to a version of its own, different from its successor's.
      const compiled = (d: FormDefinition) => contentHashOf(compileForm(d, emptyOverlay(d.version), {}).compiled);
      expect(compiled(def)).not.toEqual(compiled(newest(def.key)));
      expect(NEWEST.get(def.key, def.version)).toBe(def);
      expect(NEWEST.versions(def.key).length).toBeGreaterThan(1);
    }
    expect(newest('pc1-infrastructure').version).toBe('2.0.0');
    expect(newest('pc1-revised').version).toBe('1.1.0');
    expect(newest('pc3a').version).toBe('1.1.0');
    for (const key of PC1_2005_KEYS) expect(NEWEST.versions(key)).toEqual(['1.0.0']);
  });

  test('the 2005 PC-I has no 2024 climate items; the 2024 edition has them; both have the fidelity fields', () => {
    for (const [key2005, key2024] of PC1_2005_KEYS.map((k, i) => [k, PC1_2024_KEYS[i]])) {
      const old = newest(key2005);
      const current = newest(key2024);
      expect({ key: old.key, family: old.family, variant: old.variant }).toEqual({
        key: key2005,
        family: 'PC-I',
        variant: current.variant,
      });
      expect(old.sections.map((s) => s.number)).toEqual([
        '0',
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
        '10',
        '11',
        '12(a)',
        '12(b)',
        '13',
        '14',
        '15',
      ]);
      expect(current.sections.map((s) => s.number)).toEqual(old.sections.map((s) => s.number));
      const oldFields = fieldAddresses(old);
      const currentFields = fieldAddresses(current);
      expect(CLIMATE_FIELDS.filter((f) => oldFields.includes(f))).toEqual([]);
      expect(CLIMATE_FIELDS.filter((f) => !currentFields.includes(f))).toEqual([]);
      expect(old.rules.filter((r) => CLIMATE_FIELDS.includes(r.target))).toEqual([]);
      for (const fields of [oldFields, currentFields])
        expect(FIDELITY_FIELDS.filter((f) => !fields.includes(f))).toEqual([]);
      // Operation and maintenance: the 2005 item 8 is the annual cost; in 2024 it is an item of its own.
      const item8 = (d: FormDefinition) => d.sections.find((s) => s.number === '8')!;
      expect(item8(old).fields.map((f) => f.id)).toEqual(['annual', 'financing']);
      expect(item8(current).label.en).toBe('Operation and maintenance after completion of the project');
      expect(item8(current).fields.map((f) => f.id)).toEqual(
        expect.arrayContaining(['arrangements', 'annual', 'financing', 'costRecovery']),
      );
      // The 2024 edition has no new unconditionally required field but the extent of the project.
      const required = (d: FormDefinition) =>
        [...allFields(d)].filter((f) => f.field.required && !f.table).map((f) => f.address);
      expect(required(current).filter((f) => !required(old).includes(f) && !CLIMATE_FIELDS.includes(f))).toEqual([]);
      expect(old.source.notes).toMatch(/Edition 2005: without the 2024 climate content/);
      expect(current.source.notes).toMatch(/\[verify\] Item 8 "Operation and maintenance"/);
      expect(old.source.urls).not.toContain('https://www.scribd.com/document/812337484/PC-I-revised-2024');
    }
  });

  test('every label and help text has English and Urdu', () => {
    for (const def of BASE_CATALOGUE) {
      for (const s of def.sections) expect(s.label.ur).toMatch(/[\u0600-\u06FF]/);
      for (const { address, field } of allFields(def)) {
        expect({ address, en: field.label.en.length > 0, ur: /[\u0600-\u06FF]/.test(field.label.ur) }).toEqual({
          address,
          en: true,
          ur: true,
        });
      }
    }
  });

  test('the catalogue refuses a definition whose rule names a missing field', () => {
    const broken = structuredClone(BASE_CATALOGUE[0]) as FormDefinition;
    broken.rules = [...broken.rules, { id: 'ghost', kind: 'require', target: 'name.ghost', when: true }];
    expect(() => new FormCatalogue([broken])).toThrow(/rule ghost: target "name.ghost" is not a field/);
  });

  const master = kpMaster();
  for (const def of NEWEST.keys().map(newest)) {
    describe(`${def.key} ${def.version}`, () => {
      const { compiled, conflicts } = compileForm(def, { baseVersion: def.version, operations: [] }, master);
      const validator = new FormValidator(compiled);
      const calculated = calculatedTargets(def);
      const codes = (data: Data) => validator.validate(data).errors.map((e) => `${e.pointer} ${e.code}`);

      test('compiles, and its complete example passes without errors or warnings', () => {
        expect(conflicts).toEqual([]);
        const result = validator.validate(fixture(def.key));
        expect(result.errors).toEqual([]);
        expect(result.warnings ?? []).toEqual([]);
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
        const examples = examplesOf(def).map((e) => validator.validate(e));
        for (const e of examples) expect(e.errors).toEqual([]);
        const untested: string[] = [];
        const missed: string[] = [];
        const targets = [...calculated];
        for (const s of def.sections)
          for (const f of s.fields) for (const t of f.totals ?? []) targets.push(`${s.id}.${f.id}.totals.${t}`);
        for (const target of targets) {
          // The first example that has a figure there checks it.
          const corrected =
            examples
              .map((e) => e.data)
              .find((d) => {
                const parts = target.split('.');
                if (parts[2] !== 'rows') return toDecimal(get(d, target));
                const rows = get(d, parts.slice(0, 3).join('.')) as Data[] | undefined;
                return (rows ?? []).some((r) => toDecimal(r?.[parts[4]]));
              }) ?? examples[0].data;
          const parts = target.split('.');
          const rowScoped = parts[2] === 'rows';
          const container = rowScoped
            ? (get(corrected, parts.slice(0, 3).join('.'))?.valueOf() as Data[] | undefined)
            : undefined;
          const slots = rowScoped
            ? (container ?? []).map((_, i) => [...parts.slice(0, 3), String(i), parts[4]])
            : [parts];
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
        // The scrutiny checks (dates, rows, warnings) have their own spec: test/forms/scrutiny-checks.spec.ts.
        for (const check of def.checks.filter((c) => !SCRUTINY_CHECK_IDS.has(c.id))) {
          const variables = [...new Set([...variablesOf(check.left), ...variablesOf(check.right)])];
          // A check that does not apply to the example (its `when`) is made to apply first.
          const applies = check.when === undefined || !!evaluate(check.when, example);
          const setUps = applies
            ? [() => undefined]
            : variablesOf(check.when).flatMap((v) => mutationsFor(def, example, v));
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

/** The data a validation returns, with its calculated figures. */
const dataOf = (result: { data: unknown }) => result.data as Data;

describe('PC-I fidelity figures', () => {
  const master = kpMaster();
  const validatorFor = (key: string) =>
    new FormValidator(compileForm(newest(key), emptyOverlay(newest(key).version), master).compiled);
  const pc1Keys = [...PC1_2024_KEYS, ...PC1_2005_KEYS];

  test('each edition carries the scrutiny checks of its edition, once', () => {
    for (const key of pc1Keys) {
      const def = newest(key);
      const ids = def.checks.map((c) => c.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      const edition = key.endsWith('-2005') ? '2005' : '2024';
      expect(def.checks).toEqual(expect.arrayContaining(pc1ScrutinyChecks(edition)));
    }
    expect(newest('pc1-revised').checks).toEqual(expect.arrayContaining(revisedScrutinyChecks()));
  });

  test('the block balance is total − committed − proposed, and a negative balance is refused', () => {
    for (const key of pc1Keys) {
      const validator = validatorFor(key);
      const data = fixture(key);
      const row = data.planProvision.blockProvision.rows[0];
      delete row.balance;
      delete data.planProvision.blockProvision.totals;
      const result = validator.validate(data);
      const expected = new Dec(row.totalBlock).minus(row.committed).minus(row.proposed);
      expect({ key, balance: dataOf(result).planProvision.blockProvision.rows[0].balance }).toEqual({
        key,
        balance: expected.toFixed(3),
      });
      expect(result.errors).toEqual([]);
      row.proposed = new Dec(row.totalBlock).minus(row.committed).plus('0.001').toFixed(3);
      expect(validator.validate(data).errors.map((e) => `${e.pointer} ${e.params?.check ?? e.code}`)).toContain(
        '/planProvision/blockProvision block-balance-non-negative',
      );
    }
  });

  test('an umbrella PC-I sums its committed and uncommitted sub-schemes; they may not exceed the cost', () => {
    const validator = validatorFor('pc1-production-2005');
    const data = fixture('pc1-production-2005');
    expect(validator.validate(data).errors).toEqual([]);
    const pp = data.planProvision;
    for (const id of ['committedAmount', 'uncommittedAmount']) delete pp[id];
    delete pp.subSchemes.totals;
    for (const r of pp.subSchemes.rows) for (const c of ['committedCost', 'uncommittedCost']) delete r[c];
    const figures = dataOf(validator.validate(data)).planProvision;
    expect([figures.committedAmount, figures.uncommittedAmount, figures.subSchemes.totals.cost]).toEqual([
      '830.000',
      '306.450',
      '1136.450',
    ]);
    // A sub-scheme moved to committed moves its cost.
    pp.subSchemes.rows[2].status = 'committed';
    expect(dataOf(validator.validate(data)).planProvision.committedAmount).toBe('1136.450');
    // The sub-schemes may not add up to more than the cost.
    pp.subSchemes.rows[2].cost = '306.451';
    expect(validator.validate(data).errors.map((e) => e.params?.check)).toContain('umbrella-sub-schemes-within-cost');
    // An umbrella names its sub-schemes; a non-umbrella PC-I does not show them.
    delete pp.subSchemes;
    expect(validator.validate(data).errors.map((e) => `${e.pointer} ${e.code}`)).toContain(
      '/planProvision/subSchemes required',
    );
    pp.umbrella = false;
    expect(validator.validate(data).errors).toEqual([]);
  });

  test('the throw-forward of an ongoing scheme is the cost less the expenditure to date', () => {
    for (const key of ['pc1-infrastructure', 'pc1-infrastructure-2005']) {
      const validator = validatorFor(key);
      const data = umbrellaOngoing(fixture(key));
      data.planProvision.umbrella = false;
      delete data.planProvision.subSchemes;
      data.planProvision.expenditureToDate = '420.000';
      const result = validator.validate(data);
      expect(result.errors).toEqual([]);
      expect(dataOf(result).planProvision.throwForward).toBe(
        new Dec(String(data.capitalCost.estimate.totals.total)).minus('420').toFixed(3),
      );
      delete data.planProvision.expenditureToDate;
      expect(validator.validate(data).errors.map((e) => `${e.pointer} ${e.code}`)).toContain(
        '/planProvision/expenditureToDate required',
      );
    }
    expect(
      dataOf(validatorFor('pc1-infrastructure-2005').validate(fixture('pc1-infrastructure-2005'))).planProvision
        .throwForward,
    ).toBe('2708.200');
  });

  test(
    "PC-III(A)'s throw-forward is the approved cost less expenditure " +
      "to last year's end less this year's allocation",
    () => {
      const validator = validatorFor('pc3a');
      const data = fixture('pc3a');
      delete data.provision.throwForward;
      const result = validator.validate(data);
      expect(result.errors).toEqual([]);
      // 1850.000 − 820.500 (cumulative expenditure of the four items) − 450.000
      expect(dataOf(result).cashPlan.items.totals.cumulativeExpenditure).toBe('820.500');
      expect(dataOf(result).provision.throwForward).toBe('579.500');
      data.provision.throwForward = '600.000';
      expect(validator.validate(data).errors.map((e) => `${e.pointer} ${e.code}`)).toEqual([
        '/provision/throwForward calculation',
      ]);
    },
  );

  test('a province-wide project need not name districts; a district or multi-district one must', () => {
    for (const key of pc1Keys) {
      const validator = validatorFor(key);
      const data = fixture(key);
      data.location.districts = [];
      expect(validator.validate(data).errors.map((e) => `${e.pointer} ${e.code}`)).toEqual([
        '/location/districts required',
      ]);
      data.location.scope = 'province-wide';
      expect(validator.validate(data).errors).toEqual([]);
      delete data.location.scope;
      expect(validator.validate(data).errors.map((e) => `${e.pointer} ${e.code}`)).toEqual(
        expect.arrayContaining(['/location/scope required']),
      );
    }
  });

  test('the ADP serial number and the computer code are digits; FEC details are required with an FEC', () => {
    for (const key of pc1Keys) {
      const validator = validatorFor(key);
      const data = fixture(key);
      data.cover.adpNumber = '95/7';
      data.cover.computerCode = 'ABC';
      expect(validator.validate(data).errors.map((e) => `${e.pointer} ${e.code}`)).toEqual([
        '/cover/adpNumber pattern',
        '/cover/computerCode pattern',
      ]);
    }
    const validator = validatorFor('pc1-production');
    const data = fixture('pc1-production');
    for (const id of ['fecUsd', 'exchangeRate', 'exchangeRateDate']) delete data.financing[id];
    expect(validator.validate(data).errors.map((e) => `${e.pointer} ${e.code}`)).toEqual([
      '/financing/exchangeRate required',
      '/financing/exchangeRateDate required',
      '/financing/fecUsd required',
    ]);
  });

  test('against the released 1.0.0, the 2024 edition requires only the extent of the project in addition', () => {
    const required = (d: FormDefinition) =>
      [...allFields(d)].filter((f) => f.field.required && !f.table).map((f) => f.address);
    for (const key of PC1_2024_KEYS) {
      const released = NEWEST.get(key, '1.0.0')!;
      expect({ key, added: required(newest(key)).filter((f) => !required(released).includes(f)) }).toEqual({
        key,
        added: ['location.scope'],
      });
    }
  });
});
