import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ForumRuleData } from './forum-rules';

export interface ForumRule extends ForumRuleData {
  id: string;
}

const COLUMNS = `id, code, level, forum, min_cost::text AS "minCost", max_cost::text AS "maxCost",
  form_kinds AS "formKinds", foreign_funding AS "foreignFunding", wholly_provincial AS "whollyProvincial",
  max_increase_pct::text AS "maxIncreasePct", to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom",
  to_char(effective_to, 'YYYY-MM-DD') AS "effectiveTo", priority, source, verify`;

/** Normalises numeric text from Postgres ("400.000") to the shortest form ("400"). */
const trim = (v: string | null) => (v === null ? null : v.includes('.') ? v.replace(/\.?0+$/, '') : v);

/** SQL on the province's forum_rules table, in the caller's unit of work. */
@Injectable()
export class ForumRulesRepository {
  /** Every rule, the highest priority first. */
  async all(em: EntityManager): Promise<ForumRule[]> {
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

  /** The codes of these rules, by id (one query for many ids). */
  async codesOf(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const rows: { id: string; code: string }[] = await em.query(
      `SELECT id, code FROM forum_rules WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.code]));
  }

  /** The ids of the rules that apply only within a permitted increase (max_increase_pct set). */
  async limitedIds(em: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await em.query(`SELECT id FROM forum_rules WHERE max_increase_pct IS NOT NULL`);
    return rows.map((r) => r.id);
  }

  /** Serialises rule changes in the province until the caller's unit of work ends (ties are checked under it). */
  async lock(em: EntityManager): Promise<void> {
    await em.query(`LOCK TABLE forum_rules IN SHARE ROW EXCLUSIVE MODE`);
  }

  async insert(em: EntityManager, r: ForumRuleData): Promise<string> {
    const [row] = await em.query(
      `INSERT INTO forum_rules (code, level, forum, min_cost, max_cost, form_kinds, foreign_funding, wholly_provincial,
                                max_increase_pct, effective_from, effective_to, priority, source, verify)
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

  async end(em: EntityManager, id: string, effectiveTo: string): Promise<void> {
    await em.query(`UPDATE forum_rules SET effective_to = $2 WHERE id = $1`, [id, effectiveTo]);
  }
}
