import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Calendar, instantOnDay } from '../common/calendar';
import { FieldChange, jsonDiff } from '../common/json-diff';
import { offsetOf } from '../common/paging';
import { DepartmentsService } from '../departments/departments.service';
import { EventsService } from '../events/events.service';
import { Dec } from '../forms/decimal';
import { Locale } from '../forms/definition';
import { fitToDefinition } from '../forms/fit';
import { FormError } from '../forms/form-validator';
import { FormsService } from '../forms/forms.service';
import { RoutingWarning } from '../approvals/approval-record';
import { ApprovalsService, CheckedDecision, DecidingForum } from '../approvals/approvals.service';
import { DecisionDetails } from '../approvals/dto';
import { ForumRule, ForumRulesService } from '../routing/forum-rules.service';
import { DaftarStore, Principal } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { UsersService } from '../users/users.service';
import { WorkflowAction, WorkflowConfig } from '../workflow/workflow-config';
import { WorkflowService } from '../workflow/workflow.service';
import { documentEventOf } from './document-events';
import { DocumentWarningsService } from './document-warnings.service';
import { DocumentFigures, figuresOf, prefillFrom } from './document-figures';
import { KIND_OF_FORM, ROUTED_KINDS } from './document-kinds';
import { ProjectDocument } from './document.entity';
import { CreateFollowUpRequest, CreateProjectRequest, ListDocumentsQuery } from './dto';
import { assertMayPrepare, departmentForNewProject } from './preparer-access';
import { Project } from './project.entity';
import { DecidedDocument, ProjectsRepository } from './projects.repository';
import { periodProblem } from './reporting-period';
import { titleWords } from './title-search';

type Data = Record<string, unknown>;
/** A document as lists show it. */
type ListedDocument = Record<string, unknown> & { id: string };
/** The latest workflow transition of a listed document, as the LATERAL join returns it (all null before the first). */
interface LastTransitionColumns {
  ltAction: string | null;
  ltFromState: string | null;
  ltToState: string | null;
  ltComment: string | null;
  ltActorId: string | null;
  ltAt: Date | null;
}
type UserPrincipal = Extract<Principal, { kind: 'user' }>;
/** A document's routing on a date: the deciding rule (or why none), the figures it was read from, a revision's increase. */
interface Routing {
  rule: ForumRule | null;
  figures: DocumentFigures;
  increasePct: string | null;
  /** A revision: the cost its increase is measured against. */
  baselineCost: string | null;
  warnings: RoutingWarning[];
  reason?: string;
}
const NO_INCREASE = { baselineCost: null, increasePct: null };

/** A document must carry a feasibility study from this cost (Rs million; PC-I 2005 item 6). */
export const FEASIBILITY_THRESHOLD = '300';
/** Lists count matches exactly up to this many. */
export const LIST_COUNT_CAP = 10_000;
/** Kinds that are routed to a forum by their cost. */

/**
 * Projects and their documents: drafts saved with optimistic concurrency (every save a
 * revision), workflow transitions by the province's configuration, forum routing by its dated
 * rules, follow-up documents prefilled from the approved PC-I. One unit of work per call, in
 * the province's schema; a document id from another province is simply not found.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly forms: FormsService,
    private readonly audit: AuditService,
    private readonly cls: ClsService<DaftarStore>,
    private readonly calendar: Calendar,
    private readonly projects: ProjectsRepository,
    private readonly users: UsersService,
    private readonly departments: DepartmentsService,
    private readonly events: EventsService,
    private readonly approvals: ApprovalsService,
    private readonly forumRules: ForumRulesService,
    private readonly warnings: DocumentWarningsService,
  ) {}

  private principal(): UserPrincipal {
    const p = this.cls.get('principal');
    if (p?.kind !== 'user') throw new ForbiddenException('Only province users work on documents');
    return p;
  }

  // --- projects ---------------------------------------------------------------------------------

  createProject(request: CreateProjectRequest) {
    const me = this.principal();
    return this.db.transaction(async (em) => {
      const departmentId = await departmentForNewProject(em, request.departmentId, me);
      if (departmentId) {
        const [department] = await em.query(`SELECT active FROM departments WHERE id = $1`, [departmentId]);
        if (!department)
          throw new BadRequestException({ message: [`departmentId: no department ${departmentId} in this province`] });
        // A deactivated department keeps its projects but takes no new ones.
        if (!department.active)
          throw new BadRequestException({
            message: [`departmentId: department ${departmentId} is deactivated; choose an active department`],
          });
      }
      const project = await em
        .getRepository(Project)
        .save(
          em
            .getRepository(Project)
            .create({
              title: request.title,
              departmentId,
              sector: request.sector ?? null,
              districts: request.districts ?? [],
              createdBy: me.id,
            }),
        );
      const form = await this.forms.startingForm(em, request.formKey, request.edition);
      const version = await this.forms.currentVersion(em, form.key);
      const titleField =
        KIND_OF_FORM[form.key] === 'pc2' ? { project: { title: request.title } } : { name: { title: request.title } };
      const document = await this.insertDocument(em, project, {
        formKey: form.key,
        versionId: version.id,
        data: titleField,
      });
      await this.audit.record(em, {
        action: 'project.created',
        targetType: 'project',
        targetId: project.id,
        details: { title: project.title, formKey: form.key, edition: form.edition },
      });
      return { project, document: this.summary(document) };
    });
  }

  /**
   * A project, what the project list shows of it (current document and stage, current cost,
   * forum, department name) and its documents, oldest first.
   */
  getProject(id: string) {
    return this.db.transaction(async (em) => {
      const project = await em.getRepository(Project).findOneBy({ id });
      const listed = project && (await this.projects.summary(em, id));
      if (!project || !listed) throw new NotFoundException(`No project ${id} in this province`);
      const documents = await em
        .getRepository(ProjectDocument)
        .find({ where: { projectId: id }, order: { createdAt: 'ASC' } });
      const departmentName = project.departmentId
        ? ((await this.departments.namesOf(em, [project.departmentId])).get(project.departmentId) ?? null)
        : null;
      const { stage, state, currentDocumentId, formKey, totalCost, forum } = listed;
      return {
        ...project,
        departmentName,
        stage,
        state,
        currentDocumentId,
        formKey,
        totalCost,
        forum,
        documents: documents.map((d) => this.summary(d)),
      };
    });
  }

  /** A revised PC-I, PC-III, PC-IV or PC-V for an approved project, prefilled from its approved PC-I. */
  createFollowUp(projectId: string, request: CreateFollowUpRequest) {
    const me = this.principal();
    const kind = KIND_OF_FORM[request.formKey];
    const badPeriod = periodProblem(kind, request.period);
    if (badPeriod) throw new BadRequestException({ message: [badPeriod] });
    return this.db.transaction(async (em) => {
      const project = await em
        .getRepository(Project)
        .findOne({ where: { id: projectId }, lock: { mode: 'pessimistic_write' } });
      if (!project) throw new NotFoundException(`No project ${projectId} in this province`);
      await assertMayPrepare(em, project, me);
      const approved = await em.getRepository(ProjectDocument).findOne({
        where: [
          { projectId, kind: 'pc1', state: 'approved' },
          { projectId, kind: 'pc1-revised', state: 'approved' },
        ],
        order: { decidedAt: 'DESC' },
      });
      if (!approved || project.status === 'preparation') {
        throw new ConflictException(`${request.formKey} follows an approved PC-I; project ${projectId} has none yet`);
      }
      const sequence =
        kind === 'pc1-revised'
          ? 1 +
            Number(
              (
                await em.query(
                  `SELECT count(*)::int AS n FROM documents WHERE project_id = $1 AND kind = 'pc1-revised'`,
                  [projectId],
                )
              )[0].n,
            )
          : 0;
      if (
        request.period &&
        (
          await em.query(`SELECT 1 FROM documents WHERE project_id = $1 AND kind = $2 AND period = $3`, [
            projectId,
            kind,
            request.period,
          ])
        ).length
      ) {
        throw new ConflictException(`Project ${projectId} already has a ${request.formKey} for ${request.period}`);
      }
      const version = await this.forms.currentVersion(em, request.formKey);
      const { number } = await this.forms.validatorFor(em, approved.formVersionId);
      const source =
        kind === 'pc1-revised' || kind === 'pc4' || kind === 'pc5'
          ? approved
          : await this.firstPcI(em, projectId, approved);
      const prefill = fitToDefinition(
        version.definition,
        prefillFrom(
          kind,
          {
            id: source.id,
            data: source.data,
            formVersionNumber: number,
            approvedForum: source.forum ?? project.approvedForum,
            approvedAt: source.decidedAt ? this.calendar.dateOf(source.decidedAt) : project.approvedAt,
          },
          sequence,
        ),
      );
      const document = await this.insertDocument(em, project, {
        formKey: request.formKey,
        versionId: version.id,
        data: prefill,
        parentId: approved.id,
        sequence,
        period: request.period ?? null,
      });
      return this.summary(document);
    });
  }

  private async firstPcI(em: EntityManager, projectId: string, fallback: ProjectDocument): Promise<ProjectDocument> {
    return (
      (await em
        .getRepository(ProjectDocument)
        .findOne({ where: { projectId, kind: 'pc1' }, order: { createdAt: 'ASC' } })) ?? fallback
    );
  }

  private async insertDocument(
    em: EntityManager,
    project: Project,
    spec: {
      formKey: string;
      versionId: string;
      data: Data;
      parentId?: string;
      sequence?: number;
      period?: string | null;
    },
  ): Promise<ProjectDocument> {
    const me = this.principal();
    const workflow = await WorkflowService.current(em);
    const kind = KIND_OF_FORM[spec.formKey];
    const { validator } = await this.forms.validatorFor(em, spec.versionId);
    const checked = validator.validate(spec.data);
    const figures = figuresOf(kind, checked.data);
    const repo = em.getRepository(ProjectDocument);
    const document = await repo.save(
      repo.create({
        projectId: project.id,
        formKey: spec.formKey,
        formVersionId: spec.versionId,
        edition: this.forms.editionOf(spec.formKey),
        kind,
        sequence: spec.sequence ?? 0,
        period: spec.period ?? null,
        parentId: spec.parentId ?? null,
        title: figures.title ?? project.title,
        state: workflow.config.initial,
        revision: 1,
        data: checked.data,
        valid: checked.valid,
        errorCount: checked.errorCount,
        totalCost: figures.totalCost,
        departmentId: project.departmentId,
        sector: figures.sector ?? project.sector,
        districts: figures.districts.length ? figures.districts : project.districts,
        createdBy: me.id,
        updatedBy: me.id,
      }),
    );
    await em.query(
      `INSERT INTO document_revisions (document_id, revision, data, error_count, saved_by) VALUES ($1, 1, $2, $3, $4)`,
      [document.id, JSON.stringify(checked.data), checked.errorCount, me.id],
    );
    await this.audit.record(em, {
      action: 'document.created',
      targetType: 'document',
      targetId: document.id,
      details: { projectId: project.id, formKey: spec.formKey, kind },
    });
    await this.projects.refreshSummary(em, project.id);
    return document;
  }

  // --- one document -----------------------------------------------------------------------------

  get(id: string, locale: Locale) {
    const me = this.principal();
    return this.db.transaction(async (em) => {
      const document = await this.load(em, id);
      const { validator, number } = await this.forms.validatorFor(em, document.formVersionId);
      const checked = validator.validate(document.data, locale);
      const workflow = await WorkflowService.current(em);
      const attachments = await em.query(
        `SELECT id, kind, file_name AS "fileName", content_type AS "contentType", size_bytes::int AS "sizeBytes", sha256, uploaded_at AS "uploadedAt"
           FROM attachments WHERE document_id = $1 ORDER BY uploaded_at`,
        [id],
      );
      return {
        ...this.summary(document),
        formVersion: { id: document.formVersionId, number },
        data: document.data,
        errors: checked.errors,
        // Reviewers see the open warnings with their answers in every state.
        warnings: await this.warnings.withAnswers(em, id, checked.warnings),
        warningCount: checked.warningCount,
        editable: this.stateOf(workflow.config, document.state)?.editable ?? false,
        actions: this.actionsFor(workflow.config, document, me).map((a) => ({
          id: a.id,
          label: a.label[locale],
          commentRequired: a.commentRequired ?? false,
        })),
        attachments,
      };
    });
  }

  /**
   * Saves a draft: partially valid data is kept (its errors are returned), a save based on a
   * stale revision is refused with what changed since, and every save is a new revision.
   */
  save(id: string, baseRevision: number, data: Data, locale: Locale) {
    const me = this.principal();
    return this.db.transaction(async (em) => {
      const document = await this.load(em, id, true);
      const workflow = await WorkflowService.current(em);
      if (!this.stateOf(workflow.config, document.state)?.editable) {
        throw new ConflictException(`The document is ${document.state} and cannot be edited in that state`);
      }
      await assertMayPrepare(em, document, me);
      if (baseRevision !== document.revision) {
        const [base] = await em.query(`SELECT data FROM document_revisions WHERE document_id = $1 AND revision = $2`, [
          id,
          baseRevision,
        ]);
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `The document was saved by someone else (revision ${document.revision}; your changes are based on ${baseRevision}). Reload, reapply your changes and save again.`,
          currentRevision: document.revision,
          changes: base ? jsonDiff(base.data, document.data) : [],
        });
      }
      const { validator } = await this.forms.validatorFor(em, document.formVersionId);
      const checked = validator.validate(data, locale);
      if (checked.errors.some((e) => e.code === 'notObject'))
        throw new BadRequestException({ message: ['data must be a JSON object'] });
      const figures = figuresOf(document.kind, checked.data);
      const revision = document.revision + 1;
      // The WHERE on revision makes a lost update impossible even without the row lock.
      const result = await em.query(
        `UPDATE documents SET data = $3, revision = $4, valid = $5, error_count = $6, total_cost = $7, title = $8, sector = $9, districts = $10,
                updated_by = $11, updated_at = now()
          WHERE id = $1 AND revision = $2`,
        [
          id,
          document.revision,
          JSON.stringify(checked.data),
          revision,
          checked.valid,
          checked.errorCount,
          figures.totalCost,
          figures.title ?? document.title,
          figures.sector ?? document.sector,
          figures.districts.length ? figures.districts : document.districts,
          me.id,
        ],
      );
      if (result[1] !== 1) throw new ConflictException('The document was saved by someone else meanwhile; reload it');
      await em.query(
        `INSERT INTO document_revisions (document_id, revision, data, error_count, saved_by) VALUES ($1, $2, $3, $4, $5)`,
        [id, revision, JSON.stringify(checked.data), checked.errorCount, me.id],
      );
      await this.projects.refreshSummary(em, document.projectId);
      const changed = jsonDiff(document.data, checked.data).map((c) => c.pointer);
      await this.audit.record(em, {
        action: 'document.saved',
        targetType: 'document',
        targetId: id,
        details: { revision, changed: changed.slice(0, 50), errors: checked.errorCount },
      });
      const warnings = await this.warnings.withAnswers(em, id, checked.warnings);
      return {
        id,
        revision,
        valid: checked.valid,
        errors: checked.errors,
        errorCount: checked.errorCount,
        truncated: checked.truncated,
        warnings,
        warningCount: checked.warningCount,
        totalCost: figures.totalCost,
        data: checked.data,
      };
    });
  }

  revisions(id: string) {
    return this.db.transaction(async (em) => {
      await this.load(em, id);
      return em.query(
        `SELECT r.revision, r.error_count AS "errorCount", r.saved_at AS "savedAt", r.saved_by AS "savedBy", u.email AS "savedByEmail"
           FROM document_revisions r LEFT JOIN users u ON u.id = r.saved_by WHERE r.document_id = $1 ORDER BY r.revision DESC`,
        [id],
      );
    });
  }

  diff(id: string, from: number, to: number): Promise<{ from: number; to: number; changes: FieldChange[] }> {
    return this.db.transaction(async (em) => {
      await this.load(em, id);
      const rows: { revision: number; data: Data }[] = await em.query(
        `SELECT revision, data FROM document_revisions WHERE document_id = $1 AND revision = ANY($2)`,
        [id, [from, to]],
      );
      const a = rows.find((r) => r.revision === from);
      const b = rows.find((r) => r.revision === to);
      if (!a || !b) throw new NotFoundException(`Document ${id} has no revision ${!a ? from : to}`);
      return { from, to, changes: jsonDiff(a.data, b.data) };
    });
  }

  /** The workflow history, oldest first, with each actor's name (null for an account that no longer resolves). */
  transitions(id: string) {
    return this.db.transaction(async (em) => {
      await this.load(em, id);
      const rows: ({ actorId: string } & Record<string, unknown>)[] = await em.query(
        `SELECT t.action, t.from_state AS "from", t.to_state AS "to", t.actor_id AS "actorId", t.actor_email AS "actorEmail", t.comment,
                t.workflow_version AS "workflowVersion", t.forum, t.forum_rule_id AS "forumRuleId", r.code AS "forumRule", r.source AS "forumRuleSource", t.at
           FROM document_transitions t LEFT JOIN forum_rules r ON r.id = t.forum_rule_id WHERE t.document_id = $1 ORDER BY t.id`,
        [id],
      );
      const names = await this.users.namesOf(
        em,
        rows.map((r) => r.actorId),
      );
      return rows.map((r) => ({ ...r, actorName: names.get(r.actorId) ?? null }));
    });
  }

  /** The forum this document would go to today, and the rule that says so. */
  routing(id: string) {
    return this.db.transaction(async (em) => {
      const document = await this.load(em, id);
      return this.route(em, document, this.calendar.today());
    });
  }

  // --- workflow ---------------------------------------------------------------------------------

  /** Takes a workflow action, as the province's configuration allows, and records it. */
  act(id: string, actionId: string, comment: string | undefined, locale: Locale, decision?: DecisionDetails) {
    const me = this.principal();
    return this.db.transaction(async (em) => {
      const document = await this.load(em, id, true);
      const workflow = await WorkflowService.current(em);
      const action = workflow.config.actions.find((a) => a.id === actionId);
      if (!action)
        throw new NotFoundException(
          `No action "${actionId}" in this province's workflow; actions are ${workflow.config.actions.map((a) => a.id).join(', ')}`,
        );
      if (!action.from.includes(document.state))
        throw new ConflictException(`"${actionId}" cannot be taken on a document that is ${document.state}`);
      if (!action.roles.some((r) => me.roles.includes(r)))
        throw new ForbiddenException(`"${actionId}" needs the role ${action.roles.join(' or ')}`);
      if (action.commentRequired && !comment?.trim())
        throw new BadRequestException({ message: [`comment is required to ${action.label.en.toLowerCase()}`] });
      if (this.stateOf(workflow.config, document.state)?.editable) await assertMayPrepare(em, document, me);
      const [{ n: attachmentCount }] = await em.query(
        `SELECT count(*)::int AS n FROM attachments WHERE document_id = $1`,
        [id],
      );
      if (action.attachmentRequired && attachmentCount === 0)
        throw new BadRequestException({ message: [`${action.label.en} needs at least one attachment`] });
      if (action.requiresValid) await this.assertSubmittable(em, document, locale);
      // Decisions on one project are taken one at a time: two revisions approved at once would
      // otherwise both be measured against the same approved cost.
      await em.query(`SELECT 1 FROM projects WHERE id = $1 FOR UPDATE`, [document.projectId]);

      // One instant for the whole action, so its routing date, decision date and timestamps agree.
      const now = new Date();
      const today = this.calendar.dateOf(now);
      // A forum decision is recorded with its date, meeting and approved cost (src/approvals), and
      // routed by the rules in force on the day the forum decided, which may be in the past.
      const recordsDecision = this.approvals.recordsDecision(workflow.config, action, document.state, document.kind);
      if (decision && !recordsDecision) {
        throw new BadRequestException({
          message: [
            `decision: "${action.id}" on a ${document.kind} that is ${document.state} is not a forum decision; send no decision`,
          ],
        });
      }
      const checked = recordsDecision
        ? await this.approvals.checkDecision(em, this.decided(document), action.decision!, decision, today)
        : null;
      const decisionDate = checked?.decisionDate ?? today;
      const decidedAt = decisionDate < today ? instantOnDay(decisionDate) : now;
      const routing = ROUTED_KINDS.includes(document.kind) ? await this.route(em, document, decisionDate) : null;
      // The forum that decided: the rule of the decision date names it; a past decision with no
      // rule in force is recorded with the forum the request names (422 for one taken today).
      const deciding =
        checked && routing
          ? this.approvals.decidingForum(
              checked,
              routing,
              { forum: document.forum, forumRuleId: document.forumRuleId },
              routing.figures.totalCost,
            )
          : null;
      if (
        action.decision &&
        action.decision !== 'returned' &&
        ROUTED_KINDS.includes(document.kind) &&
        !routing?.rule &&
        !deciding?.forum
      ) {
        throw new UnprocessableEntityException(routing?.reason ?? 'No forum rule covers this document');
      }
      const forum = deciding ? deciding.forum : (routing?.rule?.forum ?? null);
      const forumRuleId = deciding ? deciding.forumRuleId : (routing?.rule?.id ?? null);
      const forumRule = forumRuleId && forumRuleId === routing?.rule?.id ? routing.rule.code : null;
      await em.query(
        `UPDATE documents SET state = $2, forum = $3, forum_rule_id = $4, submitted_at = COALESCE($5, submitted_at), decided_at = COALESCE($6, decided_at), updated_at = now() WHERE id = $1`,
        [
          id,
          action.to,
          forum ?? document.forum,
          forum ? forumRuleId : document.forumRuleId,
          action.requiresValid ? now : null,
          action.decision && action.decision !== 'returned' ? decidedAt : null,
        ],
      );
      const [transition] = await em.query(
        `INSERT INTO document_transitions (document_id, action, from_state, to_state, actor_id, actor_email, comment, workflow_version, forum, forum_rule_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          id,
          action.id,
          document.state,
          action.to,
          me.id,
          me.email,
          comment ?? null,
          workflow.version,
          forum,
          forumRuleId,
        ],
      );
      const record = checked
        ? await this.applyDecision(em, document, checked, routing, deciding, String(transition.id), me.id)
        : null;
      await this.projects.refreshSummary(em, document.projectId);
      await this.audit.record(em, {
        action: 'document.transition',
        targetType: 'document',
        targetId: id,
        details: {
          action: action.id,
          from: document.state,
          to: action.to,
          workflowVersion: workflow.version,
          forum,
          forumRule,
          ...(checked ? { decisionDate: checked.decisionDate, backdated: checked.decisionDate < today } : {}),
        },
      });
      // Mail, notifications and webhooks are written by the event's consumers in this same transaction.
      const eventType = documentEventOf(workflow.config, action);
      if (eventType) {
        const actorName = (await this.users.namesOf(em, [me.id])).get(me.id) ?? null;
        await this.events.publish(em, {
          type: eventType,
          data: {
            documentId: id,
            projectId: document.projectId,
            projectTitle: document.title,
            kind: document.kind,
            action: action.id,
            from: document.state,
            to: action.to,
            comment: comment?.trim() || null,
            forum: forum ?? document.forum,
            actorId: me.id,
            actorName,
            departmentId: document.departmentId,
            preparedBy: document.createdBy,
          },
        });
      }
      return {
        id,
        state: action.to,
        forum: forum ?? document.forum,
        forumRule,
        workflowVersion: workflow.version,
        decision: record,
      };
    });
  }

  private async assertSubmittable(em: EntityManager, document: ProjectDocument, locale: Locale): Promise<void> {
    const { validator } = await this.forms.validatorFor(em, document.formVersionId);
    const checked = validator.validate(document.data, locale);
    if (!checked.valid) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: `The document has ${checked.errorCount} error(s); fix them before submitting`,
        errors: checked.errors,
      });
    }
    // Warnings do not block a save, but each open one needs an answer before the document goes further.
    const unanswered = await this.warnings.unanswered(em, document.id, checked.warnings);
    if (unanswered.length) {
      const named = unanswered.map((w) => `item ${w.item ?? '?'} (${w.check})`).join(', ');
      const namedUr = unanswered.map((w) => `مد ${w.item ?? '?'} (${w.check})`).join('، ');
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: `${unanswered.length} warning(s) need an answer before submission: ${named}`,
        messageUr: `جمع کرانے سے پہلے ${unanswered.length} انتباہ(ات) کا جواب ضروری ہے: ${namedUr}`,
        warnings: unanswered,
      });
    }
    const cost = figuresOf(document.kind, checked.data).totalCost;
    if (cost && new Dec(cost).gte(FEASIBILITY_THRESHOLD)) {
      const [feasibility] = await em.query(
        `SELECT 1 FROM attachments WHERE document_id = $1 AND kind = 'feasibility-study'`,
        [document.id],
      );
      if (!feasibility) {
        const error: FormError = {
          pointer: '',
          code: 'feasibility',
          message: `A document costing Rs ${FEASIBILITY_THRESHOLD} million or more (this one: Rs ${cost} million) cannot be submitted without a feasibility study attached`,
        };
        throw new UnprocessableEntityException({
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: error.message,
          errors: [error],
        });
      }
    }
  }

  /**
   * A forum decision becomes an approval record; the project's status, approved cost, forum and
   * dates follow its records (src/approvals). A revision approved under a "within n %" rule
   * keeps the baseline its increase was measured against (migration 0007).
   */
  private async applyDecision(
    em: EntityManager,
    document: ProjectDocument,
    checked: CheckedDecision,
    routing: Routing | null,
    deciding: DecidingForum | null,
    transitionId: string,
    actorId: string,
  ) {
    return this.approvals.recordDecision(em, {
      document: this.decided(document),
      checked,
      forum: deciding ? deciding.forum : document.forum,
      forumRuleId: deciding ? deciding.forumRuleId : document.forumRuleId,
      baselineCost: routing?.baselineCost ?? null,
      increasePct: routing?.increasePct ?? null,
      routingWarnings: deciding?.warnings ?? routing?.warnings ?? [],
      transitionId,
      recordedBy: actorId,
    });
  }

  private decided(d: ProjectDocument): DecidedDocument {
    return { id: d.id, projectId: d.projectId, kind: d.kind, totalCost: d.totalCost, data: d.data };
  }

  /** The forum rules in force on `on` applied to the document (a revision: by its increase over the cost last approved by then). */
  private async route(em: EntityManager, document: ProjectDocument, on: string): Promise<Routing> {
    const figures = figuresOf(document.kind, document.data);
    if (!figures.totalCost) {
      return {
        rule: null,
        figures,
        increasePct: null,
        baselineCost: null,
        warnings: [],
        reason:
          'The document has no total cost that can be routed yet (it is missing, or beyond the largest amount a form accepts)',
      };
    }
    const { baselineCost, increasePct } =
      document.kind === 'pc1-revised'
        ? await this.increaseOverApproved(em, document.projectId, figures.totalCost, on)
        : NO_INCREASE;
    const decision = await this.forumRules.decide(em, {
      formKind: document.kind,
      totalCost: figures.totalCost,
      foreignFunding: figures.foreignFunding,
      whollyProvincial: figures.whollyProvincial,
      increasePct,
      on,
    });
    const warnings: RoutingWarning[] = decision.warnings.map((w) => ({
      code: w.code,
      message: { en: w.message, ur: w.messageUr },
    }));
    return decision.rule
      ? { rule: decision.rule, figures, increasePct, baselineCost, warnings }
      : {
          rule: null,
          figures,
          increasePct,
          baselineCost,
          warnings,
          reason: decision.reason ?? `No forum rule of this province covers Rs ${figures.totalCost} million on ${on}`,
        };
  }

  /**
   * A revision's cost increase, against the cost a forum last approved on its own authority by
   * the decision date, as the project's approval records say (a project approved before records
   * existed: as recorded on the project, see baseline_cost); never against the "original"
   * figures in the revised PC-I itself, which its preparer can edit.
   */
  private async increaseOverApproved(
    em: EntityManager,
    projectId: string,
    totalCost: string,
    on: string,
  ): Promise<{ baselineCost: string | null; increasePct: string | null }> {
    const recorded = await this.approvals.baselineOn(em, projectId, on);
    const baselineCost = recorded ?? (await this.projects.columnBaseline(em, projectId));
    if (!baselineCost || new Dec(baselineCost).isZero()) return NO_INCREASE;
    return { baselineCost, increasePct: this.approvals.increase(totalCost, baselineCost) };
  }

  // --- helpers ----------------------------------------------------------------------------------

  private async load(em: EntityManager, id: string, lock = false): Promise<ProjectDocument> {
    const document = await em
      .getRepository(ProjectDocument)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!document) throw new NotFoundException(`No document ${id} in this province`);
    return document;
  }

  private stateOf(config: WorkflowConfig, state: string) {
    return config.states.find((s) => s.id === state);
  }

  private actionsFor(config: WorkflowConfig, document: ProjectDocument, me: UserPrincipal): WorkflowAction[] {
    return config.actions.filter((a) => a.from.includes(document.state) && a.roles.some((r) => me.roles.includes(r)));
  }

  summary(d: ProjectDocument) {
    return {
      id: d.id,
      projectId: d.projectId,
      formKey: d.formKey,
      edition: d.edition,
      kind: d.kind,
      sequence: d.sequence,
      period: d.period,
      parentId: d.parentId,
      title: d.title,
      state: d.state,
      revision: d.revision,
      valid: d.valid,
      errorCount: d.errorCount,
      totalCost: d.totalCost,
      forum: d.forum,
      departmentId: d.departmentId,
      sector: d.sector,
      districts: d.districts,
      createdBy: d.createdBy,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
      submittedAt: d.submittedAt,
      decidedAt: d.decidedAt,
    };
  }

  // --- lists ------------------------------------------------------------------------------------

  /**
   * Lists for each role, filtered, sorted and paginated in SQL (indexes in migration 0006). Each
   * item carries its latest workflow transition (lastTransition, null before the first), read by
   * one LATERAL join on the page's rows; the actors' names come in one more query.
   *
   * mine=returned: documents I created that were sent back to me: in an editable state of the
   * province's workflow that their latest transition led into. Documents start in the initial
   * state with no transition, so a draft never counts; with the default workflow this is the
   * state "returned" (return for rectification), and a workflow that sends documents back to
   * "draft" is covered the same way. lastTransition.comment carries the reason.
   */
  list(query: ListDocumentsQuery) {
    const me = this.principal();
    return this.db.transaction(async (em) => {
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (v: unknown) => {
        params.push(v);
        return `$${params.length}`;
      };
      const workflow = await WorkflowService.current(em);
      const editable = workflow.config.states.filter((s) => s.editable).map((s) => s.id);
      if (query.mine === 'drafts') {
        where.push(`d.created_by = ${param(me.id)}`, `d.state = ANY(${param(editable)})`);
      } else if (query.mine === 'returned') {
        where.push(
          `d.created_by = ${param(me.id)}`,
          `d.state = ANY(${param(editable)})`,
          `(SELECT t.to_state FROM document_transitions t WHERE t.document_id = d.id ORDER BY t.id DESC LIMIT 1) = d.state`,
        );
      } else if (query.mine === 'awaiting') {
        const mine = workflow.config.actions.filter((a) => a.roles.some((r) => me.roles.includes(r)));
        const editableSet = new Set(editable);
        const review = [...new Set(mine.flatMap((a) => a.from).filter((s) => !editableSet.has(s)))];
        const own = [...new Set(mine.flatMap((a) => a.from).filter((s) => editableSet.has(s)))];
        where.push(
          `(d.state = ANY(${param(review)}) OR (d.state = ANY(${param(own)}) AND d.created_by = ${param(me.id)}))`,
        );
      }
      if (query.state) where.push(`d.state = ${param(query.state)}`);
      if (query.kind) where.push(`d.kind = ${param(query.kind)}`);
      if (query.departmentId) where.push(`d.department_id = ${param(query.departmentId)}`);
      if (query.district) where.push(`d.districts @> ARRAY[${param(query.district)}]::text[]`);
      if (query.sector) where.push(`d.sector = ${param(query.sector)}`);
      if (query.forum) where.push(`d.forum = ${param(query.forum)}`);
      if (query.minCost) where.push(`d.total_cost >= ${param(query.minCost)}::numeric`);
      if (query.maxCost) where.push(`d.total_cost <= ${param(query.maxCost)}::numeric`);
      if (query.q) {
        const words = titleWords(query.q);
        if (words.length)
          where.push(
            `to_tsvector('simple', d.title) @@ to_tsquery('simple', ${param(words.map((w) => `${w}:*`).join(' & '))})`,
          );
      }
      const sort = query.sort ?? '-updatedAt';
      const key = sort.replace('-', '') as 'updatedAt' | 'totalCost' | 'title' | 'createdAt';
      const column = {
        updatedAt: 'd.updated_at',
        totalCost: 'd.total_cost',
        title: 'd.title',
        createdAt: 'd.created_at',
      }[key];
      const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
      // Only the cost can be empty; the other sort keys are NOT NULL, and a NULLS clause on them
      // would stop Postgres from walking the (updated_at DESC, id DESC) index.
      const nulls = column === 'd.total_cost' ? ' NULLS LAST' : '';
      const { page, pageSize } = query;
      const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const filterParams = [...params];
      // The page first, then the latest transition of just its rows (LATERAL over the page).
      const rows: (ListedDocument & LastTransitionColumns)[] = await em.query(
        `SELECT page.*, lt.action AS "ltAction", lt.from_state AS "ltFromState", lt.to_state AS "ltToState", lt.comment AS "ltComment",
                lt.actor_id AS "ltActorId", lt.at AS "ltAt"
           FROM (
             SELECT d.id, d.project_id AS "projectId", d.form_key AS "formKey", d.edition, d.kind, d.title, d.state, d.revision, d.valid, d.error_count AS "errorCount",
                    d.total_cost AS "totalCost", d.forum, d.department_id AS "departmentId", d.sector, d.districts, d.created_by AS "createdBy",
                    d.created_at AS "createdAt", d.updated_at AS "updatedAt"
               FROM documents d ${filter}
              ORDER BY ${column} ${direction}${nulls}, d.id ${direction} LIMIT ${param(pageSize)} OFFSET ${param(offsetOf(query))}
           ) page
           LEFT JOIN LATERAL (
             SELECT t.action, t.from_state, t.to_state, t.comment, t.actor_id, t.at
               FROM document_transitions t WHERE t.document_id = page.id ORDER BY t.id DESC LIMIT 1
           ) lt ON true
          ORDER BY page."${key}" ${direction}${nulls}, page.id ${direction}`,
        params,
      );
      const names = await this.users.namesOf(
        em,
        rows.flatMap((r) => (r.ltActorId ? [r.ltActorId] : [])),
      );
      const items = rows.map(({ ltAction, ltFromState, ltToState, ltComment, ltActorId, ltAt, ...document }) => ({
        ...document,
        lastTransition: ltActorId
          ? {
              action: ltAction,
              fromState: ltFromState,
              toState: ltToState,
              comment: ltComment,
              actorId: ltActorId,
              actorName: names.get(ltActorId) ?? null,
              at: ltAt,
            }
          : null,
      }));
      // Counting every match of a broad filter over 100,000 documents costs more than the page
      // itself; past the cap the total is reported as "at least" (totalIsExact: false).
      const [{ total }] = await em.query(
        `SELECT count(*)::int AS total FROM (SELECT 1 FROM documents d ${filter} LIMIT ${LIST_COUNT_CAP + 1}) matches`,
        filterParams,
      );
      return { items, total: Math.min(total, LIST_COUNT_CAP), totalIsExact: total <= LIST_COUNT_CAP, page, pageSize };
    });
  }

  // --- read for exports -------------------------------------------------------------------------

  /** A document's summary and data with the definition of the form version it is pinned to (its tables, labels and options). */
  contentOf(id: string) {
    return this.db.transaction(async (em) => {
      const document = await this.load(em, id);
      const { validator, number } = await this.forms.validatorFor(em, document.formVersionId);
      return {
        document: this.summary(document),
        data: document.data,
        definition: validator.compiled.definition,
        formVersionNumber: number,
      };
    });
  }

  // --- read for printing (src/printing) ---------------------------------------------------------

  /**
   * One revision of a document as printed, in the caller's unit of work: its data, the form
   * version it is pinned to, the project's title, and whether it is approved (the current
   * revision in a state an approving action leads to; earlier revisions never are).
   */
  async printable(em: EntityManager, id: string, revision?: number) {
    const document = await this.load(em, id);
    const printed = revision ?? document.revision;
    if (printed < 1 || printed > document.revision) {
      throw new BadRequestException({
        message: [`revision must be between 1 and ${document.revision} for this document`],
      });
    }
    const data: Data =
      printed === document.revision
        ? document.data
        : (
            await em.query(`SELECT data FROM document_revisions WHERE document_id = $1 AND revision = $2`, [
              id,
              printed,
            ])
          )[0].data;
    const workflow = await WorkflowService.current(em);
    const approvedStates = new Set(workflow.config.actions.filter((a) => a.decision === 'approved').map((a) => a.to));
    const project = await em.getRepository(Project).findOneByOrFail({ id: document.projectId });
    return {
      id: document.id,
      formKey: document.formKey,
      formVersionId: document.formVersionId,
      revision: printed,
      data,
      approved: printed === document.revision && approvedStates.has(document.state),
      projectTitle: project.title,
    };
  }
}
