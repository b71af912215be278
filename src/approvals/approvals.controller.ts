import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ParseUuidPipe } from '../common/uuid-pipe';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../tenancy/access.decorators';
import { ApprovalsService } from './approvals.service';
import { LinkLetterRequest } from './dto';

const UUID = new ParseUuidPipe();

const RECORD_FIELDS =
  'Each record: {id, projectId, documentId, documentKind, documentSequence, ' +
  'forum, forumRuleId, forumRule (its code), meetingNumber, meetingDate, ' +
  'decisionDate, decision (approved, approved-with-changes, deferred, rejected, ' +
  'returned, recommended), documentCost and approvedCost side by side ' +
  '(Rs million, decimal strings), baselineCost and increasePct (a revised PC-I: ' +
  'its increase over the cost last approved), conditions, minutesReference, ' +
  'letterAttachmentId, routingWarnings [{code, message: {en, ur}, params}], origin (workflow, ' +
  'recorded: dated in the past, import), importKey, recordedBy, recordedAt}.';

/** Forum decisions as recorded: a document's, and a project's whole approval history. */
@ApiTags('approvals')
@ApiBearerAuth()
@Controller('api')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get('documents/:id/decisions')
  @RequirePermission('projects.read')
  @ApiOperation({ summary: "A document's forum decisions, oldest first", description: RECORD_FIELDS })
  decisions(@Param('id', UUID) id: string) {
    return this.approvals.decisionsOf(id);
  }

  @Put('documents/:id/decisions/:recordId/letter')
  @RequirePermission('projects.decide')
  @ApiOperation({
    summary: "Link the forum's approval letter, filed after the decision, to the decision's record",
    description:
      "Body {attachmentId}: an attachment of this document of kind 'approval-letter' " +
      '(file it first with POST /api/documents/:id/approval-letter). ' +
      'Replaces a letter linked before; audited (approval-record.letter-linked). ' +
      'Answers the record. 400 naming attachmentId when it is not an approval ' +
      "letter of this document; 404 when the document or the decision is not this province's. " +
      RECORD_FIELDS,
  })
  linkLetter(
    @Param('id', UUID) id: string,
    @Param('recordId', UUID) recordId: string,
    @Body() body: LinkLetterRequest,
  ) {
    return this.approvals.linkLetter(id, recordId, body.attachmentId);
  }

  @Get('projects/:id/approvals')
  @RequirePermission('projects.read')
  @ApiOperation({
    summary: "A project's approval history across its documents, oldest decision first",
    description: RECORD_FIELDS,
  })
  history(@Param('id', UUID) id: string) {
    return this.approvals.historyOf(id);
  }
}
