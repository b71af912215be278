import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/uuid-pipe';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../tenancy/access.decorators';
import { Principal } from '../tenancy/tenant-context';
import { CreateWebhookRequest, DeliveriesQuery, UpdateWebhookRequest } from './dto';
import { WebhooksService } from './webhooks.service';

const UUID = new ParseUuidPipe();

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @RequirePermission('webhooks.manage')
  @ApiOperation({ summary: "The province's webhook subscriptions (province administrators)" })
  list() {
    return this.webhooks.list();
  }

  @Post()
  @RequirePermission('webhooks.manage')
  @ApiOperation({
    summary: 'Subscribe a URL to events',
    description:
      'Answers with the signing secret, shown this once. Deliveries are POSTs of {id, type, occurredAt, ' +
      'province, data} with X-Daftar-Event, X-Daftar-Delivery, X-Daftar-Timestamp and X-Daftar-Signature: ' +
      'sha256=<hex HMAC-SHA256 of "<timestamp>.<body>"> keyed with the secret.',
  })
  create(@Body() body: CreateWebhookRequest, @CurrentPrincipal() principal: Principal | undefined) {
    return this.webhooks.create(body, principal?.kind === 'user' ? principal.id : null);
  }

  @Get(':id')
  @RequirePermission('webhooks.manage')
  @ApiOperation({ summary: 'One subscription' })
  get(@Param('id', UUID) id: string) {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @RequirePermission('webhooks.manage')
  @ApiOperation({ summary: 'Change URL, events, description, or turn a subscription off and on' })
  update(@Param('id', UUID) id: string, @Body() body: UpdateWebhookRequest) {
    return this.webhooks.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('webhooks.manage')
  @ApiOperation({ summary: 'Remove a subscription and its delivery log' })
  async remove(@Param('id', UUID) id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @RequirePermission('webhooks.manage')
  @ApiOperation({ summary: 'Replace the signing secret; the new one is shown this once' })
  rotateSecret(@Param('id', UUID) id: string) {
    return this.webhooks.rotateSecret(id);
  }

  @Post(':id/ping')
  @HttpCode(202)
  @RequirePermission('webhooks.manage')
  @ApiOperation({ summary: 'Send a signed test event (type ping) to the subscription' })
  ping(@Param('id', UUID) id: string) {
    return this.webhooks.ping(id);
  }

  @Get(':id/deliveries')
  @RequirePermission('webhooks.manage')
  @ApiOperation({ summary: 'Delivery log, newest first: attempts, last status code, error, duration, next attempt' })
  deliveries(@Param('id', UUID) id: string, @Query() query: DeliveriesQuery) {
    return this.webhooks.listDeliveries(id, query);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @RequirePermission('webhooks.manage')
  @ApiOperation({ summary: 'Send a finished delivery again (same body and delivery id)' })
  redeliver(@Param('id', UUID) id: string, @Param('deliveryId', UUID) deliveryId: string) {
    return this.webhooks.redeliver(id, deliveryId);
  }
}
