import {
  documentEventTitle,
  isDocumentEvent,
  obligationEventTitle,
  WEBHOOK_DISABLED_HEADLINE,
} from '../events/event-texts';
import type { PublishedEvent } from '../events/events.service';

export interface NotificationText {
  title: { en: string; ur: string };
  body: { en: string; ur: string };
  documentId: string | null;
  projectId: string | null;
}

/**
 * The bell's words for an event, in both languages (the user may switch language later). Account
 * events make no notification: their only content is a one-time link, which stays in the mail.
 */
export function notificationFor(event: PublishedEvent): NotificationText | null {
  if (isDocumentEvent(event)) {
    const d = event.data;
    const by = d.actorName ?? '';
    return {
      title: documentEventTitle(event.type, d, d.forum),
      body: d.comment ? { en: `${by}: ${d.comment}`.trim(), ur: `${by}: ${d.comment}`.trim() } : { en: by, ur: by },
      documentId: d.documentId,
      projectId: d.projectId,
    };
  }
  switch (event.type) {
    case 'obligation.due':
    case 'obligation.overdue': {
      const d = event.data;
      return {
        title: obligationEventTitle(event.type, d, true),
        body: { en: d.projectTitle, ur: d.projectTitle },
        documentId: null,
        projectId: d.projectId,
      };
    }
    case 'webhook.disabled':
      return {
        title: {
          en: `${WEBHOOK_DISABLED_HEADLINE.en}: ${event.data.url}`,
          ur: `${WEBHOOK_DISABLED_HEADLINE.ur}: ${event.data.url}`,
        },
        body: {
          en: `After ${event.data.failures} failures: ${event.data.lastError}`,
          ur: `${event.data.failures} ناکامیوں کے بعد: ${event.data.lastError}`,
        },
        documentId: null,
        projectId: null,
      };
    default:
      return null;
  }
}
