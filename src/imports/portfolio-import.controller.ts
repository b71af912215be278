import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ParseUuidPipe } from '../common/uuid-pipe';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '../tenancy/access.decorators';
import { contentDisposition } from '../common/content-disposition';
import { ImportRunsQuery, PortfolioImportQuery, PortfolioImportRequest, TemplateQuery } from './dto';
import { PortfolioImportService } from './portfolio-import.service';

const UUID = new ParseUuidPipe();

const WHO =
  'Who may import: tenant admins and the roles that record forum ' +
  "decisions in the province's workflow (by default the approver); " +
  'the role is checked by the service against the workflow, ' +
  'so the declared permission is only projects.read. Anyone else: 403.';
const REPORT =
  'Answer (200): {runId, dryRun, format, counts: {rows, projects: {created, ' +
  'unchanged, conflict, refused}, documents, decisions, warnings, refusedRows}, ' +
  'projects: [{projectKey, outcome, projectId, rows}], refused: [{row, column, ' +
  'reason, reasonUr}], conflicts: [{projectKey, row, column, reason, reasonUr}], ' +
  'warnings: [{row, column, projectKey, code, message, messageUr, params}]}. ' +
  'A project with a refused row is not written at all; the others are. ' +
  'The same rows again: "unchanged"; different rows for a ' +
  'projectKey already imported: "conflict", nothing overwritten. ' +
  'A decision whose forum differs from the one the forum rules of its ' +
  'decision date name is imported with a warning (forum-mismatch, no-rule). ' +
  '?dryRun=true reports exactly the same and writes nothing.';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/imports/portfolio')
export class PortfolioImportController {
  constructor(private readonly imports: PortfolioImportService) {}

  @Post()
  @HttpCode(200)
  @RequirePermission('projects.read')
  @ApiOperation({
    summary: "Import a province's existing projects with their PC-I, revisions and forum decisions (rows as JSON)",
    description: `${WHO} ${REPORT}`,
  })
  @ApiBadRequestResponse({
    description: 'The request itself is unusable (no rows, an unknown column, a non-string cell); `message` names it',
  })
  @ApiForbiddenResponse({ description: 'Not a tenant admin or a forum-decision role' })
  importRows(@Body() body: PortfolioImportRequest, @Query() query: PortfolioImportQuery) {
    return this.imports.importRows(body.rows, query.dryRun ?? false);
  }

  @Post('file')
  @HttpCode(200)
  @RequirePermission('projects.read')
  @ApiOperation({
    summary: 'Import a portfolio file: the XLSX or CSV template filled in (multipart field "file")',
    description: `${WHO} Rows are reported by their row number in the sheet (the header is row 1). ${REPORT}`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiBadRequestResponse({
    description:
      'The file is not an XLSX workbook or CSV, its header row has an unknown or missing column, ' +
      'or it has too many rows; `message` names `file`',
  })
  @UseInterceptors(FileInterceptor('file'))
  importFile(
    @UploadedFile() file: { originalname: string; mimetype: string; buffer: Buffer } | undefined,
    @Query() query: PortfolioImportQuery,
  ) {
    return this.imports.importFile(file, query.dryRun ?? false);
  }

  @Get('template')
  @RequirePermission('projects.read')
  @ApiOperation({
    summary:
      'The portfolio template: XLSX (English headers with English and Urdu notes, ' +
      'one example row, an instructions sheet) or CSV (one header line, one example row)',
    description: WHO,
  })
  async template(@Query() query: TemplateQuery, @Res() res: Response) {
    const file = await this.imports.template(query.format ?? 'xlsx');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(file.fileName));
    res.send(file.bytes);
  }

  @Get('runs')
  @RequirePermission('projects.read')
  @ApiOperation({
    summary: 'Imports made in this province, newest first: who, when, which file, counts',
    description: WHO,
  })
  runs(@Query() query: ImportRunsQuery) {
    return this.imports.runs(query);
  }

  @Get('runs/:id')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'One import run with its full row-by-row report', description: WHO })
  run(@Param('id', UUID) id: string) {
    return this.imports.runReport(id);
  }
}
