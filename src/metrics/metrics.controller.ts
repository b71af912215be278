import { Controller, Get, Header, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, RequirePermission } from '../tenancy/access.decorators';
import { PLATFORM_PERMISSION } from '../tenancy/permissions';
import { AnyHost, PlatformHost } from '../tenancy/host-scope';
import { ApiMetrics } from './api-metrics.service';
import { MetricsAccessGuard } from './metrics-access.guard';
import { MetricsExposition } from './metrics-exposition.service';

/**
 * Prometheus' scrape endpoint. Public to the global guards on purpose: MetricsAccessGuard decides
 * (allowed network on any host, or an operator token on the platform host).
 */
@ApiTags('platform')
@Controller()
export class MetricsController {
  constructor(private readonly exposition: MetricsExposition) {}

  @Get('metrics')
  @AnyHost()
  @Public()
  @UseGuards(MetricsAccessGuard)
  @Header('Cache-Control', 'no-store')
  @ApiBearerAuth()
  @ApiProduces('text/plain')
  @ApiOperation({
    summary: 'Prometheus metrics: requests, latency, errors by province; jobs; pool; process',
    description:
      'From METRICS_ALLOWED_NETWORKS on any host without a token, or with an operator token on the platform host.',
  })
  async metrics(@Res({ passthrough: true }) res: Response): Promise<string> {
    const { contentType, body } = await this.exposition.scrape();
    res.setHeader('Content-Type', contentType);
    return body;
  }
}

@ApiTags('platform')
@ApiBearerAuth()
@PlatformHost()
@RequirePermission(PLATFORM_PERMISSION)
@Controller('api/platform/metrics')
export class MetricsSummaryController {
  constructor(private readonly metrics: ApiMetrics) {}

  @Get('summary')
  @ApiOperation({
    summary: 'Requests, 5xx errors, 429 refusals and p95 latency per province since this API process started',
  })
  summary() {
    return this.metrics.summary();
  }
}
