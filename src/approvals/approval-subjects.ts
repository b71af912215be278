import { EntityManager } from 'typeorm';

/** What the approval records say of a project (ApprovalsRepository.standing), as written onto it. */
export interface ApprovalStanding {
  approvedCost: string | null;
  approvedForum: string | null;
  approvedDocumentId: string | null;
  approvedAt: string | null;
  baselineCost: string | null;
  completedAt: string | null;
  rejected: boolean;
}

/** What the approvals module needs to know of a document it records a decision on. */
export interface DecidedDocument {
  id: string;
  projectId: string;
  kind: string;
  totalCost: string | null;
  data: Record<string, unknown>;
}

/**
 * The projects and documents decisions are recorded on, as the approvals module sees them. The
 * projects module provides it (ApprovalsModule.forSubjects): approvals sit below projects
 * (docs/ARCHITECTURE.md, "Layers"), so they declare what they need rather than import it.
 * Every method runs in the caller's unit of work.
 */
export interface ApprovalSubjects {
  decidedDocument(em: EntityManager, id: string): Promise<DecidedDocument | null>;
  projectExists(em: EntityManager, id: string): Promise<boolean>;
  /** The sequence numbers of these documents, by id (one query for many ids). */
  sequencesOf(em: EntityManager, documentIds: readonly string[]): Promise<Map<string, number>>;
  /** Writes what the approval records say onto the project. */
  applyApprovals(em: EntityManager, projectId: string, standing: ApprovalStanding): Promise<void>;
  /** Recomputes the project's list fields from its documents. */
  refreshSummary(em: EntityManager, projectId: string): Promise<void>;
}

export const APPROVAL_SUBJECTS = Symbol('APPROVAL_SUBJECTS');
