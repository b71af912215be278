import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** What a user may change about themselves (PATCH /api/me). */
export interface OwnProfileChanges {
  name?: string;
  locale?: 'en' | 'ur';
  mailDelivery?: MailDelivery;
}

/** Business mail at once, or gathered into one message a day (account mail is always at once). */
export type MailDelivery = 'immediate' | 'digest';

/** Whom a message or notification goes to, in their language and with their mail choice. */
export interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: 'en' | 'ur';
  mailDelivery: MailDelivery;
}

const RECIPIENT_COLUMNS = `id, email, name, locale, mail_delivery AS "mailDelivery"`;

export interface ProfileRow {
  id: string;
  email: string;
  name: string;
  roles: string[];
  status: string;
  locale: 'en' | 'ur';
  departmentId: string | null;
  mailDelivery: MailDelivery;
}

const PROFILE_COLUMNS = `id, email, name, roles, status, locale, department_id AS "departmentId", mail_delivery AS "mailDelivery"`;

/** The administrator's list filters (GET /api/users). */
export interface UserListCriteria {
  status?: string;
  q?: string;
  role?: string;
  departmentId?: string;
}

/** A user as the administrator's list shows it (never the password hash). */
export interface UserListRow extends ProfileRow {
  designation: string | null;
  phone: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const LIST_COLUMNS = `${PROFILE_COLUMNS}, designation, phone, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** LIKE's own wildcards in a search text match themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * SQL on the province's users table for the newer features (a module's tables are reached
 * through its repository). Every method runs in the caller's unit of work.
 */
@Injectable()
export class UsersRepository {
  async profile(em: EntityManager, id: string): Promise<ProfileRow | null> {
    const [row] = await em.query(`SELECT ${PROFILE_COLUMNS} FROM users WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Applies the given changes (only those present) and returns the profile, or null if there is no such user. */
  async updateProfile(em: EntityManager, id: string, changes: OwnProfileChanges): Promise<ProfileRow | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [ProfileRow[], number] = await em.query(
      `UPDATE users SET name = COALESCE($2, name), locale = COALESCE($3, locale), mail_delivery = COALESCE($4, mail_delivery), updated_at = now()
        WHERE id = $1 RETURNING ${PROFILE_COLUMNS}`,
      [id, changes.name ?? null, changes.locale ?? null, changes.mailDelivery ?? null],
    );
    return rows[0] ?? null;
  }

  /** The given users unless disabled (an invited user receives their invitation). */
  async recipientsByIds(em: EntityManager, ids: readonly (string | null)[]): Promise<Recipient[]> {
    const unique = [...new Set(ids.filter((id): id is string => !!id))];
    if (!unique.length) return [];
    return em.query(
      `SELECT ${RECIPIENT_COLUMNS} FROM users WHERE id = ANY($1::uuid[]) AND status <> 'disabled' ORDER BY id`,
      [unique],
    );
  }

  /** Active users holding any of the roles; only the department's when one is given. */
  async recipientsWithRoles(
    em: EntityManager,
    roles: readonly string[],
    departmentId: string | null,
  ): Promise<Recipient[]> {
    return em.query(
      `SELECT ${RECIPIENT_COLUMNS} FROM users
        WHERE status = 'active' AND roles && $1::text[] AND ($2::uuid IS NULL OR department_id = $2) ORDER BY id`,
      [roles, departmentId],
    );
  }

  /** Display names by user id, in one query. */
  async namesByIds(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows: { id: string; name: string }[] = await em.query(
      `SELECT id, name FROM users WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** One page of users by email, with the total matching the filters. */
  async page(
    em: EntityManager,
    criteria: UserListCriteria,
    offset: number,
    limit: number,
  ): Promise<{ items: UserListRow[]; total: number }> {
    const where = `WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR name ILIKE $2 OR email ILIKE $2)
      AND ($3::text IS NULL OR $3 = ANY(roles)) AND ($4::uuid IS NULL OR department_id = $4)`;
    const search = criteria.q ? likePattern(criteria.q) : null;
    const params = [criteria.status ?? null, search, criteria.role ?? null, criteria.departmentId ?? null];
    const items: UserListRow[] = await em.query(
      `SELECT ${LIST_COLUMNS} FROM users ${where} ORDER BY email LIMIT $5 OFFSET $6`,
      [...params, limit, offset],
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM users ${where}`, params);
    return { items, total };
  }
}
