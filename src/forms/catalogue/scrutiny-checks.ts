import { CheckDefinition, JsonLogic, Localized } from '../definition';
import type { Pc1Edition } from './pc1';

/*
 * The checks a P&D scrutiny officer applies to a PC-I before it goes to a forum: cover figures
 * agree with the body, the allocation is not above the cost, dates are in a possible order, the
 * foreign exchange component agrees with imported items and with its US$ figure, the period and
 * the year-wise phasing agree, a revision's increase is explained. Each is an error (the document
 * cannot be right as it stands) or a warning (an observation the preparer answers), names the
 * proforma item it concerns ("Item 4: …") and points at the figure concerned.
 *
 * Checks never fire on missing data: a draft with empty fields gets "required" errors, not
 * scrutiny noise, so every check is guarded by a `when` that needs its figures entered (and its
 * dates to be real dates). The catalogue definitions (pc1.ts) spread these arrays into `checks`.
 */

export type { Pc1Edition };

// --- thresholds ---------------------------------------------------------------------------

/**
 * A provision this share (%) of the whole cost in one year leaves almost nothing for the later years of a multi-year
 * phasing.
 */
export const ALLOCATION_NEAR_COST_PCT = '90';
/** Covers print the total cost rounded, at worst to two decimals of Rs million: half that unit passes. */
export const COVER_ROUNDING_TOLERANCE = '0.005';
/**
 * The US$ figure and the exchange rate are printed rounded: a difference within this share (%) of the rupee FEC passes.
 */
export const FEC_USD_TOLERANCE_PCT = '1';
/** A period stated in months rounds a part month either way. */
export const DURATION_TOLERANCE_MONTHS = '1';
/**
 * Above this increase (%) the revised PC-I's require rule already demands the basis of revision (Manual ch.4 §4.12).
 */
export const REVISION_LIMIT_PCT = '15';

// --- proforma item numbers ----------------------------------------------------------------

/** The cover page's number in the catalogue (the proforma prints none). */
const COVER = '0';

type Pc1Item = 'cover' | 'planProvision' | 'description' | 'capitalCost' | 'financing' | 'implementation';
type RevisedItem = 'cover' | 'implementationPeriod' | 'capitalCost';

/**
 * The item numbers as printed (and as the definitions number their sections, so the engine's
 * `item` of a finding agrees), per edition. The 2024 edition keeps the 2005 numbering
 * (operation and maintenance stays item 8).
 */
const PC1_2005_ITEMS: Record<Pc1Item, string> = {
  cover: COVER,
  planProvision: '4',
  description: '6',
  capitalCost: '7',
  financing: '10',
  implementation: '12(a)',
};
const PC1_ITEMS: Record<Pc1Edition, Record<Pc1Item, string>> = { '2005': PC1_2005_ITEMS, '2024': PC1_2005_ITEMS };

/** The revised PC-I (2017 format). */
const REVISED_ITEMS: Record<RevisedItem, string> = { cover: COVER, implementationPeriod: '6', capitalCost: '8' };

/**
 * "Item 4: …" / "Items 0 and 7: …" / "Cover page: …" in both languages, then the sentence: the
 * engine (messages.ts withItem) sees the item named and does not prefix it again.
 */
function itemMessage(items: string[], en: string, ur: string): Localized {
  if (items.length === 1 && items[0] === COVER) return { en: `Cover page: ${en}`, ur: `سرورق: ${ur}` };
  const numbers = (and: string) =>
    items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
  return {
    en: `${items.length === 1 ? 'Item' : 'Items'} ${numbers('and')}: ${en}`,
    ur: `${items.length === 1 ? 'مد' : 'مدات'} ${numbers('اور')}: ${ur}`,
  };
}

// --- JSONLogic helpers --------------------------------------------------------------------

const ref = (path: string) => ({ var: path });
const filled = (...paths: string[]) => ({ filled: paths.map(ref) });
const isTrue = (path: string) => ({ '==': [ref(path), true] });
const dates = (...paths: string[]) => ({ and: paths.map((p) => ({ is_date: [ref(p)] })) });
/** Both dates are real dates and in order (so a check about their span is not run on impossible ones). */
const datesInOrder = (start: string, end: string) => ({ and: [dates(start, end), { '<=': [ref(start), ref(end)] }] });
const all = (...conditions: JsonLogic[]) => ({ and: conditions });

const PC1_COST_TOTAL = 'capitalCost.estimate.totals.total';
const PC1_FEC_TOTAL = 'capitalCost.estimate.totals.fec';
const PROVISION = 'planProvision.currentYearProvision';
const COVER_COST = 'cover.totalCost';
/**
 * The project's cost as the document states it: the item 7 estimate's total, or where the estimate
 * is not filled in (a legacy PC-I entered from its cover or item 4) the cost stated on the cover.
 * A scrutiny officer compares the allocation with whichever cost the document gives.
 */
const STATED_COST = { if: [filled(PC1_COST_TOTAL), ref(PC1_COST_TOTAL), ref(COVER_COST)] };
const COST_STATED = { or: [filled(PC1_COST_TOTAL), filled(COVER_COST)] };
/** Months of implementation beyond which a project cannot be a one-year scheme. */
const ONE_YEAR_MONTHS = 12;
const COMMENCEMENT = 'implementation.commencementDate';
const COMPLETION = 'implementation.completionDate';
const PHASING_ROWS = 'capitalCost.phasing.rows';

// --- PC-I ---------------------------------------------------------------------------------

/** The scrutiny checks of a PC-I (the three sector variants) of one edition. */
export function pc1ScrutinyChecks(edition: Pc1Edition): CheckDefinition[] {
  const item = PC1_ITEMS[edition];
  return [
    {
      id: 'cover-cost-equals-estimate',
      severity: 'error',
      op: 'eq',
      left: ref('cover.totalCost'),
      right: ref(PC1_COST_TOTAL),
      tolerance: COVER_ROUNDING_TOLERANCE,
      when: filled('cover.totalCost', PC1_COST_TOTAL),
      pointer: '/cover/totalCost',
      message: itemMessage(
        [item.cover, item.capitalCost],
        `the total cost on the cover page must equal the total capital cost of item ${item.capitalCost}`,
        `سرورق پر درج کل لاگت مد ${item.capitalCost} کی کل سرمایہ جاتی لاگت کے برابر ہونی چاہیے`,
      ),
    },
    {
      id: 'allocation-within-cost',
      severity: 'error',
      op: 'lte',
      left: ref(PROVISION),
      right: STATED_COST,
      when: all(filled(PROVISION), COST_STATED),
      pointer: `/${PROVISION.replace('.', '/')}`,
      message: itemMessage(
        [item.planProvision],
        `the provision in the current year's PSDP / ADP cannot ` +
          `exceed the total capital cost (item ${item.capitalCost})`,
        `رواں سال کے پی ایس ڈی پی / اے ڈی پی میں گنجائش کل سرمایہ ` +
          `جاتی لاگت (مد ${item.capitalCost}) سے زیادہ نہیں ہو سکتی`,
      ),
    },
    {
      id: 'allocation-near-cost',
      severity: 'warning',
      op: 'lt',
      left: ref(PROVISION),
      right: { dec_pct_of: [ALLOCATION_NEAR_COST_PCT, STATED_COST] },
      // Only while the provision is within the cost (above it, allocation-within-cost is the error)
      // and the project runs over more than one year: the phasing has amounts in more than one
      // financial year, or, where there is no phasing (a legacy PC-I entered from its cover and
      // item 4), the implementation period is longer than a year.
      when: all(
        filled(PROVISION),
        COST_STATED,
        { dec_lte: [ref(PROVISION), STATED_COST] },
        {
          if: [
            filled(PHASING_ROWS),
            { '>': [{ count_distinct: [ref(PHASING_ROWS), 'year', 'total'] }, 1] },
            { '>': [ref('implementation.durationMonths'), ONE_YEAR_MONTHS] },
          ],
        },
      ),
      pointer: `/${PROVISION.replace('.', '/')}`,
      message: itemMessage(
        [item.planProvision],
        `the current year's provision is ${ALLOCATION_NEAR_COST_PCT} % or more of the project's cost ` +
          `although the project runs over more than one financial year; confirm it can be spent this ` +
          `year (provision against ${ALLOCATION_NEAR_COST_PCT} % of the cost)`,
        `رواں سال کی گنجائش کل سرمایہ جاتی لاگت کا ${ALLOCATION_NEAR_COST_PCT} فیصد یا اس سے ` +
          `زیادہ ہے حالانکہ منصوبہ ایک سے زیادہ مالی سالوں پر محیط ہے؛ تصدیق کریں کہ یہ رقم ` +
          `اسی سال خرچ ہو سکتی ہے (گنجائش بمقابلہ لاگت کا ${ALLOCATION_NEAR_COST_PCT} فیصد)`,
      ),
    },
    {
      id: 'block-balance-non-negative',
      severity: 'error',
      op: 'holds',
      // "Every row's balance ≥ 0" as "no row's balance < 0": JSONLogic's `all` is false for no rows.
      left: { none: [ref('planProvision.blockProvision.rows'), { dec_lt: [ref('balance'), '0'] }] },
      when: all(isTrue('planProvision.fromBlockProvision'), filled('planProvision.blockProvision.rows')),
      pointer: '/planProvision/blockProvision',
      message: itemMessage(
        [item.planProvision],
        'the balance of a block provision (total − already committed − proposed for this project) cannot be negative',
        'بلاک پروویژن کا بقایا (کل − پہلے سے مختص − اس منصوبے کے لیے تجویز کردہ) منفی نہیں ہو سکتا',
      ),
    },
    {
      id: 'umbrella-sub-schemes-within-cost',
      severity: 'error',
      op: 'lte',
      left: ref('planProvision.subSchemes.totals.cost'),
      right: ref(PC1_COST_TOTAL),
      when: all(isTrue('planProvision.umbrella'), filled('planProvision.subSchemes.totals.cost', PC1_COST_TOTAL)),
      pointer: '/planProvision/subSchemes/totals/cost',
      message: itemMessage(
        [item.planProvision],
        `the sub-schemes of an umbrella PC-I cannot add up to more ` +
          `than the total capital cost (item ${item.capitalCost})`,
        `امبریلا پی سی ون کی ذیلی اسکیموں کا میزان کل سرمایہ جاتی لاگت (مد ${item.capitalCost}) سے زیادہ نہیں ہو سکتا`,
      ),
    },
    {
      id: 'duties-within-cost',
      severity: 'error',
      op: 'lte',
      left: ref('capitalCost.dutiesAndTaxes'),
      right: ref(PC1_COST_TOTAL),
      when: filled('capitalCost.dutiesAndTaxes', PC1_COST_TOTAL),
      pointer: '/capitalCost/dutiesAndTaxes',
      message: itemMessage(
        [item.capitalCost],
        'the duties and taxes included in the estimate cannot exceed the total capital cost',
        'تخمینے میں شامل محصولات اور ٹیکس کل سرمایہ جاتی لاگت سے زیادہ نہیں ہو سکتے',
      ),
    },
    {
      id: 'fec-for-imported-items',
      severity: 'warning',
      op: 'holds',
      left: { dec_gt: [ref(PC1_FEC_TOTAL), '0'] },
      when: all(filled(PC1_FEC_TOTAL), {
        some: [ref('description.components.rows'), { '==': [ref('imported'), true] }],
      }),
      pointer: '/capitalCost/estimate/totals/fec',
      message: itemMessage(
        [item.description, item.capitalCost],
        `item ${item.description} lists imported items but the capital cost ` +
          `estimate (item ${item.capitalCost}) has no foreign exchange component`,
        `مد ${item.description} میں درآمدی اشیاء درج ہیں لیکن سرمایہ جاتی لاگت ` +
          `کے تخمینے (مد ${item.capitalCost}) میں زرِ مبادلہ کا کوئی جزو نہیں`,
      ),
    },
    {
      id: 'fec-usd-consistent',
      severity: 'warning',
      op: 'lte',
      // |US$ million × Rs per US$ − FEC in Rs million| ≤ 1 % of the FEC in Rs million.
      left: {
        dec_abs: [
          { dec_sub: [{ dec_mul: [ref('financing.fecUsd'), ref('financing.exchangeRate')] }, ref(PC1_FEC_TOTAL)] },
        ],
      },
      right: { dec_pct_of: [FEC_USD_TOLERANCE_PCT, ref(PC1_FEC_TOTAL)] },
      when: all(filled('financing.fecUsd', 'financing.exchangeRate', PC1_FEC_TOTAL), {
        dec_gt: [ref(PC1_FEC_TOTAL), '0'],
      }),
      pointer: '/financing/fecUsd',
      message: itemMessage(
        [item.financing],
        `the foreign exchange component in US$ at the exchange rate must agree within ` +
          `${FEC_USD_TOLERANCE_PCT} % with the foreign exchange component in rupees of item ` +
          `${item.capitalCost} (the difference against ${FEC_USD_TOLERANCE_PCT} % of it, Rs million)`,
        `امریکی ڈالر میں زرِ مبادلہ کا جزو شرحِ مبادلہ کے حساب سے مد ${item.capitalCost} ` +
          `کے روپوں میں زرِ مبادلہ جزو سے ${FEC_USD_TOLERANCE_PCT} فیصد کے اندر ہونا ` +
          `چاہیے (فرق بمقابلہ اس کا ${FEC_USD_TOLERANCE_PCT} فیصد، ملین روپے)`,
      ),
    },
    {
      id: 'commencement-before-completion',
      severity: 'error',
      op: 'holds',
      left: { '<=': [ref(COMMENCEMENT), ref(COMPLETION)] },
      when: dates(COMMENCEMENT, COMPLETION),
      pointer: '/implementation/completionDate',
      message: itemMessage(
        [item.implementation],
        'the date of completion cannot be before the date of commencement',
        'تکمیل کی تاریخ آغاز کی تاریخ سے پہلے نہیں ہو سکتی',
      ),
    },
    {
      id: 'activity-dates-in-order',
      severity: 'error',
      op: 'holds',
      left: {
        none: [
          ref('implementation.schedule.rows'),
          { and: [{ is_date: [ref('start')] }, { is_date: [ref('end')] }, { '>': [ref('start'), ref('end')] }] },
        ],
      },
      when: filled('implementation.schedule.rows'),
      pointer: '/implementation/schedule',
      message: itemMessage(
        [item.implementation],
        'an activity of the implementation schedule ends before it starts',
        'عمل درآمد کے نظام الاوقات کی کوئی سرگرمی اپنے آغاز سے پہلے ختم ہو رہی ہے',
      ),
    },
    {
      id: 'duration-matches-dates',
      severity: 'warning',
      op: 'eq',
      left: ref('implementation.durationMonths'),
      right: { months_between: [ref(COMMENCEMENT), ref(COMPLETION)] },
      tolerance: DURATION_TOLERANCE_MONTHS,
      when: all(filled('implementation.durationMonths'), datesInOrder(COMMENCEMENT, COMPLETION)),
      pointer: '/implementation/durationMonths',
      message: itemMessage(
        [item.implementation],
        'the implementation period in months does not match the months from commencement to completion',
        'مدتِ عمل درآمد (مہینے) آغاز سے تکمیل تک کے مہینوں کے مطابق نہیں',
      ),
    },
    {
      id: 'phasing-within-period',
      severity: 'warning',
      op: 'holds',
      left: {
        and: [
          { '>=': [{ column_min: [ref(PHASING_ROWS), 'year'] }, { fiscal_year: [ref(COMMENCEMENT)] }] },
          { '<=': [{ column_max: [ref(PHASING_ROWS), 'year'] }, { fiscal_year: [ref(COMPLETION)] }] },
        ],
      },
      when: all(
        filled(PHASING_ROWS),
        { filled: [{ column_min: [ref(PHASING_ROWS), 'year'] }] },
        datesInOrder(COMMENCEMENT, COMPLETION),
      ),
      pointer: '/capitalCost/phasing',
      message: itemMessage(
        [item.capitalCost],
        `the year-wise phasing has financial years outside the implementation ` +
          `period (commencement to completion, item ${item.implementation})`,
        `سال وار تقسیم میں ایسے مالی سال ہیں جو مدتِ عمل درآمد ` +
          `(آغاز سے تکمیل تک، مد ${item.implementation}) سے باہر ہیں`,
      ),
    },
    {
      id: 'estimate-before-preparation',
      severity: 'warning',
      op: 'holds',
      left: { '<=': [ref('capitalCost.estimateDate'), ref('cover.preparationDate')] },
      when: dates('capitalCost.estimateDate', 'cover.preparationDate'),
      pointer: '/capitalCost/estimateDate',
      message: itemMessage(
        [item.cover, item.capitalCost],
        'the cost estimate is dated after the date of preparation of the PC-I',
        'لاگت کے تخمینے کی تاریخ پی سی ون کی تاریخِ تیاری کے بعد کی ہے',
      ),
    },
  ];
}

// --- revised PC-I -------------------------------------------------------------------------

const REVISED_TOTAL = 'capitalCost.revised.totals.total';
const ORIGINAL_TOTAL = 'capitalCost.original.totals.total';

/** The scrutiny checks of a revised PC-I (2017 format). */
export function revisedScrutinyChecks(): CheckDefinition[] {
  const item = REVISED_ITEMS;
  return [
    {
      id: 'revision-increase-explained',
      severity: 'warning',
      op: 'holds',
      left: { answered: [ref('capitalCost.basisOfRevision')] },
      // Up to the 15 % limit; above it the require rule makes the basis of revision an error.
      when: all(
        filled(ORIGINAL_TOTAL, REVISED_TOTAL),
        { dec_gt: [ref(REVISED_TOTAL), ref(ORIGINAL_TOTAL)] },
        { dec_lte: [{ dec_pct_change: [ref(ORIGINAL_TOTAL), ref(REVISED_TOTAL)] }, REVISION_LIMIT_PCT] },
      ),
      pointer: '/capitalCost/basisOfRevision',
      message: itemMessage(
        [item.capitalCost],
        'the revised cost exceeds the original (approved) cost: give the basis of the ' +
          'revised estimates and the reasons for revision (8(iii))',
        'نظرِ ثانی شدہ لاگت اصل (منظور شدہ) لاگت سے زیادہ ہے: ' +
          'نظرِ ثانی شدہ تخمینوں کی بنیاد اور نظرِ ثانی کی وجوہات (8(iii)) بیان کریں',
      ),
    },
    {
      id: 'cover-cost-equals-estimate',
      severity: 'error',
      op: 'eq',
      left: ref('cover.totalCost'),
      right: ref(REVISED_TOTAL),
      tolerance: COVER_ROUNDING_TOLERANCE,
      when: filled('cover.totalCost', REVISED_TOTAL),
      pointer: '/cover/totalCost',
      message: itemMessage(
        [item.cover, item.capitalCost],
        `the total cost on the cover page must equal the revised total cost of item ${item.capitalCost}`,
        `سرورق پر درج کل لاگت مد ${item.capitalCost} کی نظرِ ثانی شدہ کل لاگت کے برابر ہونی چاہیے`,
      ),
    },
    {
      id: 'commencement-before-completion',
      severity: 'error',
      op: 'holds',
      left: { '<=': [ref('implementationPeriod.commencementDate'), ref('implementationPeriod.completionDate')] },
      when: dates('implementationPeriod.commencementDate', 'implementationPeriod.completionDate'),
      pointer: '/implementationPeriod/completionDate',
      message: itemMessage(
        [item.implementationPeriod],
        'the planned completion date cannot be before the planned commencement date',
        'تکمیل کی منصوبہ بند تاریخ آغاز کی منصوبہ بند تاریخ سے پہلے نہیں ہو سکتی',
      ),
    },
    {
      id: 'approval-before-revision',
      severity: 'warning',
      op: 'holds',
      left: { '<=': [ref('cover.approvalDate'), ref('cover.preparationDate')] },
      when: dates('cover.approvalDate', 'cover.preparationDate'),
      pointer: '/cover/preparationDate',
      message: itemMessage(
        [item.cover],
        'the revised PC-I is dated before the approval of the PC-I it revises',
        'نظرِ ثانی شدہ پی سی ون کی تاریخ اس پی سی ون کی منظوری سے پہلے کی ہے جس کی یہ نظرِ ثانی ہے',
      ),
    },
  ];
}
