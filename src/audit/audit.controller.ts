import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '../tenancy/access.decorators';
import { contentDisposition } from '../common/content-disposition';
import { AuditService } from './audit.service';
import { AUDIT_EXPORT_MAX_ROWS, AuditExportQuery, AuditQuery } from './dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({ summary: "This province's audit log, newest first (province administrators)" })
  list(@Query() query: AuditQuery) {
    return this.audit.list(query);
  }

  @Get('facets')
  @RequirePermission('audit.read')
  @ApiOperation({ summary: 'The actions and target kinds found in the log (for filter pickers)' })
  facets() {
    return this.audit.facets();
  }

  @Get('export')
  @RequirePermission('audit.read')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The filtered audit log as CSV, newest first',
    description:
      `At most ${AUDIT_EXPORT_MAX_ROWS} rows; X-Total-Count gives the matching total and ` +
      'X-Export-Truncated is "true" when the file holds fewer (narrow from/to and export in parts).',
  })
  async export(@Query() query: AuditExportQuery, @Res() res: Response) {
    const file = await this.audit.exportCsv(query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', contentDisposition(file.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Province data: never kept by a shared cache.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Total-Count', String(file.total));
    res.setHeader('X-Export-Truncated', String(file.truncated));
    res.send(file.csv);
  }
}
