import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../common/sql';
import { ApprovalStanding } from './approval-subjects';
import { APPROVING_DECISIONS, ApprovalOrigin, ApprovalRecordView, Decision, RoutingWarning } from './approval-record';

/**
 * A record as its table holds it: the view without what other modules own (the document's
 * sequence, the forum rule's code), which ApprovalsService adds through their services.
 */
export type ApprovalRecordRow = Omit<ApprovalRecordView, 'documentSequence' | 'forumRule'>;

/** A record about to be written (money as decimal strings, dates YYYY-MM-DD). */
export interface NewApprovalRecord {
  projectId: string;
  documentId: string;
  documentKind: string;
  forum: string | null;
  forumRuleId: string | null;
  meetingNumber: string | null;
  meetingDate: string | null;
  decisionDate: string;
  decision: Decision;
  documentCost: string | null;
  approvedCost: string | null;
  baselineCost: string | null;
  increasePct: string | null;
  conditions: string | null;
  minutesReference: string | null;
  letterAttachmentId: string | null;
  routingWarnings: RoutingWarning[];
  origin: ApprovalOrigin;
  importKey: string | null;
  transitionId: string | null;
  recordedBy: string | null;
}

const VIEW_COLUMNS =
  `
  r.id, r.project_id AS "projectId", r.document_id AS "documentId", r.document_kind AS "documentKind",
  r.forum, r.forum_rule_id AS "forumRuleId", r.meeting_number AS "meetingNumber",
  to_char(r.meeting_date, 'YYYY-MM-DD') AS "meetingDate", to_char(r.decision_date, 'YYYY-MM-DD') ` +
  `AS "decisionDate", r.decision,
  r.document_cost::text AS "documentCost", r.approved_cost::text AS "approvedCost", ` +
  `r.baseline_cost::text AS "baselineCost",
  r.increase_pct::text AS "increasePct", r.conditions, r.minutes_reference AS "minutesReference",
  r.letter_attachment_id AS "letterAttachmentId", r.routing_warnings AS "routingWarnings", r.origin, ` +
  `r.import_key AS "importKey",
  r.recorded_by AS "recordedBy", r.recorded_at AS "recordedAt"`;

/** Oldest decision first; records of one day in the order they were written. */
const HISTORY_ORDER = `r.decision_date, r.recorded_at, r.id`;

/** Approving records of the documents that carry the project's cost ($1: the project, $2: APPROVING_DECISIONS). */
const COST_APPROVAL = `r.project_id = $1 AND r.decision = ANY($2) AND r.document_kind IN ('pc1', 'pc1-revised')`;

/**
 * The cost approvals with within_limit: a revision approved under a rule that only applies within
 * a permitted increase (e.g. "within 15 %"), which leaves the baseline where the forum before it
 * set it (migration 0007). `limited`: the parameter holding the ids of those rules (the routing
 * module's, ForumRulesService.limitedRuleIds).
 */
const costApprovals = (limited: string) => `
  SELECT r.*, (r.document_kind = 'pc1-revised' AND r.forum_rule_id IS NOT NULL
               AND r.forum_rule_id = ANY(${limited}::uuid[])) AS within_limit
    FROM approval_records r
   WHERE ${COST_APPROVAL}`;

/** SQL on the province's approval_records table (migration 0015), in the caller's unit of work. */
@Injectable()
export class ApprovalsRepository {
  /**
   * Writes a record. An import whose key the project already has (a concurrent import of the same
   * row got there first: the unique index on project_id + import_key) writes nothing and answers
   * null; the statement runs in a savepoint so the caller's unit of work goes on.
   */
  async insertImported(em: EntityManager, r: NewApprovalRecord): Promise<string | null> {
    await em.query(`SAVEPOINT approval_record_import`);
    try {
      const id = await this.insert(em, r);
      await em.query(`RELEASE SAVEPOINT approval_record_import`);
      return id;
    } catch (error) {
      await em.query(`ROLLBACK TO SAVEPOINT approval_record_import`);
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async insert(em: EntityManager, r: NewApprovalRecord): Promise<string> {
    const [row] = await em.query(
      `INSERT INTO approval_records (project_id, document_id, document_kind, forum, forum_rule_id, ` +
        `meeting_number, meeting_date, decision_date, decision,
                                     document_cost, approved_cost, baseline_cost, increase_pct, ` +
        `conditions, minutes_reference, letter_attachment_id,
                                     routing_warnings, origin, import_key, transition_id, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, ` +
        `$19, $20, $21) RETURNING id`,
      [
        r.projectId,
        r.documentId,
        r.documentKind,
        r.forum,
        r.forumRuleId,
        r.meetingNumber,
        r.meetingDate,
        r.decisionDate,
        r.decision,
        r.documentCost,
        r.approvedCost,
        r.baselineCost,
        r.increasePct,
        r.conditions,
        r.minutesReference,
        r.letterAttachmentId,
        JSON.stringify(r.routingWarnings),
        r.origin,
        r.importKey,
        r.transitionId,
        r.recordedBy,
      ],
    );
    return row.id;
  }

  async one(em: EntityManager, id: string): Promise<ApprovalRecordRow> {
    const [row] = await em.query(`SELECT ${VIEW_COLUMNS} FROM approval_records r WHERE r.id = $1`, [id]);
    return row;
  }

  /** The record an import wrote under this key for the project, if any (imports are idempotent). */
  async idOfImport(em: EntityManager, projectId: string, importKey: string): Promise<string | null> {
    const [row] = await em.query(`SELECT id FROM approval_records WHERE project_id = $1 AND import_key = $2`, [
      projectId,
      importKey,
    ]);
    return row?.id ?? null;
  }

  /** The date of a document's latest decision (any decision), or null before its first. */
  async lastDecisionDateOf(em: EntityManager, documentId: string): Promise<string | null> {
    const [row] = await em.query(
      `SELECT to_char(max(decision_date), 'YYYY-MM-DD') AS day FROM approval_records WHERE document_id = $1`,
      [documentId],
    );
    return row?.day ?? null;
  }

  /**
   * The date of the project's latest approval of a PC-I or revised PC-I other than `documentId`:
   * for a revision, the approval it revises. null: none.
   */
  async lastCostApprovalDateBesides(em: EntityManager, projectId: string, documentId: string): Promise<string | null> {
    const [row] = await em.query(
      `SELECT to_char(max(r.decision_date), 'YYYY-MM-DD') AS day FROM approval_records r ` +
        `WHERE ${COST_APPROVAL} AND r.document_id <> $3`,
      [projectId, APPROVING_DECISIONS, documentId],
    );
    return row?.day ?? null;
  }

  /** A record of the document, or null (another document's record, or none). */
  async idOnDocument(
    em: EntityManager,
    documentId: string,
    recordId: string,
  ): Promise<{ id: string; letterAttachmentId: string | null } | null> {
    const [row] = await em.query(
      `SELECT id, letter_attachment_id AS "letterAttachmentId" ` +
        `FROM approval_records WHERE id = $1 AND document_id = $2 FOR UPDATE`,
      [recordId, documentId],
    );
    return row ?? null;
  }

  async setLetter(em: EntityManager, recordId: string, attachmentId: string): Promise<void> {
    await em.query(`UPDATE approval_records SET letter_attachment_id = $2 WHERE id = $1`, [recordId, attachmentId]);
  }

  async forDocument(em: EntityManager, documentId: string): Promise<ApprovalRecordRow[]> {
    return em.query(
      `SELECT ${VIEW_COLUMNS} FROM approval_records r WHERE r.document_id = $1 ORDER BY ${HISTORY_ORDER}`,
      [documentId],
    );
  }

  async forProject(em: EntityManager, projectId: string): Promise<ApprovalRecordRow[]> {
    return em.query(
      `SELECT ${VIEW_COLUMNS} FROM approval_records r WHERE r.project_id = $1 ORDER BY ${HISTORY_ORDER}`,
      [projectId],
    );
  }

  /**
   * What a project's records say about it: the cost, forum and document last approved (PC-I or
   * revised PC-I), the first approval's date, the baseline a revision's increase is measured
   * against, completion (an approved PC-IV), a rejected PC-I. null fields: no such record.
   * `limitedRuleIds`: the forum rules that apply only within a permitted increase (within_limit).
   */
  async standing(em: EntityManager, projectId: string, limitedRuleIds: readonly string[]): Promise<ApprovalStanding> {
    const [row] = await em.query(
      `WITH approvals AS (${costApprovals('$3')}),
            last AS (SELECT approved_cost, forum, document_id FROM approvals ORDER BY decision_date DESC, ` +
        `recorded_at DESC, id DESC LIMIT 1)
       SELECT (SELECT approved_cost::text FROM last) AS "approvedCost",
              (SELECT forum FROM last) AS "approvedForum",
              (SELECT document_id FROM last) AS "approvedDocumentId",
              (SELECT to_char(min(decision_date), 'YYYY-MM-DD') FROM approvals) AS "approvedAt",
              (SELECT approved_cost::text FROM approvals WHERE NOT within_limit ORDER BY decision_date DESC, ` +
        `recorded_at DESC, id DESC LIMIT 1) AS "baselineCost",
              (SELECT to_char(min(decision_date), 'YYYY-MM-DD') FROM approval_records
                WHERE project_id = $1 AND document_kind = 'pc4' AND decision = ANY($2)) AS "completedAt",
              EXISTS (SELECT 1 FROM approval_records WHERE project_id = $1 AND document_kind = 'pc1' ` +
        `AND decision = 'rejected') AS rejected`,
      [projectId, APPROVING_DECISIONS, limitedRuleIds],
    );
    return row;
  }

  /**
   * The cost a revision decided on `on` is measured against: the cost last approved on a forum's
   * own authority by a decision up to that date; null when the project has no such record.
   * `limitedRuleIds`: the forum rules that apply only within a permitted increase (within_limit).
   */
  async baselineOn(
    em: EntityManager,
    projectId: string,
    on: string,
    limitedRuleIds: readonly string[],
  ): Promise<string | null> {
    const [row] = await em.query(
      `SELECT approved_cost::text AS cost FROM (${costApprovals('$4')}) a
        WHERE NOT within_limit AND decision_date <= $3 ORDER BY decision_date DESC, recorded_at DESC, id DESC LIMIT 1`,
      [projectId, APPROVING_DECISIONS, on, limitedRuleIds],
    );
    return row?.cost ?? null;
  }
}
