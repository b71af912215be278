import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AttachmentsService, UploadedFile as Upload } from '../attachments/attachments.service';
import { RequirePermission } from '../auth/auth.decorators';
import { FormsService } from '../forms/forms.service';
import { DocumentsService } from './documents.service';
import { CreateFollowUpRequest, CreateProjectRequest, ListDocumentsQuery, SaveDocumentRequest, TakeActionRequest } from './dto';
import { ObligationsService } from './obligations.service';

const UUID = new ParseUUIDPipe({ version: '4' });
const LOCALE_QUERY = { name: 'locale', required: false, enum: ['en', 'ur'] };

@ApiTags('projects')
@ApiBearerAuth()
@Controller('api/projects')
export class ProjectsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @RequirePermission('projects.prepare')
  @ApiOperation({ summary: 'Start a project with its first document (a PC-I variant or a PC-II), as a draft' })
  create(@Body() body: CreateProjectRequest) {
    return this.documents.createProject(body);
  }

  @Get(':id')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'A project and its documents' })
  get(@Param('id', UUID) id: string) {
    return this.documents.getProject(id);
  }

  @Post(':id/documents')
  @RequirePermission('projects.prepare')
  @ApiOperation({ summary: 'A follow-up document of an approved project (revised PC-I, PC-III(A/B), PC-IV, PC-V), prefilled from the approved PC-I' })
  followUp(@Param('id', UUID) id: string, @Body() body: CreateFollowUpRequest) {
    return this.documents.createFollowUp(id, body);
  }
}

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly attachments: AttachmentsService,
    private readonly forms: FormsService,
  ) {}

  @Get()
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'Lists: my drafts, awaiting my action, by state, department, district, sector, forum, cost, title words' })
  list(@Query() query: ListDocumentsQuery) {
    return this.documents.list(query);
  }

  @Get(':id')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'A document: data, validation errors, the actions you may take, attachments' })
  @ApiQuery(LOCALE_QUERY)
  async get(@Param('id', UUID) id: string, @Query('locale') locale?: string, @Headers('accept-language') accept?: string) {
    return this.documents.get(id, await this.forms.resolveLocale(locale, accept));
  }

  @Put(':id')
  @RequirePermission('projects.prepare')
  @ApiOperation({ summary: 'Save a draft (partially valid data is kept; 409 with the changes if your revision is stale)' })
  @ApiQuery(LOCALE_QUERY)
  async save(@Param('id', UUID) id: string, @Body() body: SaveDocumentRequest, @Query('locale') locale?: string, @Headers('accept-language') accept?: string) {
    return this.documents.save(id, body.revision, body.data, await this.forms.resolveLocale(locale, accept));
  }

  @Get(':id/revisions')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'Every saved revision (newest first)' })
  revisions(@Param('id', UUID) id: string) {
    return this.documents.revisions(id);
  }

  @Get(':id/diff')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'Field-level differences between two revisions, as JSON pointers' })
  diff(@Param('id', UUID) id: string, @Query('from', ParseIntPipe) from: number, @Query('to', ParseIntPipe) to: number) {
    return this.documents.diff(id, from, to);
  }

  @Get(':id/transitions')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'Workflow history: who, when, comment, forum rule, configuration version' })
  transitions(@Param('id', UUID) id: string) {
    return this.documents.transitions(id);
  }

  @Get(':id/routing')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'The forum that must decide this document today, and the rule that says so' })
  routing(@Param('id', UUID) id: string) {
    return this.documents.routing(id);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  // Which roles may take which action is the province's workflow configuration, checked in the service.
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'Take a workflow action (submit, return, approve …) as the province’s workflow allows' })
  @ApiQuery(LOCALE_QUERY)
  async act(
    @Param('id', UUID) id: string,
    @Param('action') action: string,
    @Body() body: TakeActionRequest,
    @Query('locale') locale?: string,
    @Headers('accept-language') accept?: string,
  ) {
    return this.documents.act(id, action, body.comment, await this.forms.resolveLocale(locale, accept));
  }

  @Post(':id/attachments')
  @RequirePermission('projects.prepare')
  @ApiOperation({ summary: 'Attach a file (PDF, PNG, JPEG, TIFF): feasibility study, map, drawing' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file', 'kind'], properties: { file: { type: 'string', format: 'binary' }, kind: { enum: ['feasibility-study', 'map', 'drawing', 'other'] } } } })
  @UseInterceptors(FileInterceptor('file'))
  upload(@Param('id', UUID) id: string, @UploadedFile() file: Upload | undefined, @Body('kind') kind: string) {
    return this.attachments.upload(id, kind, file);
  }

  @Get(':id/attachments/:attachmentId')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'Download an attachment' })
  async download(@Param('id', UUID) id: string, @Param('attachmentId', UUID) attachmentId: string, @Res() res: Response) {
    const file = await this.attachments.download(id, attachmentId);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`);
    res.send(file.bytes);
  }
}

@ApiTags('projects')
@ApiBearerAuth()
@Controller('api/obligations')
export class ObligationsController {
  constructor(private readonly obligations: ObligationsService) {}

  @Get()
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'Reporting obligations: PC-III(B) by the 5th of each month, PC-V by 31 July for five years after completion' })
  @ApiQuery({ name: 'status', required: false, enum: ['due', 'overdue', 'all'] })
  @ApiQuery({ name: 'on', required: false, description: 'As of this date (YYYY-MM-DD); default today' })
  list(@Query('status') status?: string, @Query('on') on?: string) {
    return this.obligations.list(status ?? 'all', on);
  }
}
