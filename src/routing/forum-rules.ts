import { Dec } from '../forms/decimal';

/**
 * Which forum must decide a project, as dated data per province. A rule matches when its dates
 * cover the decision date, its conditions hold and the cost (Rs million) falls in
 * (minCost, maxCost]; of the matching rules the highest priority decides. Special rules
 * (PC-II, foreign funding, a temporary provincial power) sit above the province's cost bands,
 * which sit above the federal bands that take whatever exceeds the province's highest forum.
 */
export interface ForumRuleData {
  code: string;
  forum: string;
  /** null: no lower bound (exclusive); cost must be above it. */
  minCost: string | null;
  /** null: no upper bound (inclusive). */
  maxCost: string | null;
  /** Only for these forms (e.g. ['pc2']); null: any. */
  formKinds: string[] | null;
  /** true: only projects with a foreign-funded component; false: only without; null: either. */
  foreignFunding: boolean | null;
  /** true: only projects financed wholly from the province's own budget; false: only others; null: either. */
  whollyProvincial: boolean | null;
  /** Revised PC-Is only: applies while the cost increase over the approved PC-I is at most this (%). */
  maxIncreasePct: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  priority: number;
  /** The notification or decision the rule comes from. */
  source: string;
  /** The figure is not yet confirmed against the official notification. */
  verify: boolean;
}

export interface RoutingInput {
  /** 'pc1', 'pc1-revised', 'pc2'. */
  formKind: string;
  /** Rs million, from the form's own calculated total. */
  totalCost: string;
  foreignFunding: boolean;
  whollyProvincial: boolean;
  /** Revised PC-I: the cost increase over the approved PC-I, in %. */
  increasePct: string | null;
  /** The date the decision is for (YYYY-MM-DD). */
  on: string;
}

export function ruleMatches(rule: ForumRuleData, input: RoutingInput): boolean {
  if (input.on < rule.effectiveFrom || (rule.effectiveTo !== null && input.on > rule.effectiveTo)) return false;
  if (rule.formKinds && !rule.formKinds.includes(input.formKind)) return false;
  if (rule.foreignFunding !== null && rule.foreignFunding !== input.foreignFunding) return false;
  if (rule.whollyProvincial !== null && rule.whollyProvincial !== input.whollyProvincial) return false;
  if (rule.maxIncreasePct !== null && (input.increasePct === null || new Dec(input.increasePct).gt(new Dec(rule.maxIncreasePct)))) return false;
  const cost = new Dec(input.totalCost);
  if (rule.minCost !== null && !cost.gt(new Dec(rule.minCost))) return false;
  if (rule.maxCost !== null && !cost.lte(new Dec(rule.maxCost))) return false;
  return true;
}

/**
 * Of two matching rules, the one that decides: the higher priority, then the more recent
 * (a newer notification supersedes an older one at the same level), then the code, so the
 * outcome never depends on the order rules were stored in.
 */
function decidesOver(a: ForumRuleData, b: ForumRuleData): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom > b.effectiveFrom;
  return a.code < b.code;
}

/** The deciding rule, or null when no rule covers the case. */
export function decideForum<T extends ForumRuleData>(rules: readonly T[], input: RoutingInput): T | null {
  let best: T | null = null;
  for (const rule of rules) if (ruleMatches(rule, input) && (!best || decidesOver(rule, best))) best = rule;
  return best;
}

const compatible = <V>(a: V | null, b: V | null) => a === null || b === null || a === b;

/**
 * Whether some project could match both rules on some day: their dates, conditions and cost
 * bands all overlap. Two such rules at the same priority that name different forums leave the
 * decision to a tie-break, so a province may not add one while the other is in force.
 */
export function rulesOverlap(a: ForumRuleData, b: ForumRuleData): boolean {
  if ((a.effectiveTo !== null && a.effectiveTo < b.effectiveFrom) || (b.effectiveTo !== null && b.effectiveTo < a.effectiveFrom)) return false;
  if (a.formKinds && b.formKinds && !a.formKinds.some((k) => b.formKinds!.includes(k))) return false;
  if (!compatible(a.foreignFunding, b.foreignFunding) || !compatible(a.whollyProvincial, b.whollyProvincial)) return false;
  // Costs are (min, max]: disjoint when one band ends at or below where the other starts.
  const endsBelow = (x: ForumRuleData, y: ForumRuleData) => x.maxCost !== null && y.minCost !== null && new Dec(x.maxCost).lte(new Dec(y.minCost));
  return !endsBelow(a, b) && !endsBelow(b, a);
}

/** Rules in `existing` that would tie with `rule` and name another forum. */
export function conflictingRules<T extends ForumRuleData>(existing: readonly T[], rule: ForumRuleData): T[] {
  return existing.filter((r) => r.code !== rule.code && r.priority === rule.priority && r.forum !== rule.forum && rulesOverlap(r, rule));
}

const FEDERAL_2019 = 'Planning Commission, revised sanctioning limits (26 Sep 2019): CDWP up to Rs 10 bn, ECNEC above';
const FEDERAL_2022 = 'MoPD&SI notification (24 Aug 2022): CDWP up to Rs 7.5 bn, ECNEC above';
const FEDERAL_EARLIER = 'Planning Commission sanctioning limits before Sep 2019: CDWP up to Rs 3 bn, ECNEC above';

/** Projects above the province's highest forum go to the federal forums, whose limits changed. */
function federalRules(): ForumRuleData[] {
  const band = (code: string, forum: string, min: string | null, max: string | null, from: string, to: string | null, source: string): ForumRuleData => ({
    code, forum, minCost: min, maxCost: max, formKinds: null, foreignFunding: null, whollyProvincial: null, maxIncreasePct: null,
    effectiveFrom: from, effectiveTo: to, priority: 10, source, verify: false,
  });
  return [
    band('federal-cdwp-pre-2019', 'cdwp', null, '3000', '2000-01-01', '2019-09-25', FEDERAL_EARLIER),
    band('federal-ecnec-pre-2019', 'ecnec', '3000', null, '2000-01-01', '2019-09-25', FEDERAL_EARLIER),
    band('federal-cdwp-2019', 'cdwp', null, '10000', '2019-09-26', '2022-08-24', FEDERAL_2019),
    band('federal-ecnec-2019', 'ecnec', '10000', null, '2019-09-26', '2022-08-24', FEDERAL_2019),
    band('federal-cdwp-2022', 'cdwp', null, '7500', '2022-08-25', null, FEDERAL_2022),
    band('federal-ecnec-2022', 'ecnec', '7500', null, '2022-08-25', null, FEDERAL_2022),
  ];
}

const base = { formKinds: null, foreignFunding: null, whollyProvincial: null, maxIncreasePct: null, effectiveTo: null } as const;

const REVISION_15 = 'Manual for Development Projects ch.4 §4.12-4.13: within the 15 % permissible limit the executing agency proceeds; beyond it the revised PC-I goes back to the competent forum';

/** A revised PC-I within 15 % of the approved cost stays with the department's own forum. */
const withinFifteen = (forum: string): ForumRuleData => ({
  ...base, code: `${forum}-revision-within-15`, forum, minCost: null, maxCost: null, formKinds: ['pc1-revised'], maxIncreasePct: '15',
  effectiveFrom: '2000-01-01', priority: 40, verify: true, source: `${REVISION_15} [verify which forum records it]`,
});

/** The rules a province starts with (editable later through the API). */
export function seedForumRules(slug: string): ForumRuleData[] {
  if (slug === 'kp') {
    return [
      { ...base, code: 'kp-ddwp', forum: 'kp-ddwp', minCost: null, maxCost: '400', effectiveFrom: '2016-01-01', priority: 20, verify: true,
        source: 'KP DDWP band as for the provinces generally (Rs 400 m); KP P&D notification not found [verify]' },
      { ...base, code: 'kp-pdwp', forum: 'kp-pdwp', minCost: '400', maxCost: '10000', effectiveFrom: '2016-01-01', priority: 20, verify: true,
        source: 'PDWP up to Rs 10 bn (provinces generally; nation.com.pk 30-05-2022); KP notification not found [verify]' },
      { ...base, code: 'kp-pdwp-provincial-2025', forum: 'kp-pdwp', minCost: '10000', maxCost: null, whollyProvincial: true,
        effectiveFrom: '2025-06-01', effectiveTo: '2025-08-24', priority: 30, verify: true,
        source: 'NEC decision (June 2025) letting PDWPs approve wholly provincially funded projects; withdrawn by MoPD&SI notification of 25-08-2025 (newsguru.pk/?p=89522) [verify start date]' },
      { ...base, code: 'kp-pc2-pdwp', forum: 'kp-pdwp', minCost: null, maxCost: null, formKinds: ['pc2'], effectiveFrom: '2016-01-01', priority: 30, verify: true,
        source: 'PC-II (feasibility studies) approved by the PDWP irrespective of cost, as in Punjab (pndpunjab.gov.pk) [verify for KP]' },
      { ...base, code: 'kp-foreign-cdwp', forum: 'cdwp', minCost: '400', maxCost: '7500', foreignFunding: true, effectiveFrom: '2022-08-25', priority: 25, verify: true,
        source: 'Projects with a foreign-funded component above the DDWP band go to the federal forums (Punjab: ECNEC for any foreign component) [verify for KP]' },
      { ...base, code: 'kp-foreign-ecnec', forum: 'ecnec', minCost: '7500', maxCost: null, foreignFunding: true, effectiveFrom: '2022-08-25', priority: 25, verify: true,
        source: 'As above, above the CDWP limit of Rs 7.5 bn (MoPD&SI 24-08-2022) [verify for KP]' },
      withinFifteen('kp-ddwp'),
      ...federalRules(),
    ];
  }
  if (slug === 'gb') {
    return [
      { ...base, code: 'gb-ddwp', forum: 'gb-ddwp', minCost: null, maxCost: '400', effectiveFrom: '2018-03-01', priority: 20, verify: true,
        source: 'NEC (March 2018) sanctioning powers for AJK/GB/FATA: departmental working party up to Rs 400 m (english.chitraltimes.com) [verify exact date]' },
      { ...base, code: 'gbdwp', forum: 'gbdwp', minCost: '400', maxCost: '1000', effectiveFrom: '2018-03-01', priority: 20, verify: true,
        source: 'NEC (March 2018): GB Development Working Party up to Rs 1 bn; 2022 proposal to raise to Rs 2 bn not confirmed [verify]' },
      withinFifteen('gb-ddwp'),
      ...federalRules(),
    ];
  }
  return federalRules();
}
