import type { ForumRuleData, RoutingWarning } from '../../../../src/routing/forum-rules';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useMasterList } from '../../api/queries';
import { useI18n } from '../../i18n/i18n';

/* The forum-rules endpoints (GET/POST /api/forum-rules, POST /:id/end, GET /route) and the words for a rule. */

export type ForumRule = ForumRuleData & { id: string };
export const RULES_KEY = ['forum-rules'] as const;
export const FORM_KINDS = ['pc1', 'pc1-revised', 'pc2'] as const;

export interface RouteQuery {
  cost: string;
  on: string;
  form: (typeof FORM_KINDS)[number];
  foreign: boolean;
  provincial: boolean;
  increasePct?: string;
}

export interface RouteAnswer {
  forum: string | null;
  rule: ForumRule | null;
  reason: string | null;
  warnings: RoutingWarning[];
}

/** A refused add or end (409): the rules it would tie with. */
export interface TieConflict {
  id: string;
  code: string;
  forum: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export function useForumRules() {
  return useQuery({ queryKey: RULES_KEY, queryFn: () => api.get<ForumRule[]>('/api/forum-rules') });
}

export function routeCase(q: RouteQuery) {
  return api.get<RouteAnswer>('/api/forum-rules/route', {
    query: {
      cost: q.cost,
      on: q.on,
      form: q.form,
      foreign: q.foreign,
      provincial: q.provincial,
      increasePct: q.form === 'pc1-revised' ? q.increasePct : undefined,
    },
  });
}

export const addRule = (body: Record<string, unknown>) => api.post<ForumRule>('/api/forum-rules', body);
export const endRule = (id: string, effectiveTo: string) =>
  api.post<ForumRule>(`/api/forum-rules/${id}/end`, { effectiveTo });

/** Today as YYYY-MM-DD in the browser's zone (the province's day for its staff). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Forum names in the chosen language, from the province's approval-forums list (the code when it is not listed). */
export function useForumName() {
  const { locale } = useI18n();
  const forums = useMasterList('approval-forums').data;
  return (code: string) => {
    const item = forums?.find((f) => f.code === code);
    return item ? (locale === 'ur' ? item.nameUr || item.nameEn : item.nameEn) : code.toUpperCase();
  };
}

/** A rule's cost band and conditions in words: "Rs 400 – 2,000 m · PC-II only". */
export function useRuleWords() {
  const { t, formatNumber } = useI18n();
  const money = (v: string) => formatNumber(v);
  const band = (r: ForumRuleData) => {
    if (r.minCost === null && r.maxCost === null) return t('forumRulesAdmin.band.any');
    if (r.minCost === null) return t('forumRulesAdmin.band.upTo', { max: money(r.maxCost!) });
    if (r.maxCost === null) return t('forumRulesAdmin.band.above', { min: money(r.minCost) });
    return t('forumRulesAdmin.band.between', { min: money(r.minCost), max: money(r.maxCost) });
  };
  const conditions = (r: ForumRuleData) =>
    [
      r.formKinds ? r.formKinds.map((k) => t(`forumRulesAdmin.form.${k}`)).join(' / ') : null,
      r.foreignFunding === null
        ? null
        : t(r.foreignFunding ? 'forumRulesAdmin.cond.foreign' : 'forumRulesAdmin.cond.notForeign'),
      r.whollyProvincial === null
        ? null
        : t(r.whollyProvincial ? 'forumRulesAdmin.cond.provincial' : 'forumRulesAdmin.cond.notProvincial'),
      r.maxIncreasePct === null ? null : t('forumRulesAdmin.cond.increase', { pct: r.maxIncreasePct }),
    ].filter((c): c is string => c !== null);
  return { band, conditions };
}
