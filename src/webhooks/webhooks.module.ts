import { Module } from '@nestjs/common';
import { WebhookDeliveries } from './webhook-deliveries.service';
import { WebhookHttpClient } from './webhook-http.client';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/**
 * Webhooks: subscriptions (API), the event consumer (wherever events are published: API and
 * worker), and deliveries (WebhookDeliveryProcessor, registered in the worker only).
 */
@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhooksRepository, WebhookDeliveries, WebhookHttpClient, WebhookSecrets],
  exports: [WebhookDeliveries],
})
export class WebhooksModule {}
