import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import stringify from 'safe-stable-stringify';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Locale } from '../forms/definition';
import { FormError, warningKey } from '../forms/form-validator';
import { FormsService } from '../forms/forms.service';
import { DaftarStore } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { UsersService } from '../users/users.service';
import { WorkflowService } from '../workflow/workflow.service';
import { DocumentsRepository } from './documents.repository';
import { PreparerAccess } from './preparer-access';
import { WarningAnswer, WarningAnswersRepository } from './warning-answers.repository';

/** A warning open on a document's current data, with the preparer's answer if one was given. */
export interface DocumentWarning {
  /** "check-id@/pointer": what the answer is stored under. */
  key: string;
  pointer: string;
  /** The proforma item it concerns ('0' is the cover page). */
  item: string | null;
  check: string;
  message: string;
  params: Record<string, unknown>;
  answer: { text: string; by: string; byName: string | null; at: Date } | null;
  /** An answer given while the warning had other figures: shown, but the warning needs a new one. */
  previousAnswer: { text: string; at: Date; figures: Record<string, unknown> } | null;
}

/** A warning's figures (what its answer was given for): its params without the check's id. */
function figuresOf(w: FormError): Record<string, unknown> {
  const { check: _check, ...figures } = w.params ?? {};
  return figures;
}

/**
 * Scrutiny warnings on documents and their answers. A warning never blocks a save; before a
 * document is submitted each open warning needs an answer from someone who may prepare it, and
 * reviewers read warnings and answers with the document. An answer is kept under the warning's
 * key with the figures it was given for: it answers the warning while those figures stand, and
 * when an edit changes them (an allocation answered at 91 % raised to 99 %) the warning needs a
 * new answer. One whose warning is no longer open is kept but not shown.
 */
@Injectable()
export class DocumentWarningsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly forms: FormsService,
    private readonly answers: WarningAnswersRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly cls: ClsService<DaftarStore>,
    private readonly workflow: WorkflowService,
    private readonly access: PreparerAccess,
    private readonly documents: DocumentsRepository,
  ) {}

  /**
   * The open warnings (from validating the document's current data), each with its answer; in the
   * caller's unit of work.
   */
  async withAnswers(em: EntityManager, documentId: string, warnings: FormError[]): Promise<DocumentWarning[]> {
    if (!warnings.length) return [];
    const given = new Map((await this.answers.answersOf(em, documentId)).map((a) => [a.key, a]));
    const names = await this.users.namesOf(em, [...new Set([...given.values()].map((a) => a.by))]);
    return warnings.map((w) => this.describe(w, given.get(warningKey(w)), names));
  }

  /** The open warnings still without an answer: submission waits for them. */
  async unanswered(em: EntityManager, documentId: string, warnings: FormError[]): Promise<DocumentWarning[]> {
    return (await this.withAnswers(em, documentId, warnings)).filter((w) => w.answer === null);
  }

  /**
   * Answers one open warning (or replaces its answer): while the document is editable, by someone
   * who may prepare it, and only for a warning its current data raises.
   */
  answer(documentId: string, key: string, text: string, locale: Locale): Promise<DocumentWarning> {
    const me = this.cls.get('principal');
    if (me?.kind !== 'user') throw new ForbiddenException('Only province users work on documents');
    return this.db.transaction(async (em) => {
      const document = await this.documents.document(em, documentId, true);
      if (!document) throw new NotFoundException(`No document ${documentId} in this province`);
      const workflow = await this.workflow.current(em);
      if (!workflow.config.states.find((s) => s.id === document.state)?.editable) {
        throw new ConflictException(`The document is ${document.state}; warnings are answered while it can be edited`);
      }
      await this.access.assertMayPrepare(em, document, me);
      const { validator } = await this.forms.validatorFor(em, document.formVersionId);
      const open = validator.validate(document.data, locale).warnings;
      const warning = open.find((w) => warningKey(w) === key);
      if (!warning) {
        const keys = open.map(warningKey);
        throw new BadRequestException({
          message: [
            `key: "${key}" is not a warning open on this ` +
              `document${keys.length ? ` (open: ${keys.join(', ')})` : ' (it has none)'}`,
          ],
        });
      }
      const before = (await this.answers.answersOf(em, documentId)).find((a) => a.key === key);
      const saved = await this.answers.save(em, documentId, key, text, me.id, figuresOf(warning));
      await this.audit.record(em, {
        action: 'document.warning-answered',
        targetType: 'document',
        targetId: documentId,
        details: { key, answer: text, ...(before ? { replaced: before.text } : {}) },
      });
      return this.describe(warning, saved, await this.users.namesOf(em, [me.id]));
    });
  }

  private describe(w: FormError, answer: WarningAnswer | undefined, names: Map<string, string>): DocumentWarning {
    const described = {
      key: warningKey(w),
      pointer: w.pointer,
      item: w.item ?? null,
      check: String(w.params?.check),
      message: w.message,
      params: w.params ?? {},
    };
    const current = answer && stringify(answer.figures) === stringify(figuresOf(w));
    return {
      ...described,
      answer:
        answer && current
          ? { text: answer.text, by: answer.by, byName: names.get(answer.by) ?? null, at: answer.at }
          : null,
      previousAnswer: answer && !current ? { text: answer.text, at: answer.at, figures: answer.figures } : null,
    };
  }
}
