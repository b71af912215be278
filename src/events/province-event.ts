/**
 * What happens in a province that leaves the platform: each event is published inside the
 * transaction of the action that causes it (EventsService.publish), and becomes, in that same
 * transaction, mail in the outbox, in-app notifications and webhook deliveries. Import-free, so
 * the web app can share the names.
 */
export const PROVINCE_EVENT_TYPES = [
  'user.invited',
  'user.password-reset',
  'document.submitted',
  'document.returned',
  'document.forum',
  'document.approved',
  'document.rejected',
  'document.deferred',
  'obligation.due',
  'obligation.overdue',
  'webhook.disabled',
] as const;
export type ProvinceEventType = (typeof PROVINCE_EVENT_TYPES)[number];

/** Events a webhook may subscribe to: the business events, not account links (they carry secrets). */
export const WEBHOOK_EVENT_TYPES = PROVINCE_EVENT_TYPES.filter(
  (t) => !t.startsWith('user.') && t !== 'webhook.disabled',
);

export interface DocumentEventData {
  documentId: string;
  projectId: string;
  projectTitle: string;
  kind: string;
  /** Workflow action taken, state before and after, and the actor's comment. */
  action: string;
  from: string;
  to: string;
  comment: string | null;
  forum: string | null;
  actorId: string;
  actorName: string | null;
  departmentId: string | null;
  preparedBy: string | null;
}

export interface ObligationEventData {
  projectId: string;
  projectTitle: string;
  kind: string;
  period: string;
  dueDate: string;
  /** Who is reminded (mail and notifications): the project's preparer and its department's users. */
  departmentId: string | null;
  preparedBy: string | null;
}

export interface AccountLinkEventData {
  userId: string;
  /** The one-time link; goes only into the mail to its owner, never into notifications or webhooks. */
  link: string;
  expiresAt: string;
}

export interface WebhookDisabledEventData {
  subscriptionId: string;
  url: string;
  failures: number;
  lastError: string;
}

export type ProvinceEvent =
  | { type: 'user.invited' | 'user.password-reset'; data: AccountLinkEventData }
  | {
      type:
        | 'document.submitted'
        | 'document.returned'
        | 'document.forum'
        | 'document.approved'
        | 'document.rejected'
        | 'document.deferred';
      data: DocumentEventData;
    }
  | { type: 'obligation.due' | 'obligation.overdue'; data: ObligationEventData }
  | { type: 'webhook.disabled'; data: WebhookDisabledEventData };
