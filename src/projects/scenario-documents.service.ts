import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { instantOnDay } from '../common/calendar';
import { FormsService } from '../forms/forms.service';
import { WorkflowService } from '../workflow/workflow.service';
import { figuresOf } from './document-figures';
import { KIND_OF_FORM } from './document-kinds';
import { DocumentsRepository } from './documents.repository';
import { ProjectsRepository } from './projects.repository';

type Data = Record<string, unknown>;

/** Who a planted step is recorded as (a scenario actor of the sandbox). */
export interface ScenarioActor {
  id: string;
  email: string;
}

/** One workflow action of a planted document's history, oldest first. */
export interface ScenarioStep {
  action: string;
  from: string;
  to: string;
  comment: string | null;
  actor: ScenarioActor;
}

/** A synthetic project with one document that has already walked `history` through the workflow. */
export interface ScenarioProjectPlan {
  title: string;
  formKey: string;
  departmentId: string | null;
  sector: string | null;
  districts: string[];
  data: Data;
  author: ScenarioActor;
  history: ScenarioStep[];
  /** For a document whose history ends in approval: the day the forum approved it and which forum. */
  approval?: { on: string; forum: string | null };
}

/**
 * Writes the scenario set of a training sandbox (src/training): a project and its document in the
 * state its history leads to, pinned to the province's current form version and validated like any
 * document (so a draft with errors shows them), with the history's transitions and comments as the
 * trainees will read them. Runs in the caller's unit of work. The history is recorded, not replayed:
 * the scenario must exist even where its data would not pass every check of a live submission.
 */
@Injectable()
export class ScenarioDocumentsService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly projects: ProjectsRepository,
    private readonly forms: FormsService,
    private readonly workflow: WorkflowService,
    private readonly audit: AuditService,
  ) {}

  async plant(em: EntityManager, plan: ScenarioProjectPlan): Promise<{ projectId: string; documentId: string }> {
    const workflow = await this.workflow.current(em);
    const kind = KIND_OF_FORM[plan.formKey];
    if (!kind) throw new Error(`scenario: ${plan.formKey} is not a project form`);
    const version = await this.forms.currentVersion(em, plan.formKey);
    const { validator } = await this.forms.validatorFor(em, version.id);
    const checked = validator.validate(plan.data);
    const figures = figuresOf(kind, checked.data);
    const state = plan.history.at(-1)?.to ?? workflow.config.initial;
    const project = await this.documents.insertProject(em, {
      title: plan.title,
      departmentId: plan.departmentId,
      sector: plan.sector,
      districts: plan.districts,
      createdBy: plan.author.id,
    });
    const submitted = plan.history.find((s) => workflow.config.actions.find((a) => a.id === s.action)?.requiresValid);
    const document = await this.documents.insertDocument(em, {
      projectId: project.id,
      formKey: plan.formKey,
      formVersionId: version.id,
      edition: this.forms.editionOf(plan.formKey),
      kind,
      title: figures.title ?? plan.title,
      state,
      revision: 1,
      data: checked.data,
      valid: checked.valid,
      errorCount: checked.errorCount,
      totalCost: figures.totalCost,
      forum: plan.approval?.forum ?? null,
      departmentId: plan.departmentId,
      sector: figures.sector ?? plan.sector,
      districts: figures.districts.length ? figures.districts : plan.districts,
      createdBy: plan.author.id,
      updatedBy: plan.author.id,
      submittedAt: submitted ? new Date() : null,
      decidedAt: plan.approval ? instantOnDay(plan.approval.on) : null,
    });
    await this.documents.insertRevision(em, document.id, 1, checked.data, checked.errorCount, plan.author.id);
    for (const step of plan.history) {
      await this.documents.insertTransition(em, {
        documentId: document.id,
        action: step.action,
        from: step.from,
        to: step.to,
        actorId: step.actor.id,
        actorEmail: step.actor.email,
        comment: step.comment,
        workflowVersion: workflow.version,
        forum: null,
        forumRuleId: null,
      });
    }
    if (plan.approval && figures.totalCost) {
      await this.projects.applyApprovals(em, project.id, {
        approvedCost: figures.totalCost,
        approvedForum: plan.approval.forum,
        approvedDocumentId: document.id,
        approvedAt: plan.approval.on,
        baselineCost: figures.totalCost,
        completedAt: null,
        rejected: false,
      });
    }
    await this.projects.refreshSummary(em, project.id);
    await this.audit.record(em, {
      action: 'training.scenario.planted',
      targetType: 'document',
      targetId: document.id,
      actor: { type: 'system' },
      details: { projectId: project.id, formKey: plan.formKey, state },
    });
    return { projectId: project.id, documentId: document.id };
  }
}
