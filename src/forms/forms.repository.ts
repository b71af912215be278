import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { FormOverlay, FormVersion } from './form-version.entity';
import { Overlay } from './overlay';

/** A version's columns without its (large) content. */
const SUMMARY_COLUMNS = {
  id: true,
  formKey: true,
  number: true,
  baseVersion: true,
  contentHash: true,
  publishedBy: true,
  publisherType: true,
  publishedAt: true,
  notes: true,
} as const;

/** The newest version of a form, as the form list shows it. */
export interface CurrentVersionRow {
  form_key: string;
  id: string;
  number: number;
  base_version: string;
  published_at: Date;
}

/** An overlay row as locked for a change. */
export interface OverlayRow {
  form_key: string;
  base_version: string;
  operations: Overlay['operations'];
  revision: number;
  updated_at: Date | null;
}

/**
 * SQL on the province's form_versions and form_overlays tables (migration 0005), in the
 * caller's unit of work or as one read statement. Versions are never changed once published.
 */
@Injectable()
export class FormsRepository {
  constructor(private readonly db: TenantDatabase) {}

  /** The newest version of every form the province has, as a single statement. */
  currentVersions(): Promise<CurrentVersionRow[]> {
    return this.db.read<CurrentVersionRow>(
      (t) =>
        `SELECT DISTINCT ON (form_key) form_key, id, number, base_version, published_at
           FROM ${t('form_versions')} ORDER BY form_key, number DESC`,
    );
  }

  /** A form's versions, newest first, with their overlays but without their content. */
  history(em: EntityManager, key: string): Promise<FormVersion[]> {
    return em.getRepository(FormVersion).find({
      where: { formKey: key },
      order: { number: 'DESC' },
      select: { ...SUMMARY_COLUMNS, overlay: true },
    });
  }

  /** The newest version (ref 'current') or a numbered one, with or without its content. */
  findVersion(
    em: EntityManager,
    key: string,
    ref: number | 'current',
    withContent: boolean,
  ): Promise<FormVersion | null> {
    const select = withContent ? undefined : SUMMARY_COLUMNS;
    const repo = em.getRepository(FormVersion);
    return ref === 'current'
      ? repo.findOne({ where: { formKey: key }, order: { number: 'DESC' }, select })
      : repo.findOne({ where: { formKey: key, number: ref }, select });
  }

  versionById(em: EntityManager, id: string): Promise<FormVersion | null> {
    return em.getRepository(FormVersion).findOneBy({ id });
  }

  /** A version's number and content hash (its validator may be cached under the hash). */
  async versionHead(em: EntityManager, id: string): Promise<{ number: number; content_hash: string } | null> {
    const [head] = await em.query(`SELECT number, content_hash FROM form_versions WHERE id = $1`, [id]);
    return head ?? null;
  }

  async versionCompiled(em: EntityManager, id: string): Promise<FormVersion['compiled']> {
    const [row] = await em.query(`SELECT compiled FROM form_versions WHERE id = $1`, [id]);
    return row.compiled;
  }

  async lastVersion(em: EntityManager, key: string): Promise<{ number: number; content_hash: string } | null> {
    const [last] = await em.query(
      `SELECT number, content_hash FROM form_versions WHERE form_key = $1 ORDER BY number DESC LIMIT 1`,
      [key],
    );
    return last ?? null;
  }

  insertVersion(em: EntityManager, fields: Partial<FormVersion>): Promise<FormVersion> {
    const repo = em.getRepository(FormVersion);
    return repo.save(repo.create(fields));
  }

  /** Several versions in one multi-row INSERT. */
  async insertVersions(em: EntityManager, rows: readonly Partial<FormVersion>[]): Promise<void> {
    // jsonb columns make TypeORM's deep-partial type refuse the literal.
    await em
      .createQueryBuilder()
      .insert()
      .into(FormVersion)
      .values(rows as unknown as QueryDeepPartialEntity<FormVersion>[])
      .execute();
  }

  /** The forms the province has a version of. */
  async formKeys(em: EntityManager): Promise<Set<string>> {
    const rows: { form_key: string }[] = await em.query(`SELECT DISTINCT form_key FROM form_versions`);
    return new Set(rows.map((r) => r.form_key));
  }

  overlay(em: EntityManager, key: string): Promise<FormOverlay | null> {
    return em.getRepository(FormOverlay).findOneBy({ formKey: key });
  }

  saveOverlay(em: EntityManager, overlay: Omit<FormOverlay, 'updatedAt'> & { updatedAt: Date }): Promise<FormOverlay> {
    return em.getRepository(FormOverlay).save(overlay);
  }

  /** Empty overlays on the given base versions for forms that have none. */
  async insertEmptyOverlays(
    em: EntityManager,
    keys: readonly string[],
    baseVersions: readonly string[],
  ): Promise<void> {
    await em.query(
      `INSERT INTO form_overlays (form_key, base_version, revision)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) ON CONFLICT (form_key) DO NOTHING`,
      [keys, baseVersions, keys.map(() => 0)],
    );
  }

  /** The overlay rows of the given forms, locked. */
  lockOverlays(em: EntityManager, keys: readonly string[]): Promise<OverlayRow[]> {
    return em.query(
      `SELECT form_key, base_version, operations, revision, updated_at FROM form_overlays
        WHERE form_key = ANY($1) FOR UPDATE`,
      [keys],
    );
  }
}
