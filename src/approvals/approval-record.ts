/**
 * Approval records: what a forum decided about a document, as a fact with its date, meeting,
 * approved cost (kept beside the document's own cost, never overwritten), conditions, minutes
 * and letter. Types shared with the workflow (documents.service), the legacy importer and the API.
 */

/** What a forum can decide. 'recommended' is a lower forum passing a document up (e.g. PDWP to ECNEC). */
export const DECISIONS = [
  'approved',
  'approved-with-changes',
  'deferred',
  'rejected',
  'returned',
  'recommended',
] as const;
export type Decision = (typeof DECISIONS)[number];

/** Decisions that approve the document: they carry an approved cost and move the project. */
export const APPROVING_DECISIONS: readonly Decision[] = ['approved', 'approved-with-changes'];

/** Where a record came from: a workflow action, a decision recorded for the past, a legacy import. */
export const ORIGINS = ['workflow', 'recorded', 'import'] as const;
export type ApprovalOrigin = (typeof ORIGINS)[number];

/** Column limits, shared by the migration's CHECKs, the request validation and the importer. */
export const MAX_MEETING_NUMBER_LENGTH = 40;
export const MAX_CONDITIONS_LENGTH = 5000;
export const MAX_MINUTES_REFERENCE_LENGTH = 300;
export const MAX_IMPORT_KEY_LENGTH = 200;
/** Rs million with up to 3 decimals, as numeric(18, 3) holds it; no sign (costs are 0 or more). */
export const AMOUNT_PATTERN = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,3})?$/;

/**
 * A routing remark kept on the record: e.g. the rules of the decision date name another forum
 * than the one that decided (an imported fact is kept, with this warning), or the province had
 * no provincial rules in force that day.
 */
export interface RoutingWarning {
  /** Stable code, e.g. 'forum-mismatch', 'no-rule', 'no-provincial-rules'. */
  code: string;
  message: { en: string; ur: string };
  /** Extra facts (expected forum, rule code …). */
  params?: Record<string, unknown>;
}

/**
 * A historical decision brought by the legacy portfolio import (H5). Dates are YYYY-MM-DD,
 * money a decimal string in Rs million. Written in the caller's unit of work.
 */
export interface ImportedDecisionInput {
  projectId: string;
  documentId: string;
  /** The forum that decided (a code of the province's 'approval-forums' master list). */
  forum: string;
  /** The rule of the decision date that names this forum, when the importer found one. */
  forumRuleId?: string | null;
  meetingNumber?: string | null;
  meetingDate?: string | null;
  decisionDate: string;
  decision: Decision;
  /** The document's cost when decided; defaults to the document's total_cost. */
  documentCost?: string | null;
  /** Required for approving decisions. */
  approvedCost?: string | null;
  conditions?: string | null;
  minutesReference?: string | null;
  /** Idempotency key, unique per project: importing the same row twice finds the same record. */
  importKey: string;
  /** What the importer found when routing the decision by the rules of its date. */
  routingWarnings: RoutingWarning[];
  /**
   * Whether recordImported brings the project's list summary up to date (default true). false:
   * the caller writes several decisions of a project and refreshes the summary once at the end.
   */
  refreshSummary?: boolean;
}

/** The result of recordImported: the record and whether this call wrote it (false: it already existed). */
export interface ImportedDecisionResult {
  record: ApprovalRecordView;
  created: boolean;
}

/**
 * ApprovalsService.recordImported's signature, for the importer to code against:
 *
 *   recordImported(em: EntityManager, input: ImportedDecisionInput): Promise<ImportedDecisionResult>
 *
 * It validates (throws BadRequestException naming the field), writes the record with origin
 * 'import' (or returns the existing one with the same projectId + importKey), and, for an
 * approving decision of a PC-I / revised PC-I (or PC-IV), brings the project's approved cost,
 * forum and dates up to date from its records. It does not change the document's workflow state.
 */
export type RecordImported = (
  em: import('typeorm').EntityManager,
  input: ImportedDecisionInput,
) => Promise<ImportedDecisionResult>;

/** A record as the API answers it. */
export interface ApprovalRecordView {
  id: string;
  projectId: string;
  documentId: string;
  documentKind: string;
  documentSequence: number;
  forum: string;
  forumRuleId: string | null;
  forumRule: string | null;
  meetingNumber: string | null;
  meetingDate: string | null;
  decisionDate: string;
  decision: Decision;
  documentCost: string | null;
  approvedCost: string | null;
  /** A revised PC-I: the cost last approved (on a forum's own authority) that its increase is measured against. */
  baselineCost: string | null;
  /** A revised PC-I: its cost's increase over baselineCost, in %. */
  increasePct: string | null;
  conditions: string | null;
  minutesReference: string | null;
  letterAttachmentId: string | null;
  routingWarnings: RoutingWarning[];
  origin: ApprovalOrigin;
  importKey: string | null;
  recordedBy: string | null;
  recordedAt: Date;
}
