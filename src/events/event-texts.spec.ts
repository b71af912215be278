import { renderEventMail } from '../mail/mail-templates';
import { notificationFor } from '../notifications/notification-texts';
import type { PublishedEvent } from './events.service';
import { DocumentEventType } from './event-texts';
import { DocumentEventData, PROVINCE_EVENT_TYPES } from './province-event';

const data: DocumentEventData = {
  documentId: 'd1',
  projectId: 'p1',
  projectTitle: 'Bahrain–Kalam road',
  kind: 'pc1',
  action: 'act',
  from: 'a',
  to: 'b',
  comment: null,
  forum: null,
  actorId: 'u1',
  actorName: 'Ayesha Khan',
  departmentId: null,
  preparedBy: null,
};
const ctx = (locale: 'en' | 'ur') => ({
  locale,
  recipientName: 'R',
  provinceName: 'KP',
  appUrl: 'https://kp.daftar.test',
});

describe('event texts', () => {
  test("a document event's mail subject and bell title are the same words, in both languages", () => {
    const types = PROVINCE_EVENT_TYPES.filter((t): t is DocumentEventType => t.startsWith('document.'));
    expect(types).toHaveLength(6);
    for (const type of types) {
      const event = { id: 'e1', occurredAt: new Date(), type, data } as PublishedEvent;
      const title = notificationFor(event)!.title;
      expect(title.en).not.toBe(title.ur);
      for (const locale of ['en', 'ur'] as const)
        expect(renderEventMail(event, ctx(locale))!.subject).toBe(`${title[locale]} — KP`);
    }
  });

  test('a named forum is named in the bell, "the forum" in the subject (the mail names it below)', () => {
    const event = {
      id: 'e1',
      occurredAt: new Date(),
      type: 'document.forum',
      data: { ...data, forum: 'KP-PDWP' },
    } as PublishedEvent;
    expect(notificationFor(event)!.title.en).toBe('Placed before KP-PDWP: PC-I “Bahrain–Kalam road”');
    const mail = renderEventMail(event, ctx('en'))!;
    expect(mail.subject).toBe('Placed before the forum: PC-I “Bahrain–Kalam road” — KP');
    expect(mail.text).toContain('placed before KP-PDWP for decision');
  });
});
