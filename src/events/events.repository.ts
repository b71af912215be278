import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProvinceEvent } from './province-event';

export type PublishedEvent = ProvinceEvent & { id: string; occurredAt: Date };

/** The province's event log (province_events); runs in the caller's unit of work. */
@Injectable()
export class EventsRepository {
  async insert(em: EntityManager, event: ProvinceEvent): Promise<PublishedEvent> {
    const [row]: { id: string; occurred_at: Date }[] = await em.query(
      `INSERT INTO province_events (type, data) VALUES ($1, $2) RETURNING id, occurred_at`,
      [event.type, JSON.stringify(event.data)],
    );
    return { ...event, id: row.id, occurredAt: row.occurred_at } as PublishedEvent;
  }

  async find(em: EntityManager, id: string): Promise<PublishedEvent | null> {
    const [row]: { id: string; type: ProvinceEvent['type']; data: ProvinceEvent['data']; occurred_at: Date }[] =
      await em.query(`SELECT id, type, data, occurred_at FROM province_events WHERE id = $1`, [id]);
    return row ? ({ id: row.id, type: row.type, data: row.data, occurredAt: row.occurred_at } as PublishedEvent) : null;
  }
}
