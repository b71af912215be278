import { useQueries } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Transition } from '../../api/types';

/** One workflow step of a document, whichever names the server gives its fields. */
export interface Step {
  documentId: string;
  action: string;
  from: string;
  to: string;
  comment: string | null;
  actor: string;
  at: string;
  forum: string | null;
  /** The forum rule's code, for forum decisions. */
  rule: string | null;
  /** The notification or decision the rule comes from. */
  ruleSource: string | null;
}

type RawTransition = Transition & {
  from?: string;
  to?: string;
  actorEmail?: string | null;
  forumRule?: unknown;
  forumRuleSource?: string | null;
  rule?: unknown;
};

/*
 * The transitions endpoint has answered {from, to, actorEmail, forumRule} and is moving to
 * {fromState, toState, actorName, rule}; reading both keeps the timeline right during the change.
 */
export function toStep(documentId: string, raw: RawTransition): Step {
  const rule = raw.rule && typeof raw.rule === 'object' ? (raw.rule as { code?: string; source?: string }) : null;
  return {
    documentId,
    action: raw.action,
    from: raw.fromState ?? raw.from ?? '',
    to: raw.toState ?? raw.to ?? '',
    comment: raw.comment ?? null,
    actor: raw.actorName || raw.actorEmail || '',
    at: raw.at ?? raw.createdAt ?? '',
    forum: raw.forum ?? null,
    rule:
      typeof raw.forumRule === 'string'
        ? raw.forumRule
        : typeof raw.rule === 'string'
          ? raw.rule
          : (rule?.code ?? null),
    ruleSource: raw.forumRuleSource ?? rule?.source ?? null,
  };
}

export function transitionsQuery(documentId: string) {
  return {
    queryKey: ['document-transitions', documentId],
    queryFn: async () =>
      (await api.get<RawTransition[]>(`/api/documents/${documentId}/transitions`)).map((t) => toStep(documentId, t)),
  };
}

/** The steps of several documents, merged newest first; pending until every list has arrived. */
export function useSteps(documentIds: readonly string[]) {
  return useQueries({
    queries: documentIds.map((id) => transitionsQuery(id)),
    combine: (results) => ({
      steps: results.flatMap((r) => r.data ?? []).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      refetch: () => results.forEach((r) => void r.refetch()),
    }),
  });
}
