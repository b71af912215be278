import type { DocumentEventData, ProvinceEvent } from '../events/province-event';
import type { WorkflowAction, WorkflowConfig } from '../workflow/workflow-config';

/**
 * The province event a workflow action announces. Workflows are each province's own data, so
 * the action is read for what it does, not for its id: submission needs a valid document,
 * decisions name their outcome, and "placed before a forum" leads to a state in which forum
 * decisions are taken. Other steps (start review, forward) and recommendations announce nothing.
 */
export type DocumentEventType = Extract<ProvinceEvent, { data: DocumentEventData }>['type'];

export function documentEventOf(config: WorkflowConfig, action: WorkflowAction): DocumentEventType | null {
  if (action.requiresValid) return 'document.submitted';
  switch (action.decision) {
    case 'returned':
      return 'document.returned';
    case 'approved':
      return 'document.approved';
    case 'rejected':
      return 'document.rejected';
    case 'deferred':
      return 'document.deferred';
    case 'recommended':
      return null;
  }
  const decidedThere = config.actions.some(
    (a) => a.decision && a.decision !== 'returned' && a.from.includes(action.to),
  );
  return decidedThere ? 'document.forum' : null;
}
