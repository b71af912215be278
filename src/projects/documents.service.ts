import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  OnModuleInit,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Calendar, instantOnDay } from '../common/calendar';
import { FieldChange, jsonDiff } from '../common/json-diff';
import { offsetOf } from '../common/paging';
import { AttachmentsService } from '../attachments/attachments.service';
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
import { PreparerAccess } from './preparer-access';
import { Project } from './project.entity';
import { DecidedDocument } from '../approvals/approval-subjects';
import { ProjectsRepository } from './projects.repository';
import { DocumentsRepository, MineFilter } from './documents.repository';
import { periodProblem } from './reporting-period';
import { titleWords } from './title-search';

type Data = Record<string, unknown>;
/** A document as lists show it. */
type UserPrincipal = Extract<Principal, { kind: 'user' }>;
/**
 * A document's routing on a date: the deciding rule (or why none), the figures it was read from,
 * a revision's increase.
 */
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
export class DocumentsService implements OnModuleInit {
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
    private readonly attachments: AttachmentsService,
    private readonly documentsRepo: DocumentsRepository,
    private readonly workflow: WorkflowService,
    private readonly access: PreparerAccess,
  ) {}

  /** The workflow must keep the states documents are in; it sits below projects, so it is told where they are. */
  onModuleInit(): void {
    this.workflow.useStatesInUse((em) => this.projects.statesInUse(em));
  }

  private principal(): UserPrincipal {
    const p = this.cls.get('principal');
    if (p?.kind !== 'user') throw new ForbiddenException('Only province users work on documents');
    return p;
  }

  // --- projects ---------------------------------------------------------------------------------

  createProject(request: CreateProjectRequest) {
    const me = this.principal();
    return this.db.transaction(async (em) => {
      const departmentId = await this.access.departmentForNewProject(em, request.departmentId, me);
      if (departmentId) {
        const active = await this.departments.isActive(em, departmentId);
        if (active === null)
          throw new BadRequestException({ message: [`departmentId: no department ${departmentId} in this province`] });
        // A deactivated department keeps its projects but takes no new ones.
        if (!active)
          throw new BadRequestException({
            message: [`departmentId: department ${departmentId} is deactivated; choose an active department`],
          });
      }
      const project = await this.documentsRepo.insertProject(em, {
        title: request.title,
        departmentId,
        sector: request.sector ?? null,
        districts: request.districts ?? [],
        createdBy: me.id,
      });
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
      const project = await this.documentsRepo.project(em, id);
      const listed = project && (await this.projects.summary(em, id));
      if (!project || !listed) throw new NotFoundException(`No project ${id} in this province`);
      const documents = await this.documentsRepo.documentsOf(em, id);
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
      const project = await this.documentsRepo.project(em, projectId, true);
      if (!project) throw new NotFoundException(`No project ${projectId} in this province`);
      await this.access.assertMayPrepare(em, project, me);
      const approved = await this.documentsRepo.latestApprovedPcI(em, projectId);
      if (!approved || project.status === 'preparation') {
        throw new ConflictException(`${request.formKey} follows an approved PC-I; project ${projectId} has none yet`);
      }
      const sequence = kind === 'pc1-revised' ? 1 + (await this.documentsRepo.countOfKind(em, projectId, kind)) : 0;
      if (request.period && (await this.documentsRepo.hasPeriod(em, projectId, kind, request.period))) {
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
    return (await this.documentsRepo.firstPcI(em, projectId)) ?? fallback;
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
    const workflow = await this.workflow.current(em);
    const kind = KIND_OF_FORM[spec.formKey];
    const { validator } = await this.forms.validatorFor(em, spec.versionId);
    const checked = validator.validate(spec.data);
    const figures = figuresOf(kind, checked.data);
    const document = await this.documentsRepo.insertDocument(em, {
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
    });
    await this.documentsRepo.insertRevision(em, document.id, 1, checked.data, checked.errorCount, me.id);
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
      const workflow = await this.workflow.current(em);
      const attachments = await this.attachments.listOf(em, id);
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
      const workflow = await this.workflow.current(em);
      if (!this.stateOf(workflow.config, document.state)?.editable) {
        throw new ConflictException(`The document is ${document.state} and cannot be edited in that state`);
      }
      await this.access.assertMayPrepare(em, document, me);
      if (baseRevision !== document.revision) {
        const base = await this.documentsRepo.revisionData(em, id, baseRevision);
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message:
            `The document was saved by someone else (revision ${document.revision}; ` +
            `your changes are based on ${baseRevision}). Reload, reapply your changes and save again.`,
          currentRevision: document.revision,
          changes: base ? jsonDiff(base, document.data) : [],
        });
      }
      const { validator } = await this.forms.validatorFor(em, document.formVersionId);
      const checked = validator.validate(data, locale);
      if (checked.errors.some((e) => e.code === 'notObject'))
        throw new BadRequestException({ message: ['data must be a JSON object'] });
      const figures = figuresOf(document.kind, checked.data);
      const revision = document.revision + 1;
      // The WHERE on revision makes a lost update impossible even without the row lock.
      const saved = await this.documentsRepo.saveData(em, id, document.revision, {
        data: checked.data,
        revision,
        valid: checked.valid,
        errorCount: checked.errorCount,
        totalCost: figures.totalCost,
        title: figures.title ?? document.title,
        sector: figures.sector ?? document.sector,
        districts: figures.districts.length ? figures.districts : document.districts,
        updatedBy: me.id,
      });
      if (!saved) throw new ConflictException('The document was saved by someone else meanwhile; reload it');
      await this.documentsRepo.insertRevision(em, id, revision, checked.data, checked.errorCount, me.id);
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
      const rows = await this.documentsRepo.revisions(em, id);
      // Who saved each: their email through UsersService (null for an account that no longer resolves).
      const emails = await this.users.emailsOf(
        em,
        rows.flatMap((r) => (r.savedBy ? [r.savedBy] : [])),
      );
      return rows.map((r) => ({ ...r, savedByEmail: (r.savedBy && emails.get(r.savedBy)) ?? null }));
    });
  }

  diff(id: string, from: number, to: number): Promise<{ from: number; to: number; changes: FieldChange[] }> {
    return this.db.transaction(async (em) => {
      await this.load(em, id);
      const rows = await this.documentsRepo.revisionsData(em, id, [from, to]);
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
      const rows = await this.documentsRepo.transitions(em, id);
      // The rule each routing named, through ForumRulesService (a province has tens of rules).
      const rules = new Map((await this.forumRules.rulesIn(em)).map((r) => [r.id, r]));
      const names = await this.users.namesOf(
        em,
        rows.map((r) => r.actorId),
      );
      return rows.map(({ at, ...r }) => {
        const rule = r.forumRuleId ? rules.get(r.forumRuleId) : undefined;
        const forumRule = rule?.code ?? null;
        const forumRuleSource = rule?.source ?? null;
        return { ...r, forumRule, forumRuleSource, at, actorName: names.get(r.actorId) ?? null };
      });
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
      const workflow = await this.workflow.current(em);
      const action = workflow.config.actions.find((a) => a.id === actionId);
      if (!action)
        throw new NotFoundException(
          `No action "${actionId}" in this province's workflow; ` +
            `actions are ${workflow.config.actions.map((a) => a.id).join(', ')}`,
        );
      if (!action.from.includes(document.state))
        throw new ConflictException(`"${actionId}" cannot be taken on a document that is ${document.state}`);
      if (!action.roles.some((r) => me.roles.includes(r)))
        throw new ForbiddenException(`"${actionId}" needs the role ${action.roles.join(' or ')}`);
      if (action.commentRequired && !comment?.trim())
        throw new BadRequestException({ message: [`comment is required to ${action.label.en.toLowerCase()}`] });
      if (this.stateOf(workflow.config, document.state)?.editable) await this.access.assertMayPrepare(em, document, me);
      const attachmentCount = await this.attachments.countOf(em, id);
      if (action.attachmentRequired && attachmentCount === 0)
        throw new BadRequestException({ message: [`${action.label.en} needs at least one attachment`] });
      if (action.requiresValid) await this.assertSubmittable(em, document, locale);
      // Decisions on one project are taken one at a time: two revisions approved at once would
      // otherwise both be measured against the same approved cost.
      await this.documentsRepo.lockProject(em, document.projectId);

      // One instant for the whole action, so its routing date, decision date and timestamps agree.
      const now = new Date();
      const today = this.calendar.dateOf(now);
      // A forum decision is recorded with its date, meeting and approved cost (src/approvals), and
      // routed by the rules in force on the day the forum decided, which may be in the past.
      const recordsDecision = this.approvals.recordsDecision(workflow.config, action, document.state, document.kind);
      if (decision && !recordsDecision) {
        throw new BadRequestException({
          message: [
            `decision: "${action.id}" on a ${document.kind} that is ` +
              `${document.state} is not a forum decision; send no decision`,
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
      await this.documentsRepo.moveState(em, id, {
        state: action.to,
        forum: forum ?? document.forum,
        forumRuleId: forum ? forumRuleId : document.forumRuleId,
        submittedAt: action.requiresValid ? now : null,
        decidedAt: action.decision && action.decision !== 'returned' ? decidedAt : null,
      });
      const transition = await this.documentsRepo.insertTransition(em, {
        documentId: id,
        action: action.id,
        from: document.state,
        to: action.to,
        actorId: me.id,
        actorEmail: me.email,
        comment: comment ?? null,
        workflowVersion: workflow.version,
        forum,
        forumRuleId,
      });
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
      if (!(await this.attachments.hasKind(em, document.id, 'feasibility-study'))) {
        const error: FormError = {
          pointer: '',
          code: 'feasibility',
          message:
            `A document costing Rs ${FEASIBILITY_THRESHOLD} million or more (this one: ` +
            `Rs ${cost} million) cannot be submitted without a feasibility study attached`,
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

  /**
   * The forum rules in force on `on` applied to the document (a revision: by its increase over the
   * cost last approved by then).
   */
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
          'The document has no total cost that can be routed yet (it is missing, ' +
          'or beyond the largest amount a form accepts)',
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
    const document = await this.documentsRepo.document(em, id, lock);
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
      const workflow = await this.workflow.current(em);
      const editable = workflow.config.states.filter((s) => s.editable).map((s) => s.id);
      let mine: MineFilter | undefined;
      if (query.mine === 'drafts' || query.mine === 'returned') {
        mine = { kind: query.mine, userId: me.id, editable };
      } else if (query.mine === 'awaiting') {
        const acts = workflow.config.actions.filter((a) => a.roles.some((r) => me.roles.includes(r)));
        const editableSet = new Set(editable);
        const review = [...new Set(acts.flatMap((a) => a.from).filter((s) => !editableSet.has(s)))];
        const own = [...new Set(acts.flatMap((a) => a.from).filter((s) => editableSet.has(s)))];
        mine = { kind: 'awaiting', userId: me.id, review, own };
      }
      const words = query.q ? titleWords(query.q) : [];
      const { page, pageSize } = query;
      const { rows, total } = await this.documentsRepo.list(em, {
        ...query,
        mine,
        titleQuery: words.length ? words.map((w) => `${w}:*`).join(' & ') : undefined,
        sort: query.sort ?? '-updatedAt',
        offset: offsetOf(query),
        countCap: LIST_COUNT_CAP,
      });
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
      return { items, total: Math.min(total, LIST_COUNT_CAP), totalIsExact: total <= LIST_COUNT_CAP, page, pageSize };
    });
  }

  // --- read for exports -------------------------------------------------------------------------

  /**
   * A document's summary and data with the definition of the form version it is pinned to (its
   * tables, labels and options).
   */
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
      printed === document.revision ? document.data : ((await this.documentsRepo.revisionData(em, id, printed)) ?? {});
    const workflow = await this.workflow.current(em);
    const approvedStates = new Set(workflow.config.actions.filter((a) => a.decision === 'approved').map((a) => a.to));
    const project = await this.documentsRepo.project(em, document.projectId);
    if (!project) throw new NotFoundException(`No project ${document.projectId} in this province`);
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
