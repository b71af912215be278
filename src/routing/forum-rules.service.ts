import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../common/sql';
import { TenantDatabase } from '../tenancy/tenant-database.service';
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

export interface ForumRule extends ForumRuleData {
  id: string;
}

const COLUMNS = `id, code, level, forum, min_cost::text AS "minCost", max_cost::text AS "maxCost", form_kinds AS "formKinds",
  foreign_funding AS "foreignFunding", wholly_provincial AS "whollyProvincial", max_increase_pct::text AS "maxIncreasePct",
  to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", to_char(effective_to, 'YYYY-MM-DD') AS "effectiveTo",
  priority, source, verify`;

/** Normalises numeric text from Postgres ("400.000") to the shortest form ("400"). */
const trim = (v: string | null) => (v === null ? null : v.includes('.') ? v.replace(/\.?0+$/, '') : v);

/** What installing the seed did: rules added, and rules left out because they would tie with the province's own. */
export interface SeedInstallReport {
  seed: string;
  inserted: string[];
  skipped: { code: string; conflicts: string[] }[];
}

/**
 * Inserts every seed rule whose code the province lacks (new eras and provinces in a release),
 * in the caller's transaction. A seed rule that would tie with a rule already there (the
 * province may have changed its own) is left out and reported. Running it again changes nothing.
 */
async function insertMissingSeedRules(em: EntityManager, slug: string): Promise<SeedInstallReport> {
  await em.query(`LOCK TABLE forum_rules IN SHARE ROW EXCLUSIVE MODE`);
  const existing: ForumRuleData[] = await ForumRulesService.all(em);
  const codes = new Set(existing.map((r) => r.code));
  const report: SeedInstallReport = { seed: forumSeedFor(slug), inserted: [], skipped: [] };
  for (const rule of seedForumRules(slug)) {
    if (codes.has(rule.code)) continue;
    const clashes = conflictingRules(existing, rule);
    if (clashes.length) {
      report.skipped.push({ code: rule.code, conflicts: clashes.map((c) => c.code) });
      continue;
    }
    await insertRule(em, rule);
    existing.push(rule);
    report.inserted.push(rule.code);
  }
  return report;
}

async function insertRule(em: EntityManager, r: ForumRuleData): Promise<string> {
  const [row] = await em.query(
    `INSERT INTO forum_rules (code, level, forum, min_cost, max_cost, form_kinds, foreign_funding, wholly_provincial, max_increase_pct,
                              effective_from, effective_to, priority, source, verify)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      r.code,
      r.level,
      r.forum,
      r.minCost,
      r.maxCost,
      r.formKinds,
      r.foreignFunding,
      r.whollyProvincial,
      r.maxIncreasePct,
      r.effectiveFrom,
      r.effectiveTo,
      r.priority,
      r.source,
      r.verify,
    ],
  );
  return row.id;
}

/** A province's dated forum rules: which forum decides what, since when, on whose authority. */
@Injectable()
export class ForumRulesService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
  ) {}

  /** Kept for installProvinceDefaults and the CLI until issue 15 injects the service there; see installSeed. */
  static install(em: EntityManager, slug: string): Promise<SeedInstallReport> {
    return insertMissingSeedRules(em, slug);
  }

  static async all(em: EntityManager): Promise<ForumRule[]> {
    const rows: ForumRule[] = await em.query(
      `SELECT ${COLUMNS} FROM forum_rules ORDER BY priority DESC, effective_from, min_cost NULLS FIRST`,
    );
    return rows.map((r) => ({
      ...r,
      minCost: trim(r.minCost),
      maxCost: trim(r.maxCost),
      maxIncreasePct: trim(r.maxIncreasePct),
    }));
  }

  /** The province's rules in the caller's unit of work (a run that routes many decisions reads them once). */
  rulesIn(em: EntityManager): Promise<ForumRule[]> {
    return ForumRulesService.all(em);
  }

  /** The routing answer in the caller's unit of work: the deciding rule or the reason there is none, and warnings. */
  async decide(em: EntityManager, input: RoutingInput): Promise<RoutingDecision<ForumRule>> {
    return decideRouting(await ForumRulesService.all(em), input);
  }

  /** Installs the province's seed rules it lacks (see insertMissingSeedRules), in the caller's unit of work. */
  installSeed(em: EntityManager, slug: string): Promise<SeedInstallReport> {
    return insertMissingSeedRules(em, slug);
  }

  /** For the operator console: whether a provincial band is in force on `on`, and how many rules await confirmation. */
  async summary(em: EntityManager, on: string): Promise<ForumRulesSummary> {
    return summariseRules(await ForumRulesService.all(em), on);
  }

  list(): Promise<ForumRule[]> {
    return this.db.transaction((em) => ForumRulesService.all(em));
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
        const [forum] = await em.query(`SELECT 1 FROM master_data_items WHERE list = 'approval-forums' AND code = $1`, [
          request.forum,
        ]);
        if (!forum)
          throw new BadRequestException({
            message: [`forum: "${request.forum}" is not one of this province's approval forums`],
          });
        // Serialise rule changes in this province so two overlapping rules cannot both pass the check.
        await em.query(`LOCK TABLE forum_rules IN SHARE ROW EXCLUSIVE MODE`);
        this.refuseTies(await ForumRulesService.all(em), rule);
        const id = await insertRule(em, rule);
        await this.audit.record(em, {
          action: 'forum-rule.created',
          targetType: 'forum-rule',
          targetId: id,
          details: { code: request.code, level: rule.level, forum: request.forum },
        });
        return (await ForumRulesService.all(em)).find((r) => r.id === id)!;
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
      await em.query(`LOCK TABLE forum_rules IN SHARE ROW EXCLUSIVE MODE`);
      const all = await ForumRulesService.all(em);
      const rule = all.find((r) => r.id === id);
      if (!rule) throw new NotFoundException(`No forum rule ${id} in this province`);
      if (effectiveTo < rule.effectiveFrom)
        throw new BadRequestException({ message: ['effectiveTo must not be before the rule’s effectiveFrom'] });
      this.refuseTies(all, { ...rule, effectiveTo });
      await em.query(`UPDATE forum_rules SET effective_to = $2 WHERE id = $1`, [id, effectiveTo]);
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
      message: `The rule overlaps ${clashes.map((c) => `"${c.code}" (${c.forum})`).join(', ')} at the same priority ${rule.priority} but names another forum; end the other rule the day before (POST /api/forum-rules/:id/end) or use another priority`,
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
