/*
 * A forum's decision as the approver records it with the workflow action (approve, defer,
 * reject, return, recommend from "before the forum"): the date it was taken (today or in the
 * past), the meeting, the approved cost beside the document's own, the outcome and conditions,
 * the minutes and the approval letter. Sent as `decision` in POST /actions/:action.
 */

export type Outcome = 'approved' | 'approved-with-changes';

/** The body's `decision` (src/approvals: only what is filled in is sent). */
export interface DecisionInput {
  decisionDate?: string;
  meetingNumber?: string;
  meetingDate?: string;
  approvedCost?: string;
  outcome?: Outcome;
  conditions?: string;
  minutesReference?: string;
  letterAttachmentId?: string;
  /** The deciding forum, for a past decision no rule of its date covers (or one taken by another forum). */
  forum?: string;
}

/** What the dialog holds while the approver fills it in (all strings, as typed). */
export interface DecisionDraft {
  decisionDate: string;
  meetingNumber: string;
  meetingDate: string;
  approvedCost: string;
  outcome: Outcome;
  conditions: string;
  minutesReference: string;
  letterAttachmentId: string;
  forum: string;
}

/** The state a document is in when its forum decides on it. */
export const BEFORE_FORUM_STATE = 'forum';
/** Actions that approve (they carry an approved cost and an outcome). */
export const APPROVING_ACTIONS = new Set(['approve']);

/** Rs million with up to three decimals, as the API takes money (a decimal string). */
const AMOUNT = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,3})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in the browser's calendar, as YYYY-MM-DD (a decision's date is a calendar day). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newDecisionDraft(documentCost: string | null): DecisionDraft {
  return {
    decisionDate: today(),
    meetingNumber: '',
    meetingDate: '',
    approvedCost: documentCost ?? '',
    outcome: 'approved',
    conditions: '',
    minutesReference: '',
    letterAttachmentId: '',
    forum: '',
  };
}

export type DecisionErrors = Partial<Record<keyof DecisionDraft, string>>;

/** The checks the server makes too, so the approver sees them at the field before sending. */
export function checkDecision(draft: DecisionDraft, approving: boolean, t: (key: string) => string): DecisionErrors {
  const errors: DecisionErrors = {};
  if (!ISO_DATE.test(draft.decisionDate)) errors.decisionDate = t('approvals.error.date');
  else if (draft.decisionDate > today()) errors.decisionDate = t('approvals.error.future');
  if (draft.meetingDate && !ISO_DATE.test(draft.meetingDate)) errors.meetingDate = t('approvals.error.date');
  else if (draft.meetingDate && draft.meetingDate > today()) errors.meetingDate = t('approvals.error.future');
  else if (draft.meetingDate && !errors.decisionDate && draft.meetingDate > draft.decisionDate)
    errors.meetingDate = t('approvals.error.meetingAfterDecision');
  if (approving) {
    const cost = draft.approvedCost.replace(/,/g, '').trim();
    if (!AMOUNT.test(cost)) errors.approvedCost = t('approvals.error.amount');
    if (draft.outcome === 'approved-with-changes' && !draft.conditions.trim())
      errors.conditions = t('approvals.error.conditions');
  }
  return errors;
}

/** The body's `decision`: only what was filled in, amounts without grouping commas. */
export function decisionInput(draft: DecisionDraft, approving: boolean): DecisionInput {
  const out: DecisionInput = { decisionDate: draft.decisionDate };
  if (draft.meetingNumber.trim()) out.meetingNumber = draft.meetingNumber.trim();
  if (draft.meetingDate) out.meetingDate = draft.meetingDate;
  if (draft.minutesReference.trim()) out.minutesReference = draft.minutesReference.trim();
  if (draft.letterAttachmentId) out.letterAttachmentId = draft.letterAttachmentId;
  if (draft.forum) out.forum = draft.forum;
  if (approving) {
    out.approvedCost = draft.approvedCost.replace(/,/g, '').trim();
    out.outcome = draft.outcome;
    if (draft.outcome === 'approved-with-changes' && draft.conditions.trim()) out.conditions = draft.conditions.trim();
  }
  return out;
}
