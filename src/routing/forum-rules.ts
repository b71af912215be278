import { Dec } from '../forms/decimal';

/**
 * Which forum must decide a project, as dated data per province. A rule matches when its dates
 * cover the decision date, its conditions hold and the cost (Rs million) falls in
 * (minCost, maxCost]; of the matching rules the highest priority decides. Special rules
 * (PC-II, foreign funding, a temporary provincial power) sit above the province's cost bands,
 * which sit above the federal bands that take whatever exceeds the province's highest forum.
 */
export type ForumRuleLevel = 'federal' | 'provincial';
export const FORUM_RULE_LEVELS: readonly ForumRuleLevel[] = ['federal', 'provincial'];

export interface ForumRuleData {
  code: string;
  /**
   * 'federal': a federal forum's own limit (ministries' DDWP, CDWP, ECNEC); 'provincial': the
   * province's own rules (its cost bands, and special rules even when they name a federal forum).
   */
  level: ForumRuleLevel;
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
  if (
    rule.maxIncreasePct !== null &&
    (input.increasePct === null || new Dec(input.increasePct).gt(new Dec(rule.maxIncreasePct)))
  )
    return false;
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
  if (
    (a.effectiveTo !== null && a.effectiveTo < b.effectiveFrom) ||
    (b.effectiveTo !== null && b.effectiveTo < a.effectiveFrom)
  )
    return false;
  if (a.formKinds && b.formKinds && !a.formKinds.some((k) => b.formKinds!.includes(k))) return false;
  if (!compatible(a.foreignFunding, b.foreignFunding) || !compatible(a.whollyProvincial, b.whollyProvincial))
    return false;
  // Costs are (min, max]: disjoint when one band ends at or below where the other starts.
  const endsBelow = (x: ForumRuleData, y: ForumRuleData) =>
    x.maxCost !== null && y.minCost !== null && new Dec(x.maxCost).lte(new Dec(y.minCost));
  return !endsBelow(a, b) && !endsBelow(b, a);
}

/** Rules in `existing` that would tie with `rule` and name another forum. */
export function conflictingRules<T extends ForumRuleData>(existing: readonly T[], rule: ForumRuleData): T[] {
  return existing.filter(
    (r) => r.code !== rule.code && r.priority === rule.priority && r.forum !== rule.forum && rulesOverlap(r, rule),
  );
}

/**
 * The federal forum that is a federal territory's own first tier: the ministries' DDWP. ICT has
 * no provincial forums; its projects are federal and start at the sponsoring ministry's DDWP.
 */
export const FEDERAL_DDWP_FORUM = 'ddwp';
/** Forums that are federal whatever a rule's level says: a band naming them is never a province's own tier. */
export const FEDERAL_ONLY_FORUMS: readonly string[] = ['cdwp', 'ecnec'];

export interface RoutingWarning {
  code: 'no-provincial-rules';
  message: string;
  messageUr: string;
}

export interface RoutingDecision<T extends ForumRuleData = ForumRuleData> {
  rule: T | null;
  /** Why no rule decides (null when one does). */
  reason: string | null;
  warnings: RoutingWarning[];
}

const inForce = (rule: ForumRuleData, on: string) =>
  rule.effectiveFrom <= on && (rule.effectiveTo === null || on <= rule.effectiveTo);

/** A plain cost band: no condition on the form, the funding or a revision's increase. */
const isCostBand = (rule: ForumRuleData) =>
  rule.formKinds === null &&
  rule.foreignFunding === null &&
  rule.whollyProvincial === null &&
  rule.maxIncreasePct === null;

/**
 * Whether the province's own tier is in force on a date: a provincial cost band (or, for a
 * federal territory, the ministries' DDWP band). Without one, the federal bands (which take
 * whatever exceeds the province's highest forum) would swallow every project, so routing stops.
 */
export function ownTierInForce(rules: readonly ForumRuleData[], on: string): boolean {
  return rules.some(
    (r) =>
      inForce(r, on) &&
      isCostBand(r) &&
      !FEDERAL_ONLY_FORUMS.includes(r.forum) &&
      (r.level === 'provincial' || r.forum === FEDERAL_DDWP_FORUM),
  );
}

/**
 * The level a new rule gets when its author does not say: a plain CDWP/ECNEC band is a federal
 * limit; anything else (a province's bands, its special rules, even one sending a case to CDWP)
 * is the province's own.
 */
export function defaultLevel(rule: Omit<ForumRuleData, 'level'>): ForumRuleData['level'] {
  return FEDERAL_ONLY_FORUMS.includes(rule.forum) && isCostBand(rule as ForumRuleData) ? 'federal' : 'provincial';
}

export function noProvincialRulesWarning(on: string): RoutingWarning {
  return {
    code: 'no-provincial-rules',
    message:
      `No provincial forum rule (cost band) of this province is in force on ${on}: ` +
      `add the province's notified limits (POST /api/forum-rules) before routing; ` +
      `the federal forums only take what exceeds the province's highest forum`,
    messageUr:
      `${on} کو اس صوبے کا کوئی صوبائی فورم قاعدہ (لاگت کی حد) نافذ نہیں: روٹنگ سے پہلے صوبے کی ` +
      `نوٹیفائیڈ حدیں درج کریں؛ وفاقی فورم صرف صوبے کے اعلیٰ ترین فورم کی حد سے زائد منصوبے لیتے ہیں`,
  };
}

/**
 * The routing answer: the deciding rule, or why there is none, with warnings. With no provincial
 * band in force on the date nothing is routed (never silently to CDWP/ECNEC).
 */
export function decideRouting<T extends ForumRuleData>(rules: readonly T[], input: RoutingInput): RoutingDecision<T> {
  if (!ownTierInForce(rules, input.on)) {
    const warning = noProvincialRulesWarning(input.on);
    return { rule: null, reason: warning.message, warnings: [warning] };
  }
  const rule = decideForum(rules, input);
  return {
    rule,
    reason: rule ? null : `No forum rule of this province covers Rs ${input.totalCost} million on ${input.on}`,
    warnings: [],
  };
}

/** What an operator sees of a province's rules. */
export interface ForumRulesSummary {
  provincialInForce: boolean;
  verifyCount: number;
  total: number;
}

export function summariseRules(rules: readonly ForumRuleData[], on: string): ForumRulesSummary {
  return {
    provincialInForce: ownTierInForce(rules, on),
    verifyCount: rules.filter((r) => r.verify).length,
    total: rules.length,
  };
}

export { forumSeedFor, seedForumRules } from './forum-rule-seeds';
