import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Dec, MONEY_SCALE } from '../forms/decimal';
import { fitToDefinition } from '../forms/fit';
import { FormsService } from '../forms/forms.service';
import { WorkflowService } from '../workflow/workflow.service';
import { ImportedProjectsRepository } from './imported-projects.repository';
import { ProjectsRepository } from './projects.repository';

type Data = Record<string, unknown>;

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
  /** The last decision on it ('approved-with-changes' counts as approved); its state follows. */
  lastDecision: string;
  /** The forum of that decision, and the day it approved (null: never approved). */
  forum: string | null;
  approvedOn: string | null;
  /** What a revision revises: the document last approved before it. */
  revises: { documentId: string; approvedCost: string; forum: string; approvedOn: string } | null;
  createdBy: string;
}

export interface ImportedProjectFacts {
  title: string;
  departmentCode: string;
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
  ) {}

  /** The project imported under this key, if any. */
  findByImportKey(em: EntityManager, importKey: string): Promise<string | null> {
    return this.repository.idByImportKey(em, importKey);
  }

  /** Which of these catalogue forms the province has published (documents can only be written on those). */
  async installedForms(em: EntityManager, keys: readonly string[]): Promise<Set<string>> {
    const installed = new Set<string>();
    for (const key of keys) {
      try {
        await this.forms.currentVersion(em, key);
        installed.add(key);
      } catch (error) {
        if (!(error instanceof NotFoundException)) throw error;
      }
    }
    return installed;
  }

  async createProject(em: EntityManager, p: NewImportedProject): Promise<string> {
    const departmentId = (await this.repository.departmentIds(em, [p.departmentCode])).get(p.departmentCode);
    if (!departmentId) throw new BadRequestException({ message: [`departmentCode: no department "${p.departmentCode}" in this province`] });
    const id = await this.repository.insertProject(em, {
      importKey: p.importKey, title: p.title, departmentId, sector: p.sector, districts: p.districts,
      adpNumber: p.adpSerial, computerCode: p.computerCode, createdBy: p.createdBy,
    });
    await this.audit.record(em, { action: 'project.imported', targetType: 'project', targetId: id, details: { importKey: p.importKey, title: p.title } });
    return id;
  }

  async addDocument(em: EntityManager, projectId: string, project: ImportedProjectFacts, d: NewImportedDocument): Promise<string> {
    const version = await this.forms.currentVersion(em, d.formKey);
    const { validator } = await this.forms.validatorFor(em, version.id);
    const checked = validator.validate(fitToDefinition(version.definition, this.dataOf(project, d)));
    const departmentId = (await this.repository.departmentIds(em, [project.departmentCode])).get(project.departmentCode)!;
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
      state: await this.stateAfter(em, d.lastDecision),
      data: checked.data,
      valid: checked.valid,
      errorCount: checked.errorCount,
      totalCost: d.documentCost,
      forum: d.forum,
      departmentId,
      sector: project.sector,
      districts: project.districts,
      decidedOn: d.approvedOn,
      createdBy: d.createdBy,
    });
    await this.audit.record(em, { action: 'document.imported', targetType: 'document', targetId: id, details: { projectId, formKey: d.formKey, kind: d.kind, importKey: d.importKey } });
    return id;
  }

  /** After its history is in: the project's status and the summary the project list shows. */
  async finish(em: EntityManager, projectId: string, status: 'approved' | 'completed', completedAt: string | null): Promise<void> {
    await this.repository.setStatus(em, projectId, status, completedAt);
    await this.projects.refreshSummary(em, projectId);
  }

  /** The state the province's workflow leads to by an action taking this decision (approved for an approval). */
  private async stateAfter(em: EntityManager, decision: string): Promise<string> {
    const { config } = await WorkflowService.current(em);
    const wanted = decision === 'approved-with-changes' ? 'approved' : decision;
    const action = config.actions.find((a) => a.decision === wanted) ?? config.actions.find((a) => a.decision === 'approved');
    if (!action) throw new BadRequestException({ message: ["decision: the province's workflow has no action that records this decision"] });
    return action.to;
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
      return { cover, name: { title: p.title }, location, capitalCost: { estimate: { rows: [costRow(d.documentCost, fec, year)] } } };
    }
    const revises = d.revises!;
    return {
      cover: { ...cover, parentDocumentId: revises.documentId, approvalForum: revises.forum, approvalDate: revises.approvedOn, revisionNumber: d.revisionNumber },
      name: { title: p.title },
      location,
      capitalCost: { original: { rows: [costRow(revises.approvedCost, new Dec(0))] }, revised: { rows: [costRow(d.documentCost, fec)] } },
    };
  }
}

/** '2013-09-15' → '2013-14'. */
function fiscalYearOf(date: string): string {
  const [year, month] = date.split('-').map(Number);
  const start = month >= FIRST_MONTH_OF_FISCAL_YEAR ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
