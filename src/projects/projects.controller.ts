import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ParseUuidPipe } from '../common/uuid-pipe';
import { INT4_MAX, ParseIntInRangePipe } from '../common/int-pipe';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  APPROVAL_LETTER,
  ATTACHMENT_KINDS,
  AttachmentsService,
  UploadedFile as Upload,
} from '../attachments/attachments.service';
import { RequirePermission } from '../tenancy/access.decorators';
import { contentDisposition } from '../common/content-disposition';
import { FormsService } from '../forms/forms.service';
import { DocumentAttachmentsService } from './document-attachments.service';
import { DocumentsService } from './documents.service';
import { DocumentWarningsService } from './document-warnings.service';
import {
  AnswerWarningRequest,
  CreateFollowUpRequest,
  CreateProjectRequest,
  ListDocumentsQuery,
  ListProjectsQuery,
  ObligationsQuery,
  SaveDocumentRequest,
  TakeActionRequest,
} from './dto';
import { ObligationsService } from './obligations.service';
import { ProjectsService } from './projects.service';

const UUID = new ParseUuidPipe();
const REVISION = new ParseIntInRangePipe(1, INT4_MAX);
const LOCALE_QUERY = { name: 'locale', required: false, enum: ['en', 'ur'] };

@ApiTags('projects')
@ApiBearerAuth()
@Controller('api/projects')
export class ProjectsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly projects: ProjectsService,
  ) {}

  @Get()
  @RequirePermission('projects.read')
  @ApiOperation({
    summary: "The province's projects: filtered, sorted, paginated",
    description:
      "Each project's **current document** is its latest document " +
      'other than the recurring progress reports PC-III(A)/(B): ' +
      'a PC-II, the PC-I, its latest revised PC-I, then the PC-IV and PC-V. ' +
      "`stage` is that document's kind, `state` its workflow state, " +
      '`currentDocumentId`/`formKey` name it. `totalCost` is the current cost (Rs million, ' +
      'decimal string): the total of the latest PC-II, PC-I ' +
      'or revised PC-I; `approvedCost` the cost last approved (null before approval). ' +
      '`forum` is the forum the current document was routed to at ' +
      'its last workflow action, else the forum that approved the project ' +
      "(the `forum` filter matches either). `status` is the project's own " +
      '(preparation, approved, rejected, completed). `updatedAt` is the last change to any of its documents. ' +
      'Answer: {items, total, totalIsExact, page, pageSize}; total stops counting at 10,000 (totalIsExact false).',
  })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid or unknown; `fields` names it' })
  list(@Query() query: ListProjectsQuery) {
    return this.projects.list(query);
  }

  @Post()
  @RequirePermission('projects.prepare')
  @ApiOperation({ summary: 'Start a project with its first document (a PC-I variant or a PC-II), as a draft' })
  create(@Body() body: CreateProjectRequest) {
    return this.documents.createProject(body);
  }

  @Get(':id')
  @RequirePermission('projects.read')
  @ApiOperation({
    summary: 'A project and its documents',
    description:
      'The project row (status, approvedCost, approvedForum, ' +
      'baselineCost …), departmentName, what the list shows of it ' +
      '(stage, state, currentDocumentId, formKey, totalCost, forum: ' +
      "see GET /api/projects) and documents: each document's summary, oldest first.",
  })
  get(@Param('id', UUID) id: string) {
    return this.documents.getProject(id);
  }

  @Post(':id/documents')
  @RequirePermission('projects.prepare')
  @ApiOperation({
    summary:
      'A follow-up document of an approved project (revised PC-I, ' +
      'PC-III(A/B), PC-IV, PC-V), prefilled from the approved PC-I',
  })
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
    private readonly documentAttachments: DocumentAttachmentsService,
    private readonly forms: FormsService,
    private readonly warnings: DocumentWarningsService,
  ) {}

  @Get()
  @RequirePermission('projects.read')
  @ApiOperation({
    summary:
      'Lists: my drafts, awaiting my action, returned to me, by state, ' +
      'department, district, sector, forum, cost, title words',
    description:
      'Each item carries `lastTransition`: {action, fromState, toState, ' +
      'comment, actorId, actorName, at} of its latest workflow transition, ' +
      'or null before the first. `mine=returned`: documents I created that ' +
      'are in an editable state their latest transition led into ' +
      '(default workflow: "returned"); lastTransition.comment is the reason.',
  })
  list(@Query() query: ListDocumentsQuery) {
    return this.documents.list(query);
  }

  @Get(':id')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'A document: data, validation errors, the actions you may take, attachments' })
  @ApiQuery(LOCALE_QUERY)
  async get(
    @Param('id', UUID) id: string,
    @Query('locale') locale?: string,
    @Headers('accept-language') accept?: string,
  ) {
    return this.documents.get(id, await this.forms.resolveLocale(locale, accept));
  }

  @Put(':id')
  @RequirePermission('projects.prepare')
  @ApiOperation({
    summary: 'Save a draft (partially valid data is kept; 409 with the changes if your revision is stale)',
  })
  @ApiQuery(LOCALE_QUERY)
  async save(
    @Param('id', UUID) id: string,
    @Body() body: SaveDocumentRequest,
    @Query('locale') locale?: string,
    @Headers('accept-language') accept?: string,
  ) {
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
  diff(@Param('id', UUID) id: string, @Query('from', REVISION) from: number, @Query('to', REVISION) to: number) {
    return this.documents.diff(id, from, to);
  }

  @Get(':id/transitions')
  @RequirePermission('projects.read')
  @ApiOperation({
    summary: 'Workflow history: who (actorId, actorEmail, actorName), when, comment, forum rule, configuration version',
  })
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
  @ApiOperation({
    summary: 'Take a workflow action (submit, return, approve …) as the province’s workflow allows',
    description:
      'Body {comment?, decision?}. A deciding action (approve, defer, reject, ' +
      'recommend upward, a return before the forum) writes an approval record ' +
      '(GET /api/documents/:id/decisions); `decision` dates it (default today; ' +
      'past dates allowed, audited), names the meeting, the approved cost ' +
      "(default the document's), outcome (approved | approved-with-changes: " +
      'conditions and approvedCost required), minutes and letter. The document is ' +
      'routed by the forum rules in force on the decision date. 400 naming the field ' +
      '(decision.decisionDate …) when the decision cannot be true. ' +
      'Answer: {id, state, forum, forumRule, workflowVersion, decision: the record or null}.',
  })
  @ApiQuery(LOCALE_QUERY)
  async act(
    @Param('id', UUID) id: string,
    @Param('action') action: string,
    @Body() body: TakeActionRequest,
    @Query('locale') locale?: string,
    @Headers('accept-language') accept?: string,
  ) {
    return this.documents.act(id, action, body.comment, await this.forms.resolveLocale(locale, accept), body.decision);
  }

  @Post(':id/warning-answers')
  @HttpCode(200)
  @RequirePermission('projects.prepare')
  @ApiOperation({
    summary: 'Answer a scrutiny warning (or replace its answer) before submission',
    description:
      "Body {key, answer}: `key` names a warning open on the document's current data, " +
      'as GET /api/documents/:id lists it in `warnings` ' +
      '(check id @ pointer); `answer` (1–2000 characters) says why the figure stands. ' +
      'Only while the document is editable, by its author or a ' +
      'preparer of its department. Answer: the warning with its answer {text, ' +
      'by, byName, at}. 400 when the key is not an open warning; ' +
      '409 when the document is not editable. Every answer given is in the audit log (document.warning-answered).',
  })
  @ApiQuery(LOCALE_QUERY)
  async answerWarning(
    @Param('id', UUID) id: string,
    @Body() body: AnswerWarningRequest,
    @Query('locale') locale?: string,
    @Headers('accept-language') accept?: string,
  ) {
    return this.warnings.answer(id, body.key, body.answer, await this.forms.resolveLocale(locale, accept));
  }

  @Post(':id/attachments')
  @RequirePermission('projects.prepare')
  @ApiOperation({ summary: 'Attach a file (PDF, PNG, JPEG, TIFF): feasibility study, map, drawing' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: {
        file: { type: 'string', format: 'binary' },
        kind: { enum: ATTACHMENT_KINDS.filter((k) => k !== APPROVAL_LETTER) },
      },
    },
  })
  @UseInterceptors(FileInterceptor('file'))
  upload(@Param('id', UUID) id: string, @UploadedFile() file: Upload | undefined, @Body('kind') kind: string) {
    return this.documentAttachments.upload(id, kind, file);
  }

  @Post(':id/approval-letter')
  @RequirePermission('projects.decide')
  @ApiOperation({
    summary:
      "File the forum's approval letter (PDF or image) on a document before " +
      "its forum or once decided; name it in the decision's letterAttachmentId",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(FileInterceptor('file'))
  uploadApprovalLetter(@Param('id', UUID) id: string, @UploadedFile() file: Upload | undefined) {
    return this.documentAttachments.upload(id, APPROVAL_LETTER, file);
  }

  @Get(':id/attachments/:attachmentId')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: 'Download an attachment' })
  async download(
    @Param('id', UUID) id: string,
    @Param('attachmentId', UUID) attachmentId: string,
    @Res() res: Response,
  ) {
    const file = await this.attachments.download(id, attachmentId);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(file.fileName));
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
  @ApiOperation({
    summary:
      'Reporting obligations: PC-III(B) by the 5th of each month, PC-V by 31 July for five years after completion',
  })
  list(@Query() query: ObligationsQuery) {
    return this.obligations.list(query.status ?? 'all', query.on, query.projectId);
  }
}
