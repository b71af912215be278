import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { IsCalendarDate } from '../common/calendar';
import { IsOptionalNotNull, IsPlainText } from '../common/validation';
import {
  AMOUNT_PATTERN,
  MAX_CONDITIONS_LENGTH,
  MAX_MEETING_NUMBER_LENGTH,
  MAX_MINUTES_REFERENCE_LENGTH,
} from './approval-record';

/** An approval-forums code as master data writes it (lowercase, digits, single hyphens). */
const FORUM_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_FORUM_LENGTH = 80;

/** The outcomes an approving action can record. */
export const APPROVAL_OUTCOMES = ['approved', 'approved-with-changes'] as const;

/**
 * What the forum decided, sent with a deciding workflow action (approve, defer, reject, return
 * before the forum, recommend upward). Everything is optional: the decision is dated today and an
 * approval approves the document's own cost unless the forum said otherwise.
 */
export class DecisionDetails {
  @ApiPropertyOptional({
    example: '2014-03-12',
    description: 'The day the forum decided (default today); not in the future, not before the document was prepared',
  })
  @IsOptionalNotNull()
  @IsCalendarDate({ message: 'decision.decisionDate must be a real date (YYYY-MM-DD)' })
  decisionDate?: string;

  @ApiPropertyOptional({ example: '3rd PDWP meeting 2013-14' })
  @IsOptionalNotNull()
  @IsString({ message: 'decision.meetingNumber must be text' })
  @Length(1, MAX_MEETING_NUMBER_LENGTH, {
    message: `decision.meetingNumber must be 1 to ${MAX_MEETING_NUMBER_LENGTH} characters`,
  })
  @IsPlainText({ message: 'decision.meetingNumber must be plain text without control characters or < >' })
  meetingNumber?: string;

  @ApiPropertyOptional({
    example: '2014-03-10',
    description: 'The meeting that took the decision: not after the decision date',
  })
  @IsOptionalNotNull()
  @IsCalendarDate({ message: 'decision.meetingDate must be a real date (YYYY-MM-DD)' })
  meetingDate?: string;

  @ApiPropertyOptional({
    example: '2850.5',
    description: "Rs million the forum approved (approvals only; default the document's cost)",
  })
  @IsOptionalNotNull()
  @Matches(AMOUNT_PATTERN, {
    message: 'decision.approvedCost must be an amount in Rs million (0 or more, up to 3 decimals) such as 2850.5',
  })
  approvedCost?: string;

  @ApiPropertyOptional({
    enum: APPROVAL_OUTCOMES,
    description: "Approvals only; 'approved-with-changes' needs conditions and an approvedCost",
  })
  @IsOptional()
  @IsIn(APPROVAL_OUTCOMES, { message: `decision.outcome must be one of ${APPROVAL_OUTCOMES.join(', ')}` })
  outcome?: (typeof APPROVAL_OUTCOMES)[number];

  @ApiPropertyOptional({ example: 'Land acquisition to be completed before award of the civil works contract' })
  @IsOptionalNotNull()
  @IsString({ message: 'decision.conditions must be text' })
  @Length(1, MAX_CONDITIONS_LENGTH, { message: `decision.conditions must be 1 to ${MAX_CONDITIONS_LENGTH} characters` })
  conditions?: string;

  @ApiPropertyOptional({ example: 'No. PDWP/2013-14/3, item 7' })
  @IsOptionalNotNull()
  @IsString({ message: 'decision.minutesReference must be text' })
  @Length(1, MAX_MINUTES_REFERENCE_LENGTH, {
    message: `decision.minutesReference must be 1 to ${MAX_MINUTES_REFERENCE_LENGTH} characters`,
  })
  @IsPlainText({ message: 'decision.minutesReference must be plain text without control characters or < >' })
  minutesReference?: string;

  @ApiPropertyOptional({
    description:
      'The approval letter: an attachment of this document of kind ' +
      "'approval-letter' (POST /api/documents/:id/approval-letter)",
  })
  @IsOptionalNotNull()
  @IsUUID('4', { message: 'decision.letterAttachmentId must be an attachment id (UUID)' })
  letterAttachmentId?: string;

  @ApiPropertyOptional({
    example: 'kp-pdwp',
    description:
      "The forum that decided: a code of the province's approval-forums list. " +
      'Required for a past decision when no forum rule was in force on its date ' +
      "(recorded with a 'no-rule' warning); when a rule names another forum, " +
      "the decision is recorded with this forum and a 'forum-mismatch' warning.",
  })
  @IsOptionalNotNull()
  @IsString({ message: 'decision.forum must be text' })
  @Length(1, MAX_FORUM_LENGTH, { message: `decision.forum must be 1 to ${MAX_FORUM_LENGTH} characters` })
  @Matches(FORUM_CODE, { message: 'decision.forum must be an approval-forums code such as kp-pdwp' })
  forum?: string;
}

/** The approval letter filed after the decision, linked to its record. */
export class LinkLetterRequest {
  @ApiProperty({
    description: "An attachment of the document of kind 'approval-letter' (POST /api/documents/:id/approval-letter)",
  })
  @IsUUID('4', { message: 'attachmentId must be an attachment id (UUID)' })
  attachmentId: string;
}
