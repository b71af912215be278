import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { contentDisposition } from '../common/content-disposition';
import { RequirePermission } from '../tenancy/access.decorators';
import { PLATFORM_PERMISSION } from '../tenancy/permissions';
import { PlatformHost } from '../tenancy/host-scope';
import { PortfolioRefreshResponse, PortfolioResponse } from './dto/portfolio.dto';
import { PortfolioService } from './portfolio.service';

@ApiTags('platform')
@ApiBearerAuth()
@PlatformHost()
@RequirePermission(PLATFORM_PERMISSION)
@Controller('api/platform')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get('portfolio')
  @ApiOperation({
    summary: "The host's portfolio: aggregate figures of every province that opted in, with when they were computed",
  })
  @ApiOkResponse({ type: PortfolioResponse })
  view() {
    return this.portfolio.view();
  }

  @Get('portfolio.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same figures as CSV, one row per figure' })
  async csv(@Res() res: Response) {
    const file = await this.portfolio.csv();
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', contentDisposition(file.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    res.send(file.csv);
  }

  @Post('portfolio/refresh')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: PortfolioRefreshResponse,
    description: 'The recomputation is queued; GET portfolio shows the new computedAt when done',
  })
  @ApiOperation({ summary: 'Recompute the portfolio now instead of waiting for the daily run (audited)' })
  refresh() {
    return this.portfolio.requestRefresh();
  }
}
