import { BadRequestException, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { instantOnDay } from '../common/calendar';
import { Dec, MONEY_SCALE } from '../forms/decimal';
import { fitToDefinition } from '../forms/fit';
import { FormsService } from '../forms/forms.service';
import { WorkflowService } from '../workflow/workflow.service';
import { ImportedProjectsRepository } from './imported-projects.repository';
import { ProjectsRepository } from './projects.repository';

type Data = Record<string, unknown>;

/**
 * Decision → the final workflow state an action taking it leads to, read once per import run.
 * A decision the province's workflow records with no such action is absent: an imported document
 * must rest in a final state, never one from which it could be edited or decided again.
 */
export type FinalStates = ReadonlyMap<string, string>;

/** The one cost row an imported document carries: its key figures, not the province's item-wise table. */
const IMPORTED_COST_ITEM = 'Total cost as recorded (imported key figures; item-wise estimate not imported)';
const PROVINCE_WIDE = 'province-wide';
/** The financial year starts on 1 July. */
const FIRST_MONTH_OF_FISCAL_YEAR = 7;

export interface NewImportedProject extends ImportedProjectFacts {
  importKey: string;
  createdBy: string;
}

/** What an imported PC-I or revised PC-I says (its key figures), and where it stands. */
export interface NewImportedDocument {
  importKey: string;
  formKey: string;
  edition: string;
  kind: 'pc1' | 'pc1-revised';
  /** 0 for the PC-I; 1, 2 … for its revisions. */
  revisionNumber: number;
  preparationDate: string | null;
  /** Rs million. */
  documentCost: string;
  fecCost: string | null;
  /**
   * The decision its state follows: its approval, else its last decision ('approved-with-changes'
   * counts as approved). Only decisions that end in a final state of the workflow are accepted.
   */
  lastDecision: string;
  /** The forum of that decision, and its date. */
  forum: string | null;
  decidedOn: string;
  /** What a revision revises: the document last approved before it. */
  revises: { documentId: string; approvedCost: string; forum: string; approvedOn: string } | null;
  createdBy: string;
}

export interface ImportedProjectFacts {
  title: string;
  departmentCode: string;
  /** The department of that code (DepartmentsService.idsByCode, resolved once per import). */
  departmentId: string;
  sector: string;
  provinceWide: boolean;
  districts: string[];
  adpSerial: string | null;
  computerCode: string | null;
}

/**
 * Writes the projects and documents a province brings from its records (src/imports), in the
 * caller's unit of work. An imported document holds the key figures only (title, cover, location,
 * one cost row with the recorded total, dates) on the form and edition it was prepared on, in the
 * workflow state its last decision leads to, marked by its import_key. It is validated like any
 * document, so `valid` is false and `errorCount` says how much of the proforma was not imported:
 * an honest description of an incomplete record, which nobody edits (the state is final) and whose
 * cost, forum and dates come from the import and its approval records, not from the missing items.
 */
@Injectable()
export class ImportedProjectsService {
  constructor(
    private readonly repository: ImportedProjectsRepository,
    private readonly projects: ProjectsRepository,
    private readonly forms: FormsService,
    private readonly audit: AuditService,
    private readonly workflow: WorkflowService,
  ) {}

  /** The project imported under this key, if any. */
  findByImportKey(em: EntityManager, importKey: string): Promise<string | null> {
    return this.repository.idByImportKey(em, importKey);
  }

  /**
   * Which of these catalogue forms the province has published (documents can only be written on
   * those), in one query.
   */
  installedForms(em: EntityManager, keys: readonly string[]): Promise<Set<string>> {
    return this.forms.installedForms(em, keys);
  }

  /** The province's workflow as the import needs it (FinalStates), read once per run. */
  async finalStates(em: EntityManager): Promise<FinalStates> {
    const { config } = await this.workflow.current(em);
    const final = new Set(config.states.filter((s) => s.final).map((s) => s.id));
    const states = new Map<string, string>();
    for (const a of config.actions) {
      if (a.decision && final.has(a.to) && !states.has(a.decision)) states.set(a.decision, a.to);
    }
    return states;
  }

  async createProject(em: EntityManager, p: NewImportedProject): Promise<string> {
    const id = await this.repository.insertProject(em, {
      importKey: p.importKey,
      title: p.title,
      departmentId: p.departmentId,
      sector: p.sector,
      districts: p.districts,
      adpNumber: p.adpSerial,
      computerCode: p.computerCode,
      createdBy: p.createdBy,
    });
    await this.audit.record(em, {
      action: 'project.imported',
      targetType: 'project',
      targetId: id,
      details: { importKey: p.importKey, title: p.title },
    });
    return id;
  }

  async addDocument(
    em: EntityManager,
    projectId: string,
    project: ImportedProjectFacts,
    d: NewImportedDocument,
    finalStates: FinalStates,
  ): Promise<string> {
    const state = stateAfter(finalStates, d.lastDecision);
    const version = await this.forms.currentVersion(em, d.formKey);
    const { validator } = await this.forms.validatorFor(em, version.id);
    const checked = validator.validate(fitToDefinition(version.definition, this.dataOf(project, d)));
    const id = await this.repository.insertDocument(em, {
      projectId,
      importKey: d.importKey,
      formKey: d.formKey,
      formVersionId: version.id,
      edition: d.edition,
      kind: d.kind,
      sequence: d.revisionNumber,
      parentId: d.revises?.documentId ?? null,
      title: project.title,
      state,
      data: checked.data,
      valid: checked.valid,
      errorCount: checked.errorCount,
      totalCost: d.documentCost,
      forum: d.forum,
      departmentId: project.departmentId,
      sector: project.sector,
      districts: project.districts,
      decidedAt: instantOnDay(d.decidedOn),
      createdBy: d.createdBy,
    });
    await this.audit.record(em, {
      action: 'document.imported',
      targetType: 'document',
      targetId: id,
      details: { projectId, formKey: d.formKey, kind: d.kind, importKey: d.importKey },
    });
    return id;
  }

  /** After its history is in: the project's status and the summary the project list shows. */
  async finish(
    em: EntityManager,
    projectId: string,
    status: 'approved' | 'completed',
    completedAt: string | null,
  ): Promise<void> {
    await this.repository.setStatus(em, projectId, status, completedAt);
    await this.projects.refreshSummary(em, projectId);
  }

  /** The key figures in the form's own fields; what the target form does not have is dropped by fitToDefinition. */
  private dataOf(p: ImportedProjectFacts, d: NewImportedDocument): Data {
    const fec = new Dec(d.fecCost ?? '0');
    const costRow = (total: string, fecPart: Dec, year?: string) => ({
      item: IMPORTED_COST_ITEM,
      ...(year ? { year } : {}),
      local: new Dec(total).minus(fecPart).toFixed(MONEY_SCALE),
      fec: fecPart.toFixed(MONEY_SCALE),
    });
    const cover: Data = {
      sector: p.sector,
      adpNumber: p.adpSerial ?? undefined,
      computerCode: p.computerCode ?? undefined,
      totalCost: d.documentCost,
      preparationDate: d.preparationDate ?? undefined,
      sponsoringDepartment: p.departmentCode,
    };
    const location = {
      scope: p.provinceWide ? PROVINCE_WIDE : p.districts.length > 1 ? 'multi-district' : 'district',
      districts: p.districts,
    };
    const year = d.preparationDate ? fiscalYearOf(d.preparationDate) : undefined;
    if (d.kind === 'pc1') {
      return {
        cover,
        name: { title: p.title },
        location,
        capitalCost: { estimate: { rows: [costRow(d.documentCost, fec, year)] } },
      };
    }
    const revises = d.revises!;
    return {
      cover: {
        ...cover,
        parentDocumentId: revises.documentId,
        approvalForum: revises.forum,
        approvalDate: revises.approvedOn,
        revisionNumber: d.revisionNumber,
      },
      name: { title: p.title },
      location,
      capitalCost: {
        original: { rows: [costRow(revises.approvedCost, new Dec(0))] },
        revised: { rows: [costRow(d.documentCost, fec)] },
      },
    };
  }
}

/**
 * The final state the province's workflow leads to by an action taking this decision (an
 * approval with changes is an approval); a 400 naming the decision when there is none, so the
 * project is refused rather than left where it could be edited or decided again.
 */
function stateAfter(finalStates: FinalStates, decision: string): string {
  const state = finalStates.get(decision === 'approved-with-changes' ? 'approved' : decision);
  if (state) return state;
  throw new BadRequestException({
    message: [
      `decision: the province's workflow has no action that records "${decision}" ` +
        `and ends in a final state; an imported document must rest in a final state`,
    ],
    messageUr: [
      `فیصلہ: صوبے کے ورک فلو میں کوئی ایسا عمل نہیں جو "${decision}" درج کرے اور ` +
        `حتمی مرحلے پر ختم ہو؛ درآمد شدہ دستاویز کا حتمی مرحلے میں ہونا لازمی ہے`,
    ],
  });
}

/** '2013-09-15' → '2013-14'. */
function fiscalYearOf(date: string): string {
  const [year, month] = date.split('-').map(Number);
  const start = month >= FIRST_MONTH_OF_FISCAL_YEAR ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
