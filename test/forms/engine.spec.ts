import {
  field,
  fiscalYearColumn,
  itemColumn,
  l,
  localForeignTable,
  money,
  pcField,
  section,
  shortText,
} from '../../src/forms/catalogue/common';
import { compileForm, formUi } from '../../src/forms/compile';
import { FormDefinition } from '../../src/forms/definition';
import { definitionProblems } from '../../src/forms/definition-check';
import { checkDefinitionShape, checkOverlayShape, MAX_OVERLAY_PATTERNS } from '../../src/forms/definition-schema';
import { diffDefinitions } from '../../src/forms/diff';
import { fitToDefinition } from '../../src/forms/fit';
import { FormValidator, warningKey } from '../../src/forms/form-validator';
import { isPlaceholder, PLACEHOLDER_VALUES } from '../../src/forms/placeholders';
import { Overlay, OverlayOperation } from '../../src/forms/overlay';

/*
 * The form engine on a small definition: decimal arithmetic, calculations, cross-checks,
 * conditional rules, overlay operations and their refusals. The shipped forms are exercised
 * the same way in catalogue.spec.ts.
 */

const cost = localForeignTable({ section: 'cost', id: 'estimate' }, l('Capital cost', 'سرمایہ جاتی لاگت'), [
  itemColumn(),
  fiscalYearColumn(),
]);
const phasing = localForeignTable({ section: 'cost', id: 'phasing' }, l('Phasing', 'مرحلہ وار'), [fiscalYearColumn()], {
  required: false,
});
const BASE: FormDefinition = {
  key: 'mini',
  version: '1.0.0',
  family: 'PC-I',
  title: l('Mini PC-I', 'مختصر پی سی ون'),
  source: { document: 'test', urls: [] },
  sections: [
    section('name', '1', l('Name of the project', 'منصوبے کا نام'), [
      pcField('title', 'text', l('Title', 'عنوان'), { constraints: { maxLength: 100 } }),
      shortText('adpNumber', l('ADP number', 'اے ڈی پی نمبر')),
      field('district', 'select', l('District', 'ضلع'), { options: { master: 'districts' } }),
      field('kind', 'select', l('Kind', 'قسم'), {
        options: [
          { value: 'new', label: l('New', 'نیا') },
          { value: 'revised', label: l('Revised', 'نظرثانی شدہ') },
        ],
        fixedOptions: true,
      }),
    ]),
    section('cost', '7', l('Capital cost', 'لاگت'), [
      cost.field,
      phasing.field,
      money('contingency', l('Contingency', 'ہنگامی'), { constraints: { maximum: '100' } }),
      field('feasibility', 'attachment', l('Feasibility study', 'فزیبلٹی')),
    ]),
  ],
  rules: [
    ...cost.rules,
    ...phasing.rules,
    {
      id: 'feasibility-over-300',
      kind: 'require',
      target: 'cost.feasibility',
      when: { dec_gte: [{ var: 'cost.estimate.totals.total' }, '300'] },
    },
    {
      id: 'adp-for-revised',
      kind: 'visible',
      target: 'name.adpNumber',
      when: { '==': [{ var: 'name.kind' }, 'revised'] },
    },
  ],
  checks: [
    {
      id: 'phasing-equals-cost',
      op: 'eq',
      left: { var: 'cost.phasing.totals.total' },
      right: { var: 'cost.estimate.totals.total' },
      when: { '!!': [{ var: 'cost.phasing.rows' }] },
      pointer: '/cost/phasing/totals/total',
      message: l('Phasing must add up to the capital cost', 'مرحلہ وار رقوم کل لاگت کے برابر ہوں'),
    },
  ],
};
const MASTER = {
  districts: [
    { value: 'gilgit', label: l('Gilgit', 'گلگت') },
    { value: 'hunza', label: l('Hunza', 'ہنزہ') },
  ],
};
const validatorFor = (overlay: Overlay = { baseVersion: '1.0.0', operations: [] }) => {
  const result = compileForm(BASE, overlay, MASTER);
  expect(result.conflicts).toEqual([]);
  return new FormValidator(result.compiled);
};
const row = (item: string, local: string, fec: string, total?: string) => ({
  item,
  year: '2025-26',
  local,
  fec,
  ...(total === undefined ? {} : { total }),
});
const data = (rows: object[], extra: Record<string, unknown> = {}) => ({
  name: { title: 'Karakoram road', kind: 'new' },
  cost: { estimate: { rows }, ...extra },
});
const pointers = (errors: { pointer: string }[]) => errors.map((e) => e.pointer);

describe('form engine', () => {
  const v = validatorFor();

  test('the test definition itself is sound', () => {
    expect(definitionProblems(BASE)).toEqual([]);
  });

  describe('decimal arithmetic', () => {
    test('0.1 + 0.2 is exactly 0.3, and totals are recomputed by the server', () => {
      const r = v.validate(data([row('a', '0.1', '0.2')]));
      expect(r.errors).toEqual([]);
      expect(r.data.cost).toMatchObject({
        estimate: { rows: [{ total: '0.300' }], totals: { local: '0.100', fec: '0.200', total: '0.300' } },
      });
    });

    test('a total of 0.3 sent for 0.1 + 0.2 is accepted; 0.30000000000000004 is refused', () => {
      expect(v.validate(data([row('a', '0.1', '0.2', '0.3')])).valid).toBe(true);
      const r = v.validate(data([row('a', '0.1', '0.2', '0.30000000000000004')]));
      expect(pointers(r.errors)).toContain('/cost/estimate/rows/0/total');
    });

    test('large rupee amounts add up without rounding', () => {
      const r = v.validate(data([row('a', '999999999999.999', '0'), row('b', '0.001', '0')]));
      // 999,999,999,999.999 + 0.001 = 1,000,000,000,000 (13 digits: beyond one cell, fine for a total)
      expect(r.data.cost).toMatchObject({ estimate: { totals: { local: '1000000000000.000' } } });
      const tooBig = v.validate(data([row('a', '9999999999999', '0')]));
      expect(tooBig.errors.map((e) => [e.pointer, e.code])).toContainEqual(['/cost/estimate/rows/0/local', 'money']);
      // Refused amounts still add up in a draft; a sum beyond what a total may hold is reported
      // at each figure built on it.
      const huge = v.validate(data([row('a', '99999999999999999', '0')]));
      expect(huge.errors.map((e) => [e.pointer, e.code])).toEqual(
        expect.arrayContaining([
          ['/cost/estimate/rows/0/local', 'money'],
          ['/cost/estimate/rows/0/total', 'calculatedOutOfRange'],
          ['/cost/estimate/totals/local', 'calculatedOutOfRange'],
          ['/cost/estimate/totals/total', 'calculatedOutOfRange'],
        ]),
      );
      expect(huge.valid).toBe(false);
      expect(
        v
          .validate(data([row('a', '99999999999999999', '0')]), 'ur')
          .errors.find((e) => e.code === 'calculatedOutOfRange')?.message,
      ).toMatch(/حساب سے/);
    });

    test('negative amounts, floats, exponents and more than three decimals are refused with the field named', () => {
      for (const bad of ['-5', '1e3', '12.3456', ' 12', '0x10', '']) {
        const r = v.validate(data([row('a', bad, '1')]));
        expect(r.errors.map((e) => e.pointer)).toContain('/cost/estimate/rows/0/local');
      }
      const float = v.validate(data([{ item: 'a', year: '2025-26', local: 0.1, fec: '1' }]));
      expect(float.errors[0]).toMatchObject({ pointer: '/cost/estimate/rows/0/local', code: 'type' });
      expect(v.validate(data([row('a', '-5', '1')])).errors[0].message).toMatch(
        /Capital cost, row 1, Local \(Rs million\) must be an amount.*not negative/,
      );
    });

    test('a maximum on money is compared as a decimal', () => {
      expect(v.validate(data([row('a', '1', '1')], { contingency: '100.000' })).valid).toBe(true);
      const r = v.validate(data([row('a', '1', '1')], { contingency: '100.001' }));
      expect(r.errors).toEqual([expect.objectContaining({ pointer: '/cost/contingency', code: 'maximum' })]);
    });
  });

  describe('calculations and cross-checks', () => {
    test('a row whose total is not local + foreign names the table, row and column', () => {
      const r = v.validate(data([row('a', '10', '5', '15'), row('b', '100', '60', '150')]));
      expect(r.errors).toEqual([
        expect.objectContaining({ pointer: '/cost/estimate/rows/1/total', code: 'calculation' }),
      ]);
      expect(r.errors[0].message).toBe(
        'Item 7: Capital cost, row 2, Total (Rs million): 150 was entered but the calculated value is 160.000',
      );
      expect(v.validate(data([row('a', '10', '5', '15.000')])).valid).toBe(true);
    });

    test('a wrong totals row is reported at the total', () => {
      const r = v.validate({
        ...data([]),
        cost: { estimate: { rows: [row('a', '1', '2')], totals: { local: '1', fec: '2', total: '4' } } },
      });
      expect(r.errors).toEqual([
        expect.objectContaining({ pointer: '/cost/estimate/totals/total', code: 'calculation' }),
      ]);
    });

    test('phasing must sum to the capital cost', () => {
      const phasingRows = (a: string, b: string) => ({
        rows: [
          { year: '2025-26', local: a, fec: '0' },
          { year: '2026-27', local: b, fec: '0' },
        ],
      });
      expect(v.validate(data([row('a', '100', '0')], { phasing: phasingRows('60', '40') })).valid).toBe(true);
      const r = v.validate(data([row('a', '100', '0')], { phasing: phasingRows('60', '39.999') }));
      expect(r.errors).toEqual([expect.objectContaining({ pointer: '/cost/phasing/totals/total', code: 'check' })]);
      expect(r.errors[0].message).toBe('Item 7: Phasing must add up to the capital cost (99.999 against 100)');
      expect(
        v.validate(data([row('a', '100', '0')], { phasing: phasingRows('60', '39.999') }), 'ur').errors[0].message,
      ).toBe('مد 7: مرحلہ وار رقوم کل لاگت کے برابر ہوں (99.999 بمقابلہ 100)');
    });

    test('a feasibility study is required from Rs 300 million, not below', () => {
      expect(v.validate(data([row('a', '299.999', '0')])).valid).toBe(true);
      const at = v.validate(data([row('a', '250', '50')]));
      expect(at.errors).toEqual([expect.objectContaining({ pointer: '/cost/feasibility', code: 'required' })]);
      expect(
        v.validate(data([row('a', '250', '50')], { feasibility: '2b1e4f7c-3f5d-4b8a-9d2e-1f0a9b8c7d6e' })).valid,
      ).toBe(true);
    });

    test('a field hidden by a visibility rule is not required; unknown keys are refused', () => {
      const hiddenRequired: Overlay = {
        baseVersion: '1.0.0',
        operations: [{ op: 'require', target: 'name.adpNumber' }],
      };
      const strict = validatorFor(hiddenRequired);
      expect(strict.validate(data([row('a', '1', '1')])).valid).toBe(true);
      const revised = { ...data([row('a', '1', '1')]), name: { title: 'x', kind: 'revised' } };
      expect(pointers(strict.validate(revised).errors)).toEqual(['/name/adpNumber']);
      const unknown = v.validate(JSON.parse('{"name":{"title":"x","__proto__":{"admin":true},"colour":"red"}}'));
      expect(unknown.errors.map((e) => [e.pointer, e.code])).toEqual(
        expect.arrayContaining([
          ['/name/__proto__', 'unknown'],
          ['/name/colour', 'unknown'],
        ]),
      );
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });

    test('messages follow the locale, and a missing section is reported field by field', () => {
      const r = v.validate({}, 'ur');
      expect(r.errors).toEqual([
        expect.objectContaining({
          pointer: '/name/title',
          code: 'required',
          item: '1',
          severity: 'error',
          message: 'مد 1: عنوان لازمی ہے',
        }),
      ]);
      expect(v.validate([], 'en').errors[0]).toMatchObject({ pointer: '', code: 'notObject' });
    });

    test('validation never changes its input', () => {
      const input = data([row('a', '1', '2')]);
      const copy = structuredClone(input);
      v.validate(input);
      expect(input).toEqual(copy);
    });
  });

  describe('overlays', () => {
    const apply = (...operations: OverlayOperation[]) =>
      compileForm(BASE, { baseVersion: '1.0.0', operations }, MASTER);
    const reasons = (...operations: OverlayOperation[]) => apply(...operations).conflicts.map((c) => c.reason);

    test('add a field at a position, add a section, relabel, replace options, tighten, require, hide, default', () => {
      const result = apply(
        {
          op: 'addField',
          section: 'name',
          after: 'title',
          field: {
            id: 'councilRef',
            type: 'text',
            label: l('GB Council approval reference', 'جی بی کونسل منظوری حوالہ'),
            required: true,
            constraints: { maxLength: 60 },
          },
        },
        {
          op: 'addSection',
          after: 'name',
          section: {
            id: 'gbExtra',
            number: '1-A',
            label: l('GB particulars', 'جی بی تفصیلات'),
            fields: [{ id: 'valley', type: 'text', label: l('Valley', 'وادی'), constraints: { maxLength: 100 } }],
          },
        },
        { op: 'relabel', target: 'name.title', label: { ur: 'منصوبے کا عنوان' } },
        { op: 'setOptions', target: 'name.district', options: [{ value: 'skardu', label: l('Skardu', 'سکردو') }] },
        { op: 'constrain', target: 'name.title', constraints: { maxLength: 80 } },
        { op: 'require', target: 'name.adpNumber' },
        { op: 'hide', target: 'cost.contingency' },
        { op: 'setDefault', target: 'name.district', value: 'skardu' },
      );
      expect(result.conflicts).toEqual([]);
      const def = result.compiled.definition;
      expect(def.sections.map((s) => s.id)).toEqual(['name', 'gbExtra', 'cost']);
      expect(def.sections[0].fields.map((f) => f.id)).toEqual(['title', 'councilRef', 'adpNumber', 'district', 'kind']);
      expect(def.sections[0].fields[0]).toMatchObject({
        label: { en: 'Title', ur: 'منصوبے کا عنوان' },
        constraints: { maxLength: 80 },
      });
      const v2 = new FormValidator(result.compiled);
      const r = v2.validate({
        name: { title: 'x'.repeat(81), district: 'gilgit', kind: 'new' },
        cost: { estimate: { rows: [row('a', '1', '1')] } },
      });
      expect(r.errors.map((e) => [e.pointer, e.code])).toEqual(
        expect.arrayContaining([
          ['/name/title', 'maxLength'],
          ['/name/councilRef', 'required'],
          ['/name/district', 'enum'],
        ]),
      );
      expect(formUi(result.compiled.definition).sections[2].fields.find((f) => f.id === 'contingency')?.hidden).toBe(
        true,
      );
      expect(diffDefinitions(BASE, def).map((c) => `${c.change} ${c.address}`)).toEqual(
        expect.arrayContaining([
          'added name.councilRef',
          'added gbExtra',
          'changed name.title',
          'changed name.district',
          'changed cost.contingency',
        ]),
      );
    });

    test('locked and required fields cannot be hidden, constraints cannot be loosened', () => {
      expect(reasons({ op: 'hide', target: 'name.title' })).toEqual([
        'name.title is locked: the Planning Commission requires it',
      ]);
      expect(reasons({ op: 'constrain', target: 'name.title', constraints: { maxLength: 500 } })[0]).toMatch(
        /loosens the constraint: maxLength 500 is above the base form's 100/,
      );
      expect(reasons({ op: 'constrain', target: 'cost.contingency', constraints: { maximum: '100.5' } })[0]).toMatch(
        /loosens/,
      );
      expect(reasons({ op: 'constrain', target: 'cost.contingency', constraints: { allowNegative: true } })[0]).toMatch(
        /negative/,
      );
      expect(reasons({ op: 'constrain', target: 'name.title', constraints: { minimum: 3 } })[0]).toMatch(
        /minimum does not apply to a text field/,
      );
      expect(
        reasons({ op: 'setOptions', target: 'name.kind', options: [{ value: 'x', label: l('X', 'ایکس') }] })[0],
      ).toMatch(/fixes this option list/);
      expect(reasons({ op: 'hide', target: 'cost.nothing' })[0]).toMatch(/no field "nothing"/);
      expect(
        reasons({
          op: 'addField',
          section: 'name',
          field: { id: 'title', type: 'text', label: l('T', 'ٹ'), constraints: { maxLength: 5 } },
        })[0],
      ).toMatch(/already has a field "title"/);
      expect(reasons({ op: 'setDefault', target: 'name.district', value: 'lahore' })[0]).toMatch(/not a valid value/);
    });

    test('defaults the compiler applies cannot be loosened by stating them', () => {
      // Money is never negative and keeps 3 decimals unless the base says otherwise.
      expect(reasons({ op: 'constrain', target: 'cost.contingency', constraints: { minimum: '-1000' } })[0]).toMatch(
        /loosens the constraint: minimum -1000 is below the base form's 0/,
      );
      expect(reasons({ op: 'constrain', target: 'cost.contingency', constraints: { scale: 6 } })[0]).toMatch(
        /loosens the constraint: scale 6 is above the base form's 3/,
      );
      expect(reasons({ op: 'constrain', target: 'cost.contingency', constraints: { scale: 2, minimum: '1' } })).toEqual(
        [],
      );
      expect(reasons({ op: 'constrain', target: 'cost.contingency', constraints: { maximum: '-5' } })[0]).toMatch(
        /minimum is above maximum/,
      );
      const staff = {
        op: 'addField' as const,
        section: 'name',
        field: { id: 'staff', type: 'integer' as const, label: l('Staff', 'عملہ') },
      };
      expect(reasons(staff, { op: 'constrain', target: 'name.staff', constraints: { minimum: -5 } })[0]).toMatch(
        /minimum -5 is below the base form's 0/,
      );
      expect(
        reasons(staff, { op: 'constrain', target: 'name.staff', constraints: { minimum: 1, maximum: 500 } }),
      ).toEqual([]);
    });

    test('calculated figures obey the bounds stated on their field, as entered ones do', () => {
      const v = validatorFor({
        baseVersion: '1.0.0',
        operations: [{ op: 'constrain', target: 'cost.estimate.total', constraints: { maximum: '100' } }],
      });
      const r = v.validate(data([row('a', '60', '50'), row('b', '60', '40')]));
      expect(r.errors.map((e) => [e.pointer, e.code])).toEqual([['/cost/estimate/rows/0/total', 'maximum']]);
      expect(r.errors[0].message).toMatch(/at most 100/);
    });

    test('amounts carried into another form take its number of decimals when nothing is lost', () => {
      const def = apply(
        { op: 'constrain', target: 'cost.estimate.local', constraints: { scale: 2 } },
        { op: 'constrain', target: 'cost.contingency', constraints: { scale: 1 } },
      ).compiled.definition;
      const fitted = fitToDefinition(def, {
        cost: {
          contingency: '12.500',
          estimate: {
            rows: [
              { item: 'a', local: '12.500', fec: '1.250', stray: 'x' },
              { item: 'b', local: '12.345' },
            ],
          },
        },
        other: {},
      });
      expect(fitted).toEqual({
        cost: {
          contingency: '12.5',
          estimate: {
            rows: [
              { item: 'a', local: '12.50', fec: '1.250' },
              { item: 'b', local: '12.345' },
            ],
          },
        },
      });
    });

    test('a field added by an overlay is checked like a base field, columns included', () => {
      const table = (columns: object[]) => ({
        op: 'addField' as const,
        section: 'name',
        field: { id: 'works', type: 'table' as const, label: l('Works', 'کام'), columns } as never,
      });
      expect(reasons(table([{ id: 'kind', type: 'select', label: l('Kind', 'قسم') }]))[0]).toMatch(
        /works\.kind: a select needs options/,
      );
      expect(
        reasons(
          table([
            { id: 'a', type: 'money', label: l('A', 'اے') },
            { id: 'a', type: 'money', label: l('A', 'اے') },
          ]),
        )[0],
      ).toMatch(/column "a" repeats/);
      expect(reasons(table([{ id: 'note', type: 'text', label: l('Note', 'نوٹ') }]))[0]).toMatch(
        /text needs a maxLength/,
      );
      expect(
        reasons(table([{ id: 'kind', type: 'select', label: l('Kind', 'قسم'), options: { master: 'districts' } }])),
      ).toEqual([]);
    });

    test('patterns that backtrack catastrophically are refused', () => {
      expect(reasons({ op: 'constrain', target: 'name.adpNumber', constraints: { pattern: '^(a+)+$' } })[0]).toMatch(
        /backtrack catastrophically/,
      );
      // Overlapping alternation under a repeat: no nested star, yet exponential on a near match.
      expect(
        reasons({ op: 'constrain', target: 'name.adpNumber', constraints: { pattern: '^(\\w|\\d)+$' } })[0],
      ).toMatch(/backtrack catastrophically/);
      expect(
        reasons({ op: 'constrain', target: 'name.adpNumber', constraints: { pattern: '^[0-9]+[0-9]+$' } })[0],
      ).toMatch(/backtrack catastrophically/);
      expect(
        reasons({
          op: 'addField',
          section: 'name',
          field: {
            id: 'ref',
            type: 'text',
            label: l('Ref', 'حوالہ'),
            constraints: { maxLength: 40, pattern: '^(\\w|\\d)+$' },
          },
        })[0],
      ).toMatch(/backtrack catastrophically/);
      expect(
        reasons({
          op: 'constrain',
          target: 'name.adpNumber',
          constraints: { pattern: '^GBC/[A-Z]+/[0-9]{4}/[0-9]{1,5}$' },
        }),
      ).toEqual([]);
      expect(reasons({ op: 'constrain', target: 'name.adpNumber', constraints: { pattern: '^(' } })[0]).toMatch(
        /not a valid regular expression/,
      );
      expect(
        reasons({ op: 'constrain', target: 'name.adpNumber', constraints: { pattern: '^[0-9]{1,6}/[0-9]{2}$' } }),
      ).toEqual([]);
    });

    test('the overlay shape refuses unknown keywords and operations', () => {
      expect(
        checkOverlayShape({
          baseVersion: '1.0.0',
          operations: [{ op: 'constrain', target: 'name.title', constraints: { maxLenght: 3 } }],
        }),
      ).toEqual([{ pointer: '/operations/0/constraints/maxLenght', message: 'unknown property "maxLenght"' }]);
      expect(
        checkOverlayShape({ baseVersion: '1.0.0', operations: [{ op: 'delete', target: 'name.title' }] })[0].pointer,
      ).toBe('/operations/0/op');
      expect(
        checkOverlayShape({
          baseVersion: '1.0.0',
          operations: [
            { op: 'addField', section: 'name', field: { id: 'x', type: 'text', label: l('X', 'ایکس'), locked: true } },
          ],
        })[0],
      ).toMatchObject({ message: 'unknown property "locked"' });
    });

    test('an overlay may introduce only a bounded number of distinct patterns', () => {
      const constrainWith = (n: number) =>
        Array.from({ length: n }, (_, i) => ({
          op: 'constrain',
          target: 'name.adpNumber',
          constraints: { pattern: `^A${i}[0-9]{2}$` },
        }));
      expect(checkOverlayShape({ baseVersion: '1.0.0', operations: constrainWith(MAX_OVERLAY_PATTERNS) })).toEqual([]);
      expect(checkOverlayShape({ baseVersion: '1.0.0', operations: constrainWith(MAX_OVERLAY_PATTERNS + 1) })).toEqual([
        {
          pointer: '/operations',
          message:
            `an overlay may introduce at most ${MAX_OVERLAY_PATTERNS} ` +
            `distinct patterns (this one has ${MAX_OVERLAY_PATTERNS + 1})`,
        },
      ]);
    });

    test('the same overlay gives the same content hash; any change gives another', () => {
      const a = apply({ op: 'require', target: 'name.adpNumber' });
      const b = apply({ op: 'require', target: 'name.adpNumber' });
      const c = apply({ op: 'require', target: 'name.district' });
      expect(a.contentHash).toBe(b.contentHash);
      expect(a.contentHash).not.toBe(c.contentHash);
    });

    test('an empty master list leaves the field as free text, with a warning', () => {
      const result = compileForm(BASE, { baseVersion: '1.0.0', operations: [] }, {});
      expect(result.warnings).toEqual([
        expect.stringContaining('name.district: the province\'s "districts" list is empty'),
      ]);
      const anyDistrict = { ...data([row('a', '1', '1')]), name: { title: 'x', district: 'anything' } };
      expect(new FormValidator(result.compiled).validate(anyDistrict).valid).toBe(true);
    });
  });
});

/*
 * Checks with a severity, 'holds' conditions and tolerances; the item each message names; and
 * placeholders in required narrative items, excused only by a "not applicable" reason.
 */
describe('scrutiny: severity, items and placeholders', () => {
  const SCRUTINY: FormDefinition = {
    key: 'scrutiny',
    version: '1.0.0',
    family: 'PC-I',
    title: l('Scrutiny PC-I', 'جانچ پی سی ون'),
    source: { document: 'test', urls: [] },
    sections: [
      section('cover', '0', l('Cover page', 'سرورق'), [
        money('totalCost', l('Total cost on the cover', 'سرورق پر کل لاگت')),
      ]),
      section('name', '1', l('Name of the project', 'منصوبے کا نام'), [
        pcField('title', 'text', l('Title', 'عنوان'), { constraints: { maxLength: 100 } }),
        field('kind', 'select', l('Kind', 'قسم'), {
          options: [
            { value: 'new', label: l('New', 'نیا') },
            { value: 'revised', label: l('Revised', 'نظرثانی شدہ') },
          ],
        }),
      ]),
      section('description', '5', l('Description and justification', 'تفصیل اور جواز'), [
        pcField('justification', 'textarea', l('Justification', 'جواز'), { constraints: { maxLength: 5000 } }),
        field('technologyTransfer', 'textarea', l('Technology transfer', 'ٹیکنالوجی کی منتقلی'), {
          constraints: { maxLength: 5000 },
        }),
        field('revisionReasons', 'textarea', l('Reasons for revision', 'نظرثانی کی وجوہات'), {
          constraints: { maxLength: 5000 },
        }),
        field('remarks', 'textarea', l('Remarks', 'کیفیت'), { constraints: { maxLength: 5000 } }),
      ]),
      section('cost', '7', l('Capital cost', 'لاگت'), [
        money('capital', l('Capital cost', 'سرمایہ جاتی لاگت')),
        money('allocation', l('Allocation this year', 'رواں سال مختص رقم')),
        money('fec', l('Foreign exchange component', 'زرِ مبادلہ جزو')),
        field('imported', 'boolean', l('Imported machinery', 'درآمدی مشینری')),
      ]),
    ],
    rules: [
      {
        id: 'reasons-for-revised',
        kind: 'require',
        target: 'description.revisionReasons',
        when: { '==': [{ var: 'name.kind' }, 'revised'] },
      },
    ],
    checks: [
      {
        id: 'cover-cost-equals-estimate',
        op: 'eq',
        left: { var: 'cover.totalCost' },
        right: { var: 'cost.capital' },
        tolerance: '0.5',
        pointer: '/cover/totalCost',
        message: l('The cover cost must equal the capital cost', 'سرورق کی لاگت کل لاگت کے برابر ہو'),
      },
      {
        id: 'allocation-within-cost',
        op: 'lte',
        left: { var: 'cost.allocation' },
        right: { var: 'cost.capital' },
        pointer: '/cost/allocation',
        message: l('The allocation cannot exceed the cost', 'مختص رقم لاگت سے زیادہ نہیں ہو سکتی'),
      },
      {
        id: 'allocation-near-cost',
        op: 'lt',
        severity: 'warning',
        left: { var: 'cost.allocation' },
        right: { dec_mul: [{ var: 'cost.capital' }, '0.9'] },
        pointer: '/cost/allocation',
        message: l('The allocation is 90 % of the cost or more', 'مختص رقم لاگت کے 90 فیصد یا زیادہ ہے'),
      },
      {
        id: 'fec-for-imported-items',
        op: 'holds',
        severity: 'warning',
        left: { or: [{ '!': { var: 'cost.imported' } }, { dec_gt: [{ var: 'cost.fec' }, '0'] }] },
        pointer: '/cost/fec',
        message: l('Imported machinery but no foreign exchange component', 'درآمدی مشینری مگر زرِ مبادلہ جزو نہیں'),
      },
      {
        id: 'capital-positive',
        op: 'gt',
        left: { var: 'cost.capital' },
        right: '0',
        pointer: '/cost/capital',
        message: l('The capital cost must be above zero', 'سرمایہ جاتی لاگت صفر سے زیادہ ہو'),
      },
    ],
  };
  const v = new FormValidator(compileForm(SCRUTINY, { baseVersion: '1.0.0', operations: [] }, {}).compiled);
  const JUSTIFICATION = 'The road is the only link of 40,000 people to the district headquarters.';
  const doc = (cost: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    name: { title: 'Kalam road', kind: 'new' },
    description: { justification: JUSTIFICATION },
    cost: { capital: '100', ...cost },
    ...extra,
  });
  const codes = (errors: { pointer: string; code: string }[]) => errors.map((e) => `${e.pointer} ${e.code}`);

  test('the definition is sound', () => {
    expect(definitionProblems(SCRUTINY)).toEqual([]);
  });

  test('a failed warning check is a warning: the data stays valid, with the warning, its item and key', () => {
    const r = v.validate(doc({ allocation: '95' }));
    expect(r).toMatchObject({ valid: true, errors: [], errorCount: 0, warningCount: 1 });
    expect(r.warnings).toEqual([
      {
        pointer: '/cost/allocation',
        code: 'check',
        severity: 'warning',
        item: '7',
        params: { check: 'allocation-near-cost', left: '95', right: '90' },
        message: 'Item 7: The allocation is 90 % of the cost or more (95 against 90)',
      },
    ]);
    expect(warningKey(r.warnings[0])).toBe('allocation-near-cost@/cost/allocation');
    expect(v.validate(doc({ allocation: '89.999' }))).toMatchObject({ valid: true, warnings: [], warningCount: 0 });
    // 'lt' is strict: exactly 90 % is a warning.
    expect(v.validate(doc({ allocation: '90' })).warningCount).toBe(1);
  });

  test('an error check and a warning check on one figure: the error blocks, the warning is listed apart', () => {
    const r = v.validate(doc({ allocation: '120' }));
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([
      expect.objectContaining({
        pointer: '/cost/allocation',
        code: 'check',
        severity: 'error',
        item: '7',
        params: { check: 'allocation-within-cost', left: '120', right: '100' },
      }),
    ]);
    expect(r.warnings.map((w) => w.params?.check)).toEqual(['allocation-near-cost']);
    expect(r.errorCount).toBe(1);
  });

  test("'holds' checks a condition and its message has no figures; 'gt' is strict", () => {
    const r = v.validate(doc({ imported: true, fec: '0' }), 'ur');
    expect(r.warnings).toEqual([
      expect.objectContaining({
        pointer: '/cost/fec',
        item: '7',
        params: { check: 'fec-for-imported-items' },
        message: 'مد 7: درآمدی مشینری مگر زرِ مبادلہ جزو نہیں',
      }),
    ]);
    expect(v.validate(doc({ imported: true, fec: '12.5' })).warnings).toEqual([]);
    expect(v.validate(doc({ imported: false })).warnings).toEqual([]);
    expect(codes(v.validate(doc({ capital: '0' })).errors)).toEqual(['/cost/capital check']);
  });

  test('a tolerance accepts a difference up to it on either side, and the message states it', () => {
    expect(v.validate(doc({}, { cover: { totalCost: '100.5' } })).valid).toBe(true);
    expect(v.validate(doc({}, { cover: { totalCost: '99.5' } })).valid).toBe(true);
    const r = v.validate(doc({}, { cover: { totalCost: '100.501' } }));
    expect(r.errors).toEqual([
      expect.objectContaining({
        pointer: '/cover/totalCost',
        item: '0',
        params: { check: 'cover-cost-equals-estimate', left: '100.501', right: '100', tolerance: '0.5' },
      }),
    ]);
    expect(r.errors[0].message).toBe(
      'Cover page: The cover cost must equal the capital cost (100.501 against 100, tolerance 0.5)',
    );
    expect(v.validate(doc({}, { cover: { totalCost: '99.4' } }), 'ur').errors[0].message).toBe(
      'سرورق: سرورق کی لاگت کل لاگت کے برابر ہو (99.4 بمقابلہ 100، گنجائش 0.5)',
    );
  });

  test('a check whose own sentence names its items is not prefixed again', () => {
    const named = {
      ...SCRUTINY,
      checks: [
        {
          ...SCRUTINY.checks[1],
          message: l(
            'Items 4 and 7: the allocation cannot exceed the cost',
            'مدات 4 اور 7: مختص رقم لاگت سے زیادہ نہیں ہو سکتی',
          ),
        },
      ],
    };
    const nv = new FormValidator(compileForm(named, { baseVersion: '1.0.0', operations: [] }, {}).compiled);
    expect(nv.validate(doc({ allocation: '120' })).errors[0].message).toBe(
      'Items 4 and 7: the allocation cannot exceed the cost (120 against 100)',
    );
    expect(nv.validate(doc({ allocation: '120' }), 'ur').errors[0].message).toBe(
      'مدات 4 اور 7: مختص رقم لاگت سے زیادہ نہیں ہو سکتی (120 بمقابلہ 100)',
    );
  });

  test('every error names its item in English and Urdu', () => {
    const r = v.validate({ cost: { capital: 'abc' } });
    expect(r.errors.map((e) => [e.pointer, e.item, e.severity])).toEqual([
      ['/name/title', '1', 'error'],
      ['/description/justification', '5', 'error'],
      ['/cost/capital', '7', 'error'],
    ]);
    expect(r.errors[1].message).toBe('Item 5: Justification is required');
    expect(v.validate({}, 'ur').errors[1].message).toBe('مد 5: جواز لازمی ہے');
  });

  describe('placeholders', () => {
    test('the list holds the usual placeholders; real answers and a plain "no" are not placeholders', () => {
      for (const p of [
        '-',
        '--',
        '—',
        '.',
        '...',
        'n/a',
        'na',
        'n.a.',
        'nil',
        'none',
        'not applicable',
        'same as above',
        'as above',
        'ditto',
        'xxx',
        'tbd',
      ])
        expect(PLACEHOLDER_VALUES.has(p)).toBe(true);
      for (const p of ['  N/A ', 'Same  As  Above', 'NIL', '- -', '***', 'ایضاً']) expect(isPlaceholder(p)).toBe(true);
      for (const p of ['No', 'Nil water supply exists in the village', '5 km', '', 'x'])
        expect(isPlaceholder(p)).toBe(false);
    });

    test('a required narrative item answered with a placeholder is an error naming the field', () => {
      for (const value of ['-', ' N/A ', 'Same as above', '...', 'nil']) {
        const r = v.validate({ ...doc({}), description: { justification: value } });
        expect(r.valid).toBe(false);
        expect(r.errors).toEqual([
          expect.objectContaining({
            pointer: '/description/justification',
            code: 'placeholder',
            item: '5',
            severity: 'error',
            params: { value: value.trim(), notApplicable: 'description.justification' },
          }),
        ]);
      }
      const r = v.validate({ ...doc({}), description: { justification: 'n/a' } });
      expect(r.errors[0].message).toBe(
        'Item 5: Justification: "n/a" does not answer this item; ' +
          'write its content, or mark it not applicable with the reason',
      );
      expect(v.validate({ ...doc({}), description: { justification: 'n/a' } }, 'ur').errors[0].message).toMatch(
        /^مد 5: جواز: "n\/a" اس مد کا جواب نہیں/,
      );
      // An optional item may say "-".
      expect(
        v.validate({ ...doc({}), description: { justification: JUSTIFICATION, technologyTransfer: '-' } }).valid,
      ).toBe(true);
    });

    test('an item required by a rule refuses a placeholder only while the rule holds', () => {
      const revised = (reasons: string) => ({
        ...doc({}),
        name: { title: 'Kalam road', kind: 'revised' },
        description: { justification: JUSTIFICATION, revisionReasons: reasons },
      });
      expect(codes(v.validate(revised('as above')).errors)).toEqual(['/description/revisionReasons placeholder']);
      expect(v.validate(revised('Land cost rose after the 2022 floods changed the alignment.')).valid).toBe(true);
      expect(v.validate({ ...revised('as above'), name: { title: 'Kalam road', kind: 'new' } }).valid).toBe(true);
    });

    test('a reason in notApplicable excuses the placeholder; a reason that says nothing does not', () => {
      const withReason = (reason: unknown) => ({
        ...doc({}),
        description: { justification: 'N/A' },
        notApplicable: { 'description.justification': reason },
      });
      expect(
        v.validate(withReason('A maintenance scheme: its justification is the approved parent PC-I.')),
      ).toMatchObject({ valid: true, errors: [] });
      for (const reason of ['n/a', 'too short', '   -   ', '']) {
        const r = v.validate(withReason(reason));
        expect(codes(r.errors)).toEqual([
          '/notApplicable/description.justification notApplicableReason',
          '/description/justification placeholder',
        ]);
        expect(r.errors[0]).toMatchObject({
          item: '5',
          message:
            'Item 5: Justification (not applicable): the reason it is not ' +
            'applicable must say why (at least 10 characters, not a placeholder)',
        });
      }
      // A reason for an item that is answered anyway is kept and checked the same way.
      expect(
        v.validate({
          ...doc({}),
          notApplicable: { 'description.technologyTransfer': 'No technology is imported for this scheme.' },
        }).valid,
      ).toBe(true);
    });

    test('notApplicable names narrative fields of the form only, with reasons of bounded length', () => {
      const r = v.validate({
        ...doc({}),
        notApplicable: { 'description.nothing': 'A reason long enough.', 'cost.capital': 'A reason long enough.' },
      });
      expect(codes(r.errors)).toEqual(
        expect.arrayContaining(['/notApplicable/description.nothing unknown', '/notApplicable/cost.capital unknown']),
      );
      expect(r.errors).toHaveLength(2);
      expect(
        codes(v.validate({ ...doc({}), notApplicable: { 'description.remarks': 'x'.repeat(1001) } }).errors),
      ).toEqual(['/notApplicable/description.remarks maxLength']);
      expect(codes(v.validate({ ...doc({}), notApplicable: ['description.remarks'] }).errors)).toEqual([
        '/notApplicable type',
      ]);
      expect(v.compiled.schema).toMatchObject({
        properties: { notApplicable: { type: 'object', additionalProperties: false } },
      });
    });
  });

  describe('definitions state checks correctly', () => {
    const withCheck = (check: Record<string, unknown>) =>
      ({
        ...SCRUTINY,
        checks: [{ id: 'c', pointer: '/cost/capital', message: l('M', 'م'), left: { var: 'cost.capital' }, ...check }],
      }) as FormDefinition;

    test("'holds' has no right and no tolerance; a comparison needs right", () => {
      expect(definitionProblems(withCheck({ op: 'holds', right: '1' }))).toEqual([
        'check c: a "holds" check has no right (its left is the condition)',
      ]);
      expect(definitionProblems(withCheck({ op: 'holds', tolerance: '1' }))).toEqual([
        'check c: tolerance applies to comparisons only',
      ]);
      expect(definitionProblems(withCheck({ op: 'lt' }))).toEqual(['check c: a comparison needs right']);
      expect(definitionProblems(withCheck({ op: 'gte', right: '0', severity: 'warning', tolerance: '0.001' }))).toEqual(
        [],
      );
    });

    test('the shape refuses an unknown severity or op and a tolerance that is not a non-negative decimal', () => {
      const shape = (check: Record<string, unknown>) => checkDefinitionShape(withCheck(check)).map((p) => p.pointer);
      expect(shape({ op: 'eq', right: '0', severity: 'info' })).toEqual(['/checks/0/severity']);
      expect(shape({ op: 'ne', right: '0' })).toEqual(['/checks/0/op']);
      for (const tolerance of ['-1', '1e3', 'abc', '0.1234567'])
        expect(shape({ op: 'eq', right: '0', tolerance })).toEqual(['/checks/0/tolerance']);
      expect(shape({ op: 'eq', right: '0', tolerance: 1 })).toEqual(['/checks/0/tolerance']);
    });

    test("a section cannot be called 'notApplicable' (the data's reserved object)", () => {
      const clash = { ...SCRUTINY, sections: [...SCRUTINY.sections, section('notApplicable', '20', l('N', 'ن'), [])] };
      expect(checkDefinitionShape(clash).map((p) => p.pointer)).toEqual(['/sections/4/id']);
    });
  });
});
