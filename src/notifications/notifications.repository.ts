import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationText } from './notification-texts';

export interface NotificationRow {
  id: string;
  type: string;
  title: string;
  body: string;
  documentId: string | null;
  projectId: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** SQL on the province's notifications; every method runs in the caller's unit of work. */
@Injectable()
export class NotificationsRepository {
  async insert(
    em: EntityManager,
    eventId: string,
    eventType: string,
    userIds: readonly string[],
    text: NotificationText,
  ): Promise<void> {
    if (!userIds.length) return;
    await em.query(
      `INSERT INTO notifications (user_id, event_id, event_type, document_id, ` +
        `project_id, title_en, title_ur, body_en, body_ur)
       SELECT u, $2, $3, $4, $5, $6, $7, $8, $9 FROM unnest($1::uuid[]) AS u`,
      [
        userIds,
        eventId,
        eventType,
        text.documentId,
        text.projectId,
        text.title.en,
        text.title.ur,
        text.body.en,
        text.body.ur,
      ],
    );
  }

  /** A page of the user's notifications, newest first, in one language. */
  async page(
    em: EntityManager,
    userId: string,
    locale: 'en' | 'ur',
    unreadOnly: boolean,
    offset: number,
    limit: number,
  ): Promise<NotificationRow[]> {
    const lang = locale === 'ur' ? 'ur' : 'en';
    return em.query(
      `SELECT id, event_type AS type, title_${lang} AS title, body_${lang} AS body, document_id AS "documentId", ` +
        `project_id AS "projectId",
              read_at AS "readAt", created_at AS "createdAt"
         FROM notifications WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
        ORDER BY created_at DESC, id DESC OFFSET $3 LIMIT $4`,
      [userId, unreadOnly, offset, limit],
    );
  }

  async counts(em: EntityManager, userId: string, unreadOnly: boolean): Promise<{ total: number; unread: number }> {
    const [row] = await em.query(
      `SELECT count(*) FILTER (WHERE $2::boolean IS FALSE OR read_at IS NULL)::int AS total, ` +
        `count(*) FILTER (WHERE read_at IS NULL)::int AS unread
         FROM notifications WHERE user_id = $1`,
      [userId, unreadOnly],
    );
    return row;
  }

  /** True when the notification is the user's (read before or now). */
  async markRead(em: EntityManager, userId: string, id: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await em.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, userId],
    );
    return rows.length > 0;
  }

  async markAllRead(em: EntityManager, userId: string): Promise<number> {
    const [, affected]: [unknown, number] = await em.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return affected;
  }
}
