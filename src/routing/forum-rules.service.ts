import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../common/sql';
import { MasterDataService } from '../master-data/master-data.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { ForumRule, ForumRulesRepository } from './forum-rules.repository';
import { CreateForumRuleRequest } from './dto';
import { Dec } from '../forms/decimal';
import {
  conflictingRules,
  decideRouting,
  defaultLevel,
  forumSeedFor,
  ForumRuleData,
  ForumRulesSummary,
  RoutingDecision,
  RoutingInput,
  seedForumRules,
  summariseRules,
} from './forum-rules';

export type { ForumRule };

/** What installing the seed did: rules added, and rules left out because they would tie with the province's own. */
export interface SeedInstallReport {
  seed: string;
  inserted: string[];
  skipped: { code: string; conflicts: string[] }[];
}

/** A province's dated forum rules: which forum decides what, since when, on whose authority. */
@Injectable()
export class ForumRulesService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly repository: ForumRulesRepository,
    private readonly masterData: MasterDataService,
  ) {}

  /** The province's rules in the caller's unit of work (a run that routes many decisions reads them once). */
  rulesIn(em: EntityManager): Promise<ForumRule[]> {
    return this.repository.all(em);
  }

  /**
   * The codes of these rules, by id, in the caller's unit of work: taken from `rules` when the
   * caller has read them for its run, the others in one query.
   */
  async codesOf(em: EntityManager, ids: readonly string[], rules?: readonly ForumRule[]): Promise<Map<string, string>> {
    const wanted = new Set(ids);
    const codes = new Map((rules ?? []).filter((r) => wanted.has(r.id)).map((r) => [r.id, r.code]));
    const missing = [...wanted].filter((id) => !codes.has(id));
    if (missing.length) for (const [id, code] of await this.repository.codesOf(em, missing)) codes.set(id, code);
    return codes;
  }

  /**
   * The ids of the rules that apply only within a permitted increase (e.g. "within 15 %"), in the
   * caller's unit of work: taken from `rules` when the caller has read them for its run, else one query.
   */
  async limitedRuleIds(em: EntityManager, rules?: readonly ForumRule[]): Promise<string[]> {
    if (rules) return rules.filter((r) => r.maxIncreasePct !== null).map((r) => r.id);
    return this.repository.limitedIds(em);
  }

  /** The routing answer in the caller's unit of work: the deciding rule or the reason there is none, and warnings. */
  async decide(em: EntityManager, input: RoutingInput): Promise<RoutingDecision<ForumRule>> {
    return decideRouting(await this.repository.all(em), input);
  }

  /**
   * Inserts every seed rule whose code the province lacks (new eras and provinces in a release),
   * in the caller's unit of work. A seed rule that would tie with a rule already there (the
   * province may have changed its own) is left out and reported. Running it again changes nothing.
   */
  async installSeed(em: EntityManager, slug: string): Promise<SeedInstallReport> {
    await this.repository.lock(em);
    const existing: ForumRuleData[] = await this.repository.all(em);
    const codes = new Set(existing.map((r) => r.code));
    const report: SeedInstallReport = { seed: forumSeedFor(slug), inserted: [], skipped: [] };
    for (const rule of seedForumRules(slug)) {
      if (codes.has(rule.code)) continue;
      const clashes = conflictingRules(existing, rule);
      if (clashes.length) {
        report.skipped.push({ code: rule.code, conflicts: clashes.map((c) => c.code) });
        continue;
      }
      await this.repository.insert(em, rule);
      existing.push(rule);
      report.inserted.push(rule.code);
    }
    return report;
  }

  /** For the operator console: whether a provincial band is in force on `on`, and how many rules await confirmation. */
  async summary(em: EntityManager, on: string): Promise<ForumRulesSummary> {
    return summariseRules(await this.repository.all(em), on);
  }

  list(): Promise<ForumRule[]> {
    return this.db.transaction((em) => this.repository.all(em));
  }

  preview(input: RoutingInput) {
    return this.db.transaction(async (em) => {
      const { rule, reason, warnings } = await this.decide(em, input);
      return { input, forum: rule?.forum ?? null, rule, reason, warnings };
    });
  }

  /** Adds a dated rule (a change of limits is a new rule plus an end date on the old one). */
  async add(request: CreateForumRuleRequest): Promise<ForumRule> {
    if (
      request.minCost !== undefined &&
      request.maxCost !== undefined &&
      new Dec(request.maxCost).lte(new Dec(request.minCost))
    ) {
      throw new BadRequestException({ message: ['maxCost must be above minCost'] });
    }
    if (request.effectiveTo && request.effectiveTo < request.effectiveFrom)
      throw new BadRequestException({ message: ['effectiveTo must not be before effectiveFrom'] });
    const fields = {
      code: request.code,
      forum: request.forum,
      minCost: request.minCost ?? null,
      maxCost: request.maxCost ?? null,
      formKinds: request.formKinds ?? null,
      foreignFunding: request.foreignFunding ?? null,
      whollyProvincial: request.whollyProvincial ?? null,
      maxIncreasePct: request.maxIncreasePct ?? null,
      effectiveFrom: request.effectiveFrom,
      effectiveTo: request.effectiveTo ?? null,
      priority: request.priority,
      source: request.source,
      verify: request.verify ?? false,
    };
    const rule: ForumRuleData = { ...fields, level: request.level ?? defaultLevel(fields) };
    try {
      return await this.db.transaction(async (em) => {
        if (!(await this.masterData.has(em, 'approval-forums', request.forum)))
          throw new BadRequestException({
            message: [`forum: "${request.forum}" is not one of this province's approval forums`],
          });
        // Serialise rule changes in this province so two overlapping rules cannot both pass the check.
        await this.repository.lock(em);
        this.refuseTies(await this.repository.all(em), rule);
        const id = await this.repository.insert(em, rule);
        await this.audit.record(em, {
          action: 'forum-rule.created',
          targetType: 'forum-rule',
          targetId: id,
          details: { code: request.code, level: rule.level, forum: request.forum },
        });
        return (await this.repository.all(em)).find((r) => r.id === id)!;
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new BadRequestException({ message: [`code: a rule "${request.code}" already exists`] });
      throw error;
    }
  }

  /**
   * Ends a rule on a date (rules are never deleted: past decisions name them). A later end date
   * than before, or reopening an ended rule, must not make it tie with a rule added since.
   */
  end(id: string, effectiveTo: string): Promise<ForumRule> {
    return this.db.transaction(async (em) => {
      await this.repository.lock(em);
      const all = await this.repository.all(em);
      const rule = all.find((r) => r.id === id);
      if (!rule) throw new NotFoundException(`No forum rule ${id} in this province`);
      if (effectiveTo < rule.effectiveFrom)
        throw new BadRequestException({ message: ['effectiveTo must not be before the rule’s effectiveFrom'] });
      this.refuseTies(all, { ...rule, effectiveTo });
      await this.repository.end(em, id, effectiveTo);
      await this.audit.record(em, {
        action: 'forum-rule.ended',
        targetType: 'forum-rule',
        targetId: id,
        details: { effectiveTo },
      });
      return { ...rule, effectiveTo };
    });
  }

  /** 409 when `rule` would tie with another rule at its priority that names another forum. */
  private refuseTies(existing: readonly ForumRule[], rule: ForumRuleData): void {
    const clashes = conflictingRules(existing, rule);
    if (!clashes.length) return;
    throw new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message:
        `The rule overlaps ${clashes.map((c) => `"${c.code}" (${c.forum})`).join(', ')} at ` +
        `the same priority ${rule.priority} but names another forum; end the other rule the ` +
        `day before (POST /api/forum-rules/:id/end) or use another priority`,
      conflicts: clashes.map((c) => ({
        id: c.id,
        code: c.code,
        forum: c.forum,
        effectiveFrom: c.effectiveFrom,
        effectiveTo: c.effectiveTo,
      })),
    });
  }
}
