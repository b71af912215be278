import {
  BadRequestException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APPROVAL_LETTER, AttachmentsService } from '../attachments/attachments.service';
import { AuditService } from '../audit/audit.service';
import { Calendar, isCalendarDate } from '../common/calendar';
import { Dec } from '../forms/decimal';
import { MasterDataService } from '../master-data/master-data.service';
import { ForumRule, ForumRulesService } from '../routing/forum-rules.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { WorkflowAction, WorkflowConfig } from '../workflow/workflow-config';
import {
  AMOUNT_PATTERN,
  APPROVING_DECISIONS,
  ApprovalOrigin,
  ApprovalRecordView,
  Decision,
  DECISIONS,
  ImportedDecisionInput,
  ImportedDecisionResult,
  MAX_CONDITIONS_LENGTH,
  MAX_IMPORT_KEY_LENGTH,
  MAX_MEETING_NUMBER_LENGTH,
  MAX_MINUTES_REFERENCE_LENGTH,
  RoutingWarning,
} from './approval-record';
import { APPROVAL_SUBJECTS, ApprovalSubjects, DecidedDocument } from './approval-subjects';
import { ApprovalRecordRow, ApprovalsRepository } from './approvals.repository';
import { DecisionDetails } from './dto';

/** Kinds whose decisions are recorded: those routed to a forum by their cost, and the completion report. */
export const RECORDED_KINDS: readonly string[] = ['pc2', 'pc1', 'pc1-revised', 'pc4'];
/** A decision on a costed document is taken on its cost; the completion report has none. */
const COSTED_KINDS: readonly string[] = ['pc2', 'pc1', 'pc1-revised'];
/** Decimal places of a stored increase (numeric(14, 3)). */
const PERCENT_PLACES = 3;

/** A decision as checked, ready to record: every default applied. */
export interface CheckedDecision {
  decision: Decision;
  decisionDate: string;
  meetingNumber: string | null;
  meetingDate: string | null;
  approvedCost: string | null;
  conditions: string | null;
  minutesReference: string | null;
  letterAttachmentId: string | null;
  /** The forum the request says decided (a code of the approval-forums list), or null. */
  forum: string | null;
  /** 'recorded': dated before today (a past decision entered now); 'workflow' otherwise. */
  origin: ApprovalOrigin;
}

/** The routing of a document on its decision date, as the workflow found it. */
export interface DecisionRouting {
  rule: { id: string; code: string; forum: string } | null;
  warnings: RoutingWarning[];
  /** Why no rule decides. */
  reason?: string;
}

/** The forum a decision is recorded with, the rule that named it (null: none did) and the remarks on it. */
export interface DecidingForum {
  forum: string | null;
  forumRuleId: string | null;
  warnings: RoutingWarning[];
}

/** A decision taken through the workflow, with the routing of its decision date. */
export interface WorkflowDecision {
  document: DecidedDocument;
  checked: CheckedDecision;
  forum: string | null;
  forumRuleId: string | null;
  /** A revised PC-I: the cost its increase was measured against, and the increase (%). */
  baselineCost: string | null;
  increasePct: string | null;
  routingWarnings: RoutingWarning[];
  transitionId: string;
  recordedBy: string;
}

const bad = (field: string, why: string) => new BadRequestException({ message: [`${field}: ${why}`] });

/** A past decision for which no forum rule was in force: kept as the fact it is, with this remark. */
function noRuleWarning(c: CheckedDecision, cost: string | null, reason: string | undefined): RoutingWarning {
  return {
    code: 'no-rule',
    message: {
      en:
        `No forum rule of the province was in force for Rs ${cost ?? '?'} million on ` +
        `${c.decisionDate}${reason ? ` (${reason})` : ''}; the decision is recorded with the forum named (${c.forum})`,
      ur:
        `${c.decisionDate} کو ${cost ?? '?'} ملین روپے کے لیے صوبے کا کوئی فورم ` +
        `قاعدہ نافذ نہیں تھا؛ فیصلہ بتائے گئے فورم (${c.forum}) کے ساتھ درج کیا گیا`,
    },
    params: { decisionDate: c.decisionDate, cost, recordedForum: c.forum },
  };
}

/** A decision by another forum than the rules of its date name: recorded as the fact it is, with this remark. */
function forumMismatchWarning(
  c: CheckedDecision,
  cost: string | null,
  rule: { code: string; forum: string },
): RoutingWarning {
  return {
    code: 'forum-mismatch',
    message: {
      en:
        `The rules in force on ${c.decisionDate} (${rule.code}) name ${rule.forum} for ` +
        `Rs ${cost ?? '?'} million; the decision is recorded as taken by ${c.forum}`,
      ur:
        `${c.decisionDate} کو نافذ قواعد (${rule.code}) کے مطابق ${cost ?? '?'} ملین ` +
        `روپے کا فیصلہ ${rule.forum} کا تھا؛ فیصلہ ${c.forum} کے نام درج کیا گیا`,
    },
    params: { expectedForum: rule.forum, recordedForum: c.forum, rule: rule.code, decisionDate: c.decisionDate, cost },
  };
}

/** Where a document keeps the date it was prepared on (PC-I and revised PC-I: the cover; PC-II: item 1). */
const PREPARATION_DATE_FIELDS = [
  ['cover', 'preparationDate'],
  ['project', 'preparedOn'],
] as const;

function preparationDateOf(data: Record<string, unknown>): string | null {
  for (const [section, field] of PREPARATION_DATE_FIELDS) {
    const value = (data[section] as Record<string, unknown> | undefined)?.[field];
    if (isCalendarDate(value)) return value;
  }
  return null;
}

/**
 * Approval records: each forum decision on a document (approved, approved with changes,
 * deferred, rejected, returned, recommended upward) with its date, meeting, the cost approved
 * beside the document's own, conditions, minutes and letter. The project's approved cost,
 * forum and dates are read from them (ApprovalSubjects.applyApprovals), never overwritten by
 * hand. Writes join the caller's unit of work.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly approvals: ApprovalsRepository,
    @Inject(APPROVAL_SUBJECTS) private readonly projects: ApprovalSubjects,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
    private readonly calendar: Calendar,
    private readonly masterData: MasterDataService,
    private readonly forumRules: ForumRulesService,
  ) {}

  /**
   * Whether taking `action` from `fromState` on a document of `kind` is a forum decision to
   * record. A return counts when taken before the forum (from a state an approving action
   * leaves); a return during the department's own review is not a forum's decision.
   */
  recordsDecision(config: WorkflowConfig, action: WorkflowAction, fromState: string, kind: string): boolean {
    if (!action.decision || !RECORDED_KINDS.includes(kind)) return false;
    if (action.decision !== 'returned') return true;
    return config.actions.some((a) => a.decision === 'approved' && a.from.includes(fromState));
  }

  /**
   * The decision sent with a workflow action, checked (400 naming the field) and completed with
   * its defaults: dated today, an approval approving the document's cost.
   */
  async checkDecision(
    em: EntityManager,
    document: DecidedDocument,
    actionDecision: NonNullable<WorkflowAction['decision']>,
    details: DecisionDetails | undefined,
    today: string,
  ): Promise<CheckedDecision> {
    const d = details ?? {};
    const approving = actionDecision === 'approved';
    if (!approving && d.outcome)
      throw bad('decision.outcome', `only an approval has an outcome; this action records "${actionDecision}"`);
    if (!approving && d.approvedCost !== undefined)
      throw bad(
        'decision.approvedCost',
        `only an approval has an approved cost; this action records "${actionDecision}"`,
      );
    const decision: Decision = approving ? (d.outcome ?? 'approved') : actionDecision;
    const checked: CheckedDecision = {
      decision,
      decisionDate: d.decisionDate ?? today,
      meetingNumber: d.meetingNumber ?? null,
      meetingDate: d.meetingDate ?? null,
      approvedCost: null,
      conditions: d.conditions?.trim() || null,
      minutesReference: d.minutesReference ?? null,
      letterAttachmentId: d.letterAttachmentId ?? null,
      forum: d.forum ?? null,
      origin: (d.decisionDate ?? today) < today ? 'recorded' : 'workflow',
    };
    if (checked.forum) await this.assertForum(em, document, checked.forum, 'decision.forum');
    if (decision === 'approved-with-changes' && d.approvedCost === undefined && COSTED_KINDS.includes(document.kind)) {
      // The forum changed the document: what it approved must be stated, not assumed to be the document's cost.
      throw bad(
        'decision.approvedCost',
        'an approval with changes must state the cost the forum approved (Rs million)',
      );
    }
    checked.approvedCost =
      APPROVING_DECISIONS.includes(decision) && COSTED_KINDS.includes(document.kind)
        ? (d.approvedCost ?? document.totalCost)
        : null;
    await this.assertSound(em, document, checked, today);
    return checked;
  }

  /** The rules every record obeys, whatever its origin (400 naming the field). */
  private async assertSound(
    em: EntityManager,
    document: DecidedDocument,
    c: CheckedDecision,
    today: string,
  ): Promise<void> {
    if (c.decisionDate > today)
      throw bad('decision.decisionDate', `${c.decisionDate} is in the future (today is ${today})`);
    const prepared = preparationDateOf(document.data);
    if (prepared && c.decisionDate < prepared)
      throw bad('decision.decisionDate', `${c.decisionDate} is before the document was prepared (${prepared})`);
    if (c.meetingDate && c.meetingDate > c.decisionDate)
      throw bad(
        'decision.meetingDate',
        `the meeting (${c.meetingDate}) cannot be after the decision (${c.decisionDate})`,
      );
    if (APPROVING_DECISIONS.includes(c.decision) && COSTED_KINDS.includes(document.kind)) {
      if (c.approvedCost === null)
        throw bad(
          'decision.approvedCost',
          'an approval must state the cost approved (Rs million); the document has no cost of its own',
        );
      if (new Dec(c.approvedCost).isNegative()) throw bad('decision.approvedCost', 'must be 0 or more');
    }
    if (c.decision === 'approved-with-changes' && !c.conditions)
      throw bad('decision.conditions', 'an approval with changes must state the changes (conditions)');
    await this.assertInOrder(em, document, c.decisionDate, 'decision.decisionDate');
    if (c.letterAttachmentId)
      await this.assertLetter(em, document.id, c.letterAttachmentId, 'decision.letterAttachmentId');
  }

  /**
   * Decisions are dated in the order they were taken: not before the document's latest decision,
   * and a revision not before the approval it revises. The project's standing and a revision's
   * baseline are read by decision date; a decision dated out of order would make an older
   * approval the "last" one.
   */
  private async assertInOrder(
    em: EntityManager,
    document: DecidedDocument,
    decisionDate: string,
    field: string,
  ): Promise<void> {
    const latest = await this.approvals.lastDecisionDateOf(em, document.id);
    if (latest && decisionDate < latest)
      throw bad(
        field,
        `${decisionDate} is before this document's latest decision (${latest}); ` +
          `decisions are recorded in the order they were taken`,
      );
    if (document.kind !== 'pc1-revised') return;
    const revised = await this.approvals.lastCostApprovalDateBesides(em, document.projectId, document.id);
    if (revised && decisionDate < revised)
      throw bad(field, `${decisionDate} is before the approval this revision revises (${revised})`);
  }

  /** The letter must be an approval letter filed on this document (400 naming the field). */
  private async assertLetter(
    em: EntityManager,
    documentId: string,
    attachmentId: string,
    field: string,
  ): Promise<void> {
    const letter = await this.attachments.find(em, documentId, attachmentId);
    if (!letter) throw bad(field, `${attachmentId} is not an attachment of this document`);
    if (letter.kind !== APPROVAL_LETTER) {
      throw bad(
        field,
        `${attachmentId} is a ${letter.kind} attachment, not an approval letter ` +
          `(file the letter with POST /api/documents/${documentId}/approval-letter)`,
      );
    }
  }

  /**
   * A forum named by the request: one of the province's approval forums, on a document routed to
   * a forum (400 naming the field).
   */
  private async assertForum(em: EntityManager, document: DecidedDocument, forum: string, field: string): Promise<void> {
    if (!COSTED_KINDS.includes(document.kind))
      throw bad(field, `a ${document.kind} is not decided by a forum of the cost rules; send no forum`);
    const forums = (await this.masterData.snapshot(em))['approval-forums'] ?? [];
    if (!forums.some((f) => f.value === forum))
      throw bad(
        field,
        `"${forum}" is not one of this province's approval forums (${forums.map((f) => f.value).join(', ')})`,
      );
  }

  /**
   * The forum a decision is recorded with. The rule in force on the decision date names it; a
   * forum the request names that differs is recorded as the fact it is, with a 'forum-mismatch'
   * warning (a lower forum recommending upward is not the competent forum by definition: no
   * warning). With no rule in force a decision taken today is refused (422: nothing routes it),
   * while a past decision is a fact: recorded with the forum the request must then name, with a
   * 'no-rule' warning. A return needs no forum: without a rule it keeps the document's.
   */
  decidingForum(
    c: CheckedDecision,
    routing: DecisionRouting,
    current: { forum: string | null; forumRuleId: string | null },
    cost: string | null,
  ): DecidingForum {
    const { rule, warnings } = routing;
    if (!rule) {
      if (c.decision === 'returned')
        return c.forum ? { forum: c.forum, forumRuleId: null, warnings } : { ...current, warnings };
      if (c.origin !== 'recorded')
        throw new UnprocessableEntityException(routing.reason ?? 'No forum rule covers this document');
      if (!c.forum) {
        throw bad(
          'decision.forum',
          `required: no forum rule of this province was in force on ` +
            `${c.decisionDate} (${routing.reason ?? 'no rule covers the document'}); ` +
            `name the forum that decided (a code of the approval-forums list)`,
        );
      }
      return { forum: c.forum, forumRuleId: null, warnings: [...warnings, noRuleWarning(c, cost, routing.reason)] };
    }
    if (!c.forum || c.forum === rule.forum) return { forum: rule.forum, forumRuleId: rule.id, warnings };
    if (c.decision === 'recommended') return { forum: c.forum, forumRuleId: null, warnings };
    return { forum: c.forum, forumRuleId: null, warnings: [...warnings, forumMismatchWarning(c, cost, rule)] };
  }

  /** Writes a workflow decision and brings the project up to date from its records. */
  async recordDecision(em: EntityManager, w: WorkflowDecision): Promise<ApprovalRecordView> {
    const { document, checked } = w;
    const id = await this.approvals.insert(em, {
      projectId: document.projectId,
      documentId: document.id,
      documentKind: document.kind,
      forum: w.forum,
      forumRuleId: w.forumRuleId,
      meetingNumber: checked.meetingNumber,
      meetingDate: checked.meetingDate,
      decisionDate: checked.decisionDate,
      decision: checked.decision,
      documentCost: COSTED_KINDS.includes(document.kind) ? document.totalCost : null,
      approvedCost: checked.approvedCost,
      baselineCost: w.increasePct === null ? null : w.baselineCost,
      increasePct: w.increasePct,
      conditions: checked.conditions,
      minutesReference: checked.minutesReference,
      letterAttachmentId: checked.letterAttachmentId,
      routingWarnings: w.routingWarnings,
      origin: checked.origin,
      importKey: null,
      transitionId: w.transitionId,
      recordedBy: w.recordedBy,
    });
    return this.afterRecord(em, id, document.projectId, await this.forumRules.limitedRuleIds(em));
  }

  /**
   * A historical decision from a legacy portfolio import: checked like any other (400 naming
   * the field), written with origin 'import'; the same projectId + importKey finds the record
   * written before (created: false) and changes nothing. The project then follows its records;
   * the document's workflow state is the importer's business. `rules`: the province's forum rules
   * as the caller read them for its run (ForumRulesService.rulesIn), so that a run of many
   * decisions does not read them again for each.
   */
  async recordImported(
    em: EntityManager,
    input: ImportedDecisionInput,
    rules?: readonly ForumRule[],
  ): Promise<ImportedDecisionResult> {
    if (!input.importKey || input.importKey.length > MAX_IMPORT_KEY_LENGTH)
      throw bad('importKey', `required, at most ${MAX_IMPORT_KEY_LENGTH} characters`);
    const existing = await this.approvals.idOfImport(em, input.projectId, input.importKey);
    if (existing) return { record: await this.view(em, existing, rules), created: false };
    const document = await this.projects.decidedDocument(em, input.documentId);
    if (!document || document.projectId !== input.projectId)
      throw bad('documentId', `no document ${input.documentId} in project ${input.projectId}`);
    if (!RECORDED_KINDS.includes(document.kind))
      throw bad('documentId', `a ${document.kind} has no forum decisions (only ${RECORDED_KINDS.join(', ')})`);
    if (!(DECISIONS as readonly string[]).includes(input.decision))
      throw bad('decision', `must be one of ${DECISIONS.join(', ')}`);
    if (!isCalendarDate(input.decisionDate)) throw bad('decisionDate', 'must be a real date (YYYY-MM-DD)');
    if (input.meetingDate && !isCalendarDate(input.meetingDate))
      throw bad('meetingDate', 'must be a real date (YYYY-MM-DD)');
    if (!input.forum?.trim() && COSTED_KINDS.includes(document.kind))
      throw bad('forum', 'required: the forum that decided');
    for (const [field, value, max] of [
      ['meetingNumber', input.meetingNumber, MAX_MEETING_NUMBER_LENGTH],
      ['conditions', input.conditions, MAX_CONDITIONS_LENGTH],
      ['minutesReference', input.minutesReference, MAX_MINUTES_REFERENCE_LENGTH],
    ] as const) {
      if (value && value.length > max) throw bad(field, `at most ${max} characters`);
    }
    for (const [field, value] of [
      ['documentCost', input.documentCost],
      ['approvedCost', input.approvedCost],
    ] as const) {
      if (value !== undefined && value !== null && !AMOUNT_PATTERN.test(value))
        throw bad(field, 'must be an amount in Rs million (0 or more, up to 3 decimals)');
    }
    const approving = APPROVING_DECISIONS.includes(input.decision);
    if (!approving && input.approvedCost)
      throw bad('approvedCost', `only an approval has an approved cost; the decision is "${input.decision}"`);
    const today = this.calendar.today();
    const checked: CheckedDecision = {
      decision: input.decision,
      decisionDate: input.decisionDate,
      meetingNumber: input.meetingNumber ?? null,
      meetingDate: input.meetingDate ?? null,
      approvedCost: approving && COSTED_KINDS.includes(document.kind) ? (input.approvedCost ?? null) : null,
      conditions: input.conditions?.trim() || null,
      minutesReference: input.minutesReference ?? null,
      letterAttachmentId: null,
      forum: input.forum?.trim() || null,
      origin: 'import',
    };
    try {
      await this.assertSound(em, document, checked, today);
    } catch (error) {
      // An import names its own columns, not the workflow body's decision.* fields.
      if (error instanceof BadRequestException) {
        const message = (error.getResponse() as { message: string[] }).message.map((m) => m.replace(/^decision\./, ''));
        throw new BadRequestException({ message });
      }
      throw error;
    }
    const documentCost = COSTED_KINDS.includes(document.kind) ? (input.documentCost ?? document.totalCost) : null;
    const limitedRuleIds = await this.forumRules.limitedRuleIds(em, rules);
    const baselineCost =
      document.kind === 'pc1-revised'
        ? await this.approvals.baselineOn(em, input.projectId, input.decisionDate, limitedRuleIds)
        : null;
    const increasePct =
      baselineCost && documentCost && !new Dec(baselineCost).isZero()
        ? this.increase(documentCost, baselineCost)
        : null;
    const id = await this.approvals.insertImported(em, {
      projectId: input.projectId,
      documentId: document.id,
      documentKind: document.kind,
      forum: checked.forum,
      forumRuleId: input.forumRuleId ?? null,
      meetingNumber: checked.meetingNumber,
      meetingDate: checked.meetingDate,
      decisionDate: checked.decisionDate,
      decision: checked.decision,
      documentCost,
      approvedCost: checked.approvedCost,
      baselineCost: increasePct === null ? null : baselineCost,
      increasePct,
      conditions: checked.conditions,
      minutesReference: checked.minutesReference,
      letterAttachmentId: null,
      routingWarnings: input.routingWarnings ?? [],
      origin: 'import',
      importKey: input.importKey,
      transitionId: null,
      recordedBy: null,
    });
    if (id === null) {
      // Imported meanwhile by a concurrent run of the same row (checked above, written since): that record stands.
      const written = await this.approvals.idOfImport(em, input.projectId, input.importKey);
      if (!written)
        throw new Error(
          `approval record ${input.importKey} of project ${input.projectId}: ` +
            `unique violation, yet no record under the key`,
        );
      return { record: await this.view(em, written, rules), created: false };
    }
    const record = await this.afterRecord(em, id, input.projectId, limitedRuleIds, rules);
    if (input.refreshSummary !== false) await this.projects.refreshSummary(em, input.projectId);
    return { record, created: true };
  }

  /** A revision's increase over the cost it is measured against, in % (3 decimals). */
  increase(cost: string, baseline: string): string {
    const base = new Dec(baseline);
    return new Dec(cost).minus(base).dividedBy(base).times(100).toFixed(PERCENT_PLACES);
  }

  /**
   * The cost a revision decided on `on` is measured against, by the records: the cost last
   * approved on a forum's own authority up to that day (null: the project has no such record).
   * `rules`: the province's forum rules as the caller read them for its run, if it did.
   */
  async baselineOn(
    em: EntityManager,
    projectId: string,
    on: string,
    rules?: readonly ForumRule[],
  ): Promise<string | null> {
    return this.approvals.baselineOn(em, projectId, on, await this.forumRules.limitedRuleIds(em, rules));
  }

  /** Brings the project up to date from its records and audits the new record; answers its view. */
  private async afterRecord(
    em: EntityManager,
    id: string,
    projectId: string,
    limitedRuleIds: readonly string[],
    rules?: readonly ForumRule[],
  ): Promise<ApprovalRecordView> {
    await this.projects.applyApprovals(em, projectId, await this.approvals.standing(em, projectId, limitedRuleIds));
    const record = await this.view(em, id, rules);
    await this.audit.record(em, {
      action: 'approval-record.created',
      targetType: 'document',
      targetId: record.documentId,
      details: {
        recordId: id,
        decision: record.decision,
        decisionDate: record.decisionDate,
        forum: record.forum,
        forumRule: record.forumRule,
        documentCost: record.documentCost,
        approvedCost: record.approvedCost,
        increasePct: record.increasePct,
        origin: record.origin,
        backdated: record.origin === 'recorded',
        importKey: record.importKey,
      },
    });
    return record;
  }

  /** One record as the API answers it. */
  private async view(em: EntityManager, id: string, rules?: readonly ForumRule[]): Promise<ApprovalRecordView> {
    const [record] = await this.views(em, [await this.approvals.one(em, id)], rules);
    return record;
  }

  /**
   * Records as the API answers them: each with its document's sequence (the projects module's,
   * through ApprovalSubjects) and its forum rule's code (the routing module's), in one query each
   * for all the records; `rules`: the province's forum rules, when the caller has them already.
   */
  private async views(
    em: EntityManager,
    rows: readonly ApprovalRecordRow[],
    rules?: readonly ForumRule[],
  ): Promise<ApprovalRecordView[]> {
    // one() answers undefined for a record that is not there.
    const present = rows.filter((r) => r !== undefined);
    if (!present.length) return [];
    const ruleIds = [...new Set(present.flatMap((r) => (r.forumRuleId ? [r.forumRuleId] : [])))];
    const sequences = await this.projects.sequencesOf(em, [...new Set(present.map((r) => r.documentId))]);
    const codes = await this.forumRules.codesOf(em, ruleIds, rules);
    // Field for field as the API has always answered: the document's sequence after its kind, the
    // rule's code after its id.
    return present.flatMap(({ id, projectId, documentId, documentKind, forum, forumRuleId, ...rest }) => {
      const documentSequence = sequences.get(documentId);
      if (documentSequence === undefined) return [];
      const forumRule = forumRuleId === null ? null : (codes.get(forumRuleId) ?? null);
      return [{ id, projectId, documentId, documentKind, documentSequence, forum, forumRuleId, forumRule, ...rest }];
    });
  }

  /**
   * Links the approval letter filed after the decision (POST /api/documents/:id/approval-letter)
   * to the decision's record, or replaces the letter linked before; audited.
   */
  linkLetter(documentId: string, recordId: string, attachmentId: string): Promise<ApprovalRecordView> {
    return this.db.transaction(async (em) => {
      if (!(await this.projects.decidedDocument(em, documentId)))
        throw new NotFoundException(`No document ${documentId} in this province`);
      const record = await this.approvals.idOnDocument(em, documentId, recordId);
      if (!record) throw new NotFoundException(`No decision ${recordId} on document ${documentId}`);
      await this.assertLetter(em, documentId, attachmentId, 'attachmentId');
      await this.approvals.setLetter(em, recordId, attachmentId);
      await this.audit.record(em, {
        action: 'approval-record.letter-linked',
        targetType: 'document',
        targetId: documentId,
        details: { recordId, attachmentId, previousAttachmentId: record.letterAttachmentId },
      });
      return this.view(em, recordId);
    });
  }

  // --- reads (their own unit of work) -------------------------------------------------------------

  /** A document's decisions, oldest first. */
  decisionsOf(documentId: string): Promise<ApprovalRecordView[]> {
    return this.db.transaction(async (em) => {
      if (!(await this.projects.decidedDocument(em, documentId)))
        throw new NotFoundException(`No document ${documentId} in this province`);
      return this.views(em, await this.approvals.forDocument(em, documentId));
    });
  }

  /** A project's approval history, oldest first, across its documents. */
  historyOf(projectId: string): Promise<ApprovalRecordView[]> {
    return this.db.transaction(async (em) => {
      if (!(await this.projects.projectExists(em, projectId)))
        throw new NotFoundException(`No project ${projectId} in this province`);
      return this.views(em, await this.approvals.forProject(em, projectId));
    });
  }
}
