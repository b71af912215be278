import { Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { offsetOf } from '../common/paging';
import { EventConsumer, EventsService, PublishedEvent } from '../events/events.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { UsersService } from '../users/users.service';
import { NotificationsPage, NotificationsQuery } from './dto';
import { EventAudience } from './event-audience';
import { notificationFor } from './notification-texts';
import { NotificationsRepository } from './notifications.repository';

/**
 * In-app notifications for the web app's bell: written from province events, in the
 * publisher's transaction, for the same people the mail goes to; read by each user for themself.
 */
@Injectable()
export class NotificationsService implements EventConsumer, OnModuleInit {
  readonly consumerName = 'notifications';

  constructor(
    private readonly events: EventsService,
    private readonly audience: EventAudience,
    private readonly repository: NotificationsRepository,
    private readonly users: UsersService,
    private readonly db: TenantDatabase,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  async consume(em: EntityManager, event: PublishedEvent): Promise<void> {
    const text = notificationFor(event);
    if (!text) return;
    const recipients = await this.audience.of(em, event);
    await this.repository.insert(
      em,
      event.id,
      event.type,
      recipients.map((r) => r.id),
      text,
    );
  }

  list(userId: string, query: NotificationsQuery): Promise<NotificationsPage> {
    return this.db.transaction(async (em) => {
      const locale = query.locale ?? (await this.users.profileOf(em, userId))?.locale ?? 'en';
      const unreadOnly = query.unread === true;
      const [rows, counts] = await Promise.all([
        this.repository.page(em, userId, locale, unreadOnly, offsetOf(query), query.pageSize),
        this.repository.counts(em, userId, unreadOnly),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          type: r.type,
          title: r.title,
          body: r.body,
          documentId: r.documentId,
          projectId: r.projectId,
          link: r.documentId ? `/documents/${r.documentId}` : r.projectId ? `/projects/${r.projectId}` : null,
          read: r.readAt !== null,
          createdAt: r.createdAt,
        })),
        unread: counts.unread,
        total: counts.total,
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  }

  async markRead(userId: string, id: string): Promise<void> {
    const found = await this.db.transaction((em) => this.repository.markRead(em, userId, id));
    if (!found) throw new NotFoundException(`No notification ${id} of yours in this province`);
  }

  async markAllRead(userId: string): Promise<{ marked: number }> {
    return { marked: await this.db.transaction((em) => this.repository.markAllRead(em, userId)) };
  }
}
