import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { DecisionDetails } from '../approvals/dto';
import { IsCalendarDate } from '../common/calendar';
import { PageQuery } from '../common/paging';
import { IsPlainText } from '../common/validation';
import { STARTING_FORMS } from './document-figures';
import { PROJECT_SORTS, PROJECT_STAGES } from './projects.repository';

/** A master-data code (district, sector …): at most 80 characters, the column's limit. */
const CODE = /^(?=.{1,80}$)[a-z0-9]+(-[a-z0-9]+)*$/;

export class CreateProjectRequest {
  @ApiProperty({ example: 'Rehabilitation of Aliabad–Hussaini Road (34 km), District Hunza' })
  @IsString()
  @Length(1, 300)
  @IsPlainText()
  title: string;

  @ApiProperty({
    enum: STARTING_FORMS,
    example: 'pc1-infrastructure',
    description: 'The first document: a PC-I variant or a PC-II',
  })
  @IsIn(STARTING_FORMS, { message: `formKey must be one of ${STARTING_FORMS.join(', ')}` })
  formKey: string;

  @ApiPropertyOptional({
    example: '2005',
    description:
      "The proforma edition (PC-I: '2005' or '2024'); default: the edition the province has chosen for new projects. " +
      'An older edition is for documents of older projects, entered as they were prepared.',
  })
  @IsOptional()
  @Matches(/^[0-9]{4}$/, { message: 'edition must be a year such as 2005 or 2024' })
  edition?: string;

  @ApiPropertyOptional({ description: 'Department id (default: your own)' })
  @IsOptional()
  @IsUUID('4')
  departmentId?: string;

  @ApiPropertyOptional({ example: 'transport-communications' })
  @IsOptional()
  @Matches(CODE, { message: 'sector must be a sector code' })
  sector?: string;

  @ApiPropertyOptional({ example: ['hunza'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CODE, { each: true, message: 'districts must be district codes' })
  districts?: string[];
}

export class CreateFollowUpRequest {
  @ApiProperty({ enum: ['pc1-revised', 'pc3a', 'pc3b', 'pc4', 'pc5'] })
  @IsIn(['pc1-revised', 'pc3a', 'pc3b', 'pc4', 'pc5'], {
    message: 'formKey must be one of pc1-revised, pc3a, pc3b, pc4, pc5',
  })
  formKey: string;

  @ApiPropertyOptional({
    description: 'PC-III(A) and PC-V: financial year 2025-26; PC-III(B): month 2025-09',
    example: '2025-09',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/, { message: 'period must be a financial year (2025-26) or a month (2025-09)' })
  period?: string;
}

export class SaveDocumentRequest {
  @ApiProperty({ description: 'The revision your changes are based on', example: 3 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  revision: number;

  @ApiProperty({ description: 'The whole form data (one object per section); drafts may be incomplete', type: Object })
  @IsObject()
  data: Record<string, unknown>;
}

export class TakeActionRequest {
  @ApiPropertyOptional({ example: 'Unit costs to be rechecked against the 2025 schedule of rates' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  @IsPlainText()
  comment?: string;

  @ApiPropertyOptional({
    type: DecisionDetails,
    description:
      'A forum decision (approve, defer, reject, recommend upward, ' +
      'return before the forum): its date (default today; may be in the past, ' +
      'not in the future nor before the document was prepared), meeting, ' +
      "approved cost (approvals; default the document's cost), outcome, " +
      'conditions, minutes reference and letter (an attachment of this document). ' +
      'Routed by the forum rules in force on the decision date.',
  })
  @IsOptional()
  @IsObject({ message: 'decision must be an object' })
  @ValidateNested()
  @Type(() => DecisionDetails)
  decision?: DecisionDetails;
}

/** The answer to one open scrutiny warning of a document (POST /api/documents/:id/warning-answers). */
export class AnswerWarningRequest {
  @ApiProperty({
    description: "The warning's key as GET /api/documents/:id lists it: check id @ pointer",
    example: 'allocation-near-cost@/planProvision/currentYearProvision',
  })
  @IsString()
  @Length(1, 300)
  key: string;

  @ApiProperty({
    description: 'Why the figure stands (the comment a scrutiny officer reads)',
    example: 'The whole cost is released this year: the works are a single-season contract.',
  })
  @IsString()
  @Length(1, 2000)
  @IsPlainText()
  answer: string;
}

const SORTS = [
  'updatedAt',
  '-updatedAt',
  'totalCost',
  '-totalCost',
  'title',
  '-title',
  'createdAt',
  '-createdAt',
] as const;
const AMOUNT = /^\d{1,15}(\.\d{1,3})?$/;
const LIST_DEFAULT_PAGE_SIZE = 25;
const LIST_MAX_PAGE_SIZE = 100;

/** Filters and paging that the documents list and the projects list share. */
class ListFilters extends PageQuery({ defaultSize: LIST_DEFAULT_PAGE_SIZE, maxSize: LIST_MAX_PAGE_SIZE }) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4', { message: 'departmentId must be a UUID' })
  departmentId?: string;

  @ApiPropertyOptional({ example: 'swat' })
  @IsOptional()
  @Matches(CODE, { message: 'district must be a district code' })
  district?: string;

  @ApiPropertyOptional({ example: 'transport-communications' })
  @IsOptional()
  @Matches(CODE, { message: 'sector must be a sector code' })
  sector?: string;

  @ApiPropertyOptional({
    example: 'kp-pdwp',
    description:
      'A document: the forum it is routed to or was decided by; a project: ' +
      'that of its current document, or the forum that approved it',
  })
  @IsOptional()
  @Matches(CODE, { message: 'forum must be a forum code' })
  forum?: string;

  @ApiPropertyOptional({
    example: '300',
    description: 'Rs million (a project: its current cost, from the latest PC-II, PC-I or revised PC-I)',
  })
  @IsOptional()
  @Matches(AMOUNT, { message: 'minCost must be an amount in Rs million' })
  minCost?: string;

  @ApiPropertyOptional({ example: '1000', description: 'Rs million (a project: its current cost)' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'maxCost must be an amount in Rs million' })
  maxCost?: string;

  @ApiPropertyOptional({ description: 'Words in the title (each matches the start of a word)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class ListDocumentsQuery extends ListFilters {
  @ApiPropertyOptional({
    enum: ['drafts', 'awaiting', 'returned'],
    description:
      'drafts: documents I created that are in an editable state; ' +
      'awaiting: documents waiting for an action I may take; ' +
      'returned: documents I created that were sent back to me, ' +
      "i.e. in an editable state of the province's workflow that " +
      'their latest transition led to (the default workflow: ' +
      '"returned for rectification"); lastTransition.comment says why',
  })
  @IsOptional()
  @IsIn(['drafts', 'awaiting', 'returned'], { message: 'mine must be one of drafts, awaiting, returned' })
  mine?: 'drafts' | 'awaiting' | 'returned';

  @ApiPropertyOptional({ example: 'forum' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'state must be a workflow state id' })
  state?: string;

  @ApiPropertyOptional({ enum: ['pc1', 'pc1-revised', 'pc2', 'pc3a', 'pc3b', 'pc4', 'pc5'] })
  @IsOptional()
  @IsIn(['pc1', 'pc1-revised', 'pc2', 'pc3a', 'pc3b', 'pc4', 'pc5'])
  kind?: string;

  @ApiPropertyOptional({ enum: SORTS, default: '-updatedAt' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: (typeof SORTS)[number];
}

export class ListProjectsQuery extends ListFilters {
  @ApiPropertyOptional({
    enum: PROJECT_STAGES,
    description:
      "The kind of the project's current document: its latest document other than the recurring progress reports " +
      'PC-III(A)/(B), i.e. pc2 (feasibility), pc1 (the PC-I), ' +
      'pc1-revised (its latest revision), pc4 (completion), pc5 (after completion)',
  })
  @IsOptional()
  @IsIn(PROJECT_STAGES, { message: `stage must be one of ${PROJECT_STAGES.join(', ')}` })
  stage?: string;

  @ApiPropertyOptional({ example: 'forum', description: "The workflow state of the project's current document" })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'state must be a workflow state id' })
  state?: string;

  @ApiPropertyOptional({
    enum: ['preparation', 'approved', 'rejected', 'completed'],
    description: "The project's own status",
  })
  @IsOptional()
  @IsIn(['preparation', 'approved', 'rejected', 'completed'], {
    message: 'status must be one of preparation, approved, rejected, completed',
  })
  status?: string;

  @ApiPropertyOptional({
    example: 'kp-pdwp',
    description: 'The forum that last approved the project (by its approval records)',
  })
  @IsOptional()
  @Matches(CODE, { message: 'approvedForum must be a forum code' })
  approvedForum?: string;

  @ApiPropertyOptional({ example: '2014-01-01', description: 'First approved on or after this decision date' })
  @IsOptional()
  @IsCalendarDate({ message: 'approvedFrom must be a real date (YYYY-MM-DD)' })
  approvedFrom?: string;

  @ApiPropertyOptional({ example: '2014-12-31', description: 'First approved on or before this decision date' })
  @IsOptional()
  @IsCalendarDate({ message: 'approvedTo must be a real date (YYYY-MM-DD)' })
  approvedTo?: string;

  @ApiPropertyOptional({
    example: '2023-07-01',
    description: "Completed on or after this date (the approved PC-IV's decision date)",
  })
  @IsOptional()
  @IsCalendarDate({ message: 'completedFrom must be a real date (YYYY-MM-DD)' })
  completedFrom?: string;

  @ApiPropertyOptional({ example: '2024-06-30', description: 'Completed on or before this date' })
  @IsOptional()
  @IsCalendarDate({ message: 'completedTo must be a real date (YYYY-MM-DD)' })
  completedTo?: string;

  @ApiPropertyOptional({ example: '1000', description: 'Rs million: the cost last approved (approval records)' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'minApprovedCost must be an amount in Rs million' })
  minApprovedCost?: string;

  @ApiPropertyOptional({ example: '5000', description: 'Rs million: the cost last approved' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'maxApprovedCost must be an amount in Rs million' })
  maxApprovedCost?: string;

  @ApiPropertyOptional({
    enum: PROJECT_SORTS,
    default: '-updatedAt',
    description:
      'cost is the current cost, approvedCost the cost last approved, ' +
      'approvedAt the first approval, completedAt the completion; - sorts descending',
  })
  @IsOptional()
  @IsIn(PROJECT_SORTS, { message: `sort must be one of ${PROJECT_SORTS.join(', ')}` })
  sort?: (typeof PROJECT_SORTS)[number];
}

export class ObligationsQuery {
  @ApiPropertyOptional({ enum: ['due', 'overdue', 'fulfilled', 'all'], default: 'all' })
  @IsOptional()
  @IsIn(['due', 'overdue', 'fulfilled', 'all'], { message: 'status must be due, overdue, fulfilled or all' })
  status?: string;

  @ApiPropertyOptional({ description: 'As of this date (YYYY-MM-DD); default today', example: '2026-11-30' })
  @IsOptional()
  @IsString()
  on?: string;

  @ApiPropertyOptional({ description: "Only this project's obligations" })
  @IsOptional()
  @IsUUID('4', { message: 'projectId must be a UUID' })
  projectId?: string;
}
