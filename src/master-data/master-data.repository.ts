import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { MasterDataItem } from './master-data-item.entity';

/** The columns of an item as the API has always served it (the entity's field order). */
const COLUMNS = `list, code, parent_code AS "parentCode", name_en AS "nameEn", name_ur AS "nameUr",
  sort_order AS "sortOrder", active, created_at AS "createdAt", updated_at AS "updatedAt"`;

export type NewMasterDataItem = Omit<MasterDataItem, 'createdAt' | 'updatedAt' | 'active'> & { active?: boolean };

/** SQL on the province's master_data_items table (migration 0005). */
@Injectable()
export class MasterDataRepository {
  constructor(private readonly db: TenantDatabase) {}

  /** One list's items in display order, as a single statement. */
  list(list: string, includeInactive: boolean): Promise<MasterDataItem[]> {
    const active = includeInactive ? '' : 'AND active';
    return this.db.read<MasterDataItem>(
      (t) => `SELECT ${COLUMNS} FROM ${t('master_data_items')} WHERE list = $1 ${active} ORDER BY sort_order, code`,
      [list],
    );
  }

  /** Every active item, list by list in display order, in the caller's unit of work. */
  active(em: EntityManager): Promise<MasterDataItem[]> {
    return em.query(`SELECT ${COLUMNS} FROM master_data_items WHERE active ORDER BY list, sort_order, code`);
  }

  async find(em: EntityManager, list: string, code: string): Promise<MasterDataItem | null> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM master_data_items WHERE list = $1 AND code = $2`, [
      list,
      code,
    ]);
    return row ?? null;
  }

  async any(em: EntityManager): Promise<boolean> {
    const [row] = await em.query(`SELECT EXISTS (SELECT 1 FROM master_data_items) AS "any"`);
    return row.any;
  }

  /** Inserts or replaces one item. */
  async upsert(em: EntityManager, i: NewMasterDataItem & { active: boolean }): Promise<MasterDataItem> {
    const [row] = await em.query(
      `INSERT INTO master_data_items (list, code, parent_code, name_en, name_ur, sort_order, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (list, code) DO UPDATE SET parent_code = excluded.parent_code, name_en = excluded.name_en,
         name_ur = excluded.name_ur, sort_order = excluded.sort_order, active = excluded.active, updated_at = now()
       RETURNING ${COLUMNS}`,
      [i.list, i.code, i.parentCode, i.nameEn, i.nameUr, i.sortOrder, i.active],
    );
    return row;
  }

  /** Inserts the items the province lacks (by list and code). */
  async insertMissing(em: EntityManager, rows: readonly NewMasterDataItem[]): Promise<void> {
    if (!rows.length) return;
    await em.query(
      `INSERT INTO master_data_items (list, code, parent_code, name_en, name_ur, sort_order)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
       ON CONFLICT DO NOTHING`,
      [
        rows.map((r) => r.list),
        rows.map((r) => r.code),
        rows.map((r) => r.parentCode),
        rows.map((r) => r.nameEn),
        rows.map((r) => r.nameUr),
        rows.map((r) => r.sortOrder),
      ],
    );
  }
}
