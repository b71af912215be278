import { BadRequestException, ConflictException, Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { offsetOf } from '../common/paging';
import { EventConsumer, EventsService, PublishedEvent } from '../events/events.service';
import { ProvinceEventType, WEBHOOK_EVENT_TYPES } from '../events/province-event';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { WebhookUrlError } from './address-policy';
import { CreateWebhookRequest, DeliveriesQuery, UpdateWebhookRequest } from './dto';
import { WebhookDeliveries } from './webhook-deliveries.service';
import { WebhookHttpClient } from './webhook-http.client';
import { WebhookSecrets } from './webhook-secrets';
import { DeliveryRow, SubscriptionRow, WebhooksRepository } from './webhooks.repository';

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  active: boolean;
  consecutiveFailures: number;
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DeliveryView {
  id: string;
  eventId: string | null;
  eventType: string;
  status: DeliveryRow['status'];
  attempts: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/** What a receiver gets: the body of every delivery. */
export interface WebhookPayload {
  id: string;
  type: string;
  occurredAt: string;
  province: { id: string; slug: string; name: string };
  data: unknown;
}

const SUBSCRIPTION_NOT_FOUND = 'Webhook subscription not found';
const TYPES: readonly string[] = WEBHOOK_EVENT_TYPES;

/**
 * The province's webhook subscriptions (province administrators) and the event consumer that
 * turns each business event into one delivery per matching active subscription, written in the
 * publisher's transaction and queued once it commits.
 */
@Injectable()
export class WebhooksService implements EventConsumer, OnModuleInit {
  readonly consumerName = 'webhooks';

  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: WebhooksRepository,
    private readonly http: WebhookHttpClient,
    private readonly secrets: WebhookSecrets,
    private readonly deliveries: WebhookDeliveries,
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  async consume(em: EntityManager, event: PublishedEvent): Promise<void> {
    if (!TYPES.includes(event.type)) return;
    const subscribers = await this.repo.subscribersOf(em, event.type);
    if (!subscribers.length) return;
    const ids = await this.repo.insertDeliveries(
      em,
      subscribers,
      event.id,
      event.type,
      this.payload(event.id, event.type, event.occurredAt, event.data),
    );
    this.deliveries.enqueueAfterCommit(em, ids);
  }

  list(): Promise<WebhookView[]> {
    return this.db.transaction(async (em) => (await this.repo.listSubscriptions(em)).map(toView));
  }

  get(id: string): Promise<WebhookView> {
    return this.db.transaction(async (em) => toView(await this.mustFind(em, id)));
  }

  /** The secret is returned here and on rotation only. */
  async create(request: CreateWebhookRequest, createdBy: string | null): Promise<WebhookView & { secret: string }> {
    const url = await this.checkedUrl(request.url);
    const secret = this.secrets.generate();
    return this.db.transaction(async (em) => {
      const row = await this.repo.createSubscription(em, {
        url,
        events: request.events,
        description: request.description ?? null,
        secretSealed: this.secrets.seal(secret),
        createdBy,
      });
      await this.audit.record(em, {
        action: 'webhook.created',
        targetType: 'webhook',
        targetId: row.id,
        details: { url, events: request.events },
      });
      return { ...toView(row), secret };
    });
  }

  async update(id: string, request: UpdateWebhookRequest): Promise<WebhookView> {
    const url = request.url !== undefined ? await this.checkedUrl(request.url) : undefined;
    return this.db.transaction(async (em) => {
      const row = await this.repo.updateSubscription(em, id, {
        url,
        events: request.events,
        description: request.description,
        active: request.active,
      });
      if (!row) throw new NotFoundException(SUBSCRIPTION_NOT_FOUND);
      await this.audit.record(em, {
        action: 'webhook.updated',
        targetType: 'webhook',
        targetId: id,
        details: { fields: Object.keys(request) },
      });
      return toView(row);
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      if (!(await this.repo.deleteSubscription(em, id))) throw new NotFoundException(SUBSCRIPTION_NOT_FOUND);
      await this.audit.record(em, { action: 'webhook.deleted', targetType: 'webhook', targetId: id });
    });
  }

  /** A new secret; the old one stops signing at once. */
  rotateSecret(id: string): Promise<{ id: string; secret: string }> {
    const secret = this.secrets.generate();
    return this.db.transaction(async (em) => {
      if (!(await this.repo.updateSubscription(em, id, { secretSealed: this.secrets.seal(secret) })))
        throw new NotFoundException(SUBSCRIPTION_NOT_FOUND);
      await this.audit.record(em, { action: 'webhook.secret-rotated', targetType: 'webhook', targetId: id });
      return { id, secret };
    });
  }

  /** Sends a `ping` through the normal delivery path (signed, logged, retried). */
  ping(id: string): Promise<DeliveryView> {
    return this.db.transaction(async (em) => {
      const subscription = await this.mustFind(em, id);
      if (!subscription.active)
        throw new ConflictException('The subscription is disabled; turn it on (active: true) before sending a ping');
      const [deliveryId] = await this.repo.insertDeliveries(
        em,
        [id],
        null,
        'ping',
        this.payload(randomUUID(), 'ping', new Date(), { subscriptionId: id }),
      );
      this.deliveries.enqueueAfterCommit(em, [deliveryId]);
      return toDeliveryView((await this.repo.findDelivery(em, id, deliveryId))!);
    });
  }

  listDeliveries(
    id: string,
    query: DeliveriesQuery,
  ): Promise<{ items: DeliveryView[]; total: number; page: number; pageSize: number }> {
    return this.db.transaction(async (em) => {
      await this.mustFind(em, id);
      const { items, total } = await this.repo.listDeliveries(em, id, query.status, query.pageSize, offsetOf(query));
      return { items: items.map(toDeliveryView), total, page: query.page, pageSize: query.pageSize };
    });
  }

  /** Sends a finished delivery again, same body and delivery id (receivers dedupe on it). */
  redeliver(id: string, deliveryId: string): Promise<DeliveryView> {
    return this.db.transaction(async (em) => {
      const subscription = await this.mustFind(em, id);
      const existing = await this.repo.findDelivery(em, id, deliveryId);
      if (!existing) throw new NotFoundException('Delivery not found');
      if (!subscription.active)
        throw new ConflictException('The subscription is disabled; turn it on (active: true) before redelivering');
      const reset = await this.repo.resetForRedelivery(em, deliveryId);
      if (!reset) throw new ConflictException('The delivery is still being attempted');
      this.deliveries.enqueueAfterCommit(em, [deliveryId], `redeliver-${existing.attempts}`);
      await this.audit.record(em, {
        action: 'webhook.redelivered',
        targetType: 'webhook',
        targetId: id,
        details: { deliveryId },
      });
      return toDeliveryView(reset);
    });
  }

  private payload(id: string, type: ProvinceEventType | 'ping', occurredAt: Date, data: unknown): WebhookPayload {
    const tenant = this.db.currentTenant();
    return {
      id,
      type,
      occurredAt: occurredAt.toISOString(),
      province: { id: tenant.id, slug: tenant.slug, name: tenant.name },
      data,
    };
  }

  private async checkedUrl(text: string): Promise<string> {
    try {
      return (await this.http.check(text)).toString();
    } catch (error) {
      if (error instanceof WebhookUrlError)
        throw new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: [error.message],
          fields: { url: [error.message] },
        });
      throw error;
    }
  }

  private async mustFind(em: EntityManager, id: string): Promise<SubscriptionRow> {
    const row = await this.repo.findSubscription(em, id);
    if (!row) throw new NotFoundException(SUBSCRIPTION_NOT_FOUND);
    return row;
  }
}

function toView(r: SubscriptionRow): WebhookView {
  return {
    id: r.id,
    url: r.url,
    events: r.events,
    description: r.description,
    active: r.active,
    consecutiveFailures: r.consecutive_failures,
    disabledReason: r.disabled_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toDeliveryView(r: DeliveryRow): DeliveryView {
  return {
    id: r.id,
    eventId: r.event_id,
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    statusCode: r.status_code,
    error: r.error,
    durationMs: r.duration_ms,
    nextAttemptAt: r.next_attempt_at,
    deliveredAt: r.delivered_at,
    createdAt: r.created_at,
  };
}
