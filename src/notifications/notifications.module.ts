import { Module } from '@nestjs/common';
import { EventAudience } from './event-audience';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/**
 * In-app notifications, and who an event concerns (EventAudience, shared with mail). Imported by
 * the API and by background processes, which publish events too (reminders, webhooks).
 */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsRepository, EventAudience],
  exports: [EventAudience],
})
export class NotificationsModule {}
