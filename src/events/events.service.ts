import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventsRepository, PublishedEvent } from './events.repository';
import { ProvinceEvent } from './province-event';

export type { PublishedEvent } from './events.repository';

/**
 * Turns an event into what it causes (mail in the outbox, notifications, webhook deliveries).
 * Consumers write their rows in the publisher's transaction, so an action and everything it
 * sends commit or roll back together; delivery happens later, from those rows.
 */
export interface EventConsumer {
  /** For logs and errors, e.g. `mail`. */
  readonly consumerName: string;
  consume(em: EntityManager, event: PublishedEvent): Promise<void>;
}

/**
 * The province's transactional event bus (the outbox pattern): publish() is called inside the
 * unit of work of the action that causes the event. Consumers register at start-up (their
 * module imports EventsModule and calls subscribe() in onModuleInit), so this module depends on
 * none of them.
 */
@Injectable()
export class EventsService {
  private readonly consumers: EventConsumer[] = [];

  constructor(private readonly events: EventsRepository) {}

  subscribe(consumer: EventConsumer): void {
    if (this.consumers.some((c) => c.consumerName === consumer.consumerName))
      throw new Error(`Event consumer ${consumer.consumerName} subscribed twice`);
    this.consumers.push(consumer);
  }

  async publish(em: EntityManager, event: ProvinceEvent): Promise<PublishedEvent> {
    const published = await this.events.insert(em, event);
    for (const consumer of this.consumers) await consumer.consume(em, published);
    return published;
  }

  find(em: EntityManager, id: string): Promise<PublishedEvent | null> {
    return this.events.find(em, id);
  }
}
