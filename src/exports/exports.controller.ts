import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ParseUuidPipe } from '../common/uuid-pipe';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '../tenancy/access.decorators';
import { FormsService } from '../forms/forms.service';
import { httpDownload } from './download';
import { ExportDocumentQuery, ExportProjectsQuery } from './dto';
import { ExportsService } from './exports.service';
import { CONTENT_TYPES } from './tabular-writer';

const UUID = new ParseUuidPipe();

@ApiBearerAuth()
@Controller('api')
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly forms: FormsService,
  ) {}

  @Get('projects/export')
  @ApiTags('projects')
  @RequirePermission('projects.read')
  @ApiProduces(CONTENT_TYPES.xlsx, CONTENT_TYPES.csv)
  @ApiOperation({
    summary: 'The project list as XLSX or CSV, with the same filters and sort as GET /api/projects (no paging)',
    description:
      'Streams every match up to EXPORT_MAX_ROWS (100,000) rows. ' +
      'Headers in the locale; Urdu sheets are right-to-left. Amounts are number cells ' +
      '(Rs million); text that a spreadsheet would run as a formula (= + - @ …) ' +
      'starts with an apostrophe. CSV is UTF-8 with a byte-order mark.',
  })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid or unknown; `fields` names it' })
  async projects(
    @Query() query: ExportProjectsQuery,
    @Res() res: Response,
    @Headers('accept-language') accept?: string,
  ) {
    await this.exports.projectList(query, await this.forms.resolveLocale(query.locale, accept), httpDownload(res));
  }

  @Get('documents/:id/export')
  @ApiTags('documents')
  @RequirePermission('projects.read')
  @ApiProduces(CONTENT_TYPES.xlsx, CONTENT_TYPES.csv)
  @ApiOperation({
    summary:
      "A document's tables (cost estimates, phasing, financing, " +
      'manpower …) as XLSX (one sheet each) or CSV (one table)',
    description:
      'Column labels from the form version the document is pinned to, ' +
      'in the locale; a totals row where the table has one.',
  })
  @ApiBadRequestResponse({ description: 'format, locale or table is invalid; `fields` names it' })
  async document(
    @Param('id', UUID) id: string,
    @Query() query: ExportDocumentQuery,
    @Res() res: Response,
    @Headers('accept-language') accept?: string,
  ) {
    await this.exports.documentTables(
      id,
      query,
      await this.forms.resolveLocale(query.locale, accept),
      httpDownload(res),
    );
  }
}
