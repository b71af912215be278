import { useMemo } from 'react';
import { useWorkflow } from '../api/queries';
import type { Attachment } from '../api/types';
import { BEFORE_FORUM_STATE } from './decision';

export interface DecisionContext {
  documentId: string;
  /** Action ids that record a forum decision in the document's state. */
  actions: ReadonlySet<string>;
  documentCost: string | null;
  attachments: Attachment[];
}

/** Whether the document is before its forum, and which of the workflow's actions are its decisions. */
export function useDecisionContext(
  documentId: string,
  state: string,
  documentCost: string | null,
  attachments: Attachment[],
): DecisionContext | null {
  const workflow = useWorkflow();
  return useMemo(() => {
    if (state !== BEFORE_FORUM_STATE) return null;
    const config = workflow.data?.config.actions ?? [];
    const actions = new Set(
      config.filter((a) => (a as { decision?: string }).decision && a.from.includes(state)).map((a) => a.id),
    );
    return { documentId, actions, documentCost, attachments };
  }, [documentId, state, documentCost, attachments, workflow.data]);
}
