import { Global, Module } from '@nestjs/common';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

/**
 * Global: one bus per process, which publishers (documents, users, reminders) and consumers (mail, notifications,
 * webhooks) share.
 */
@Global()
@Module({ providers: [EventsService, EventsRepository], exports: [EventsService] })
export class EventsModule {}
