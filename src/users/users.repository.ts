import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { User, UserStatus } from './user.entity';

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

const PROFILE_COLUMNS = `id, email, name, roles, status, locale, department_id AS "departmentId",
  mail_delivery AS "mailDelivery"`;

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

/** The columns a new account is created with. */
export type NewUser = Pick<User, 'email' | 'name' | 'passwordHash' | 'roles' | 'status'> &
  Partial<Pick<User, 'designation' | 'departmentId' | 'phone' | 'locale'>>;

/**
 * All SQL on the province's users table (a module's tables are reached through its repository).
 * Every method runs in the caller's unit of work.
 */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: TenantDatabase) {}

  /** A user's language as one read statement (joins the unit of work open here, if any). */
  async localeOf(id: string): Promise<'en' | 'ur' | null> {
    const [row] = await this.db.read<{ locale: 'en' | 'ur' }>(
      (t) => `SELECT locale FROM ${t('users')} WHERE id = $1`,
      [id],
    );
    return row?.locale ?? null;
  }

  /**
   * A user's token version and status as one read statement (joins the unit of work open here, if
   * any): what every province request's token is checked against, on a cache miss.
   */
  async tokenStanding(id: string): Promise<{ version: number; status: UserStatus } | null> {
    const [row] = await this.db.read<{ version: number; status: UserStatus }>(
      (t) => `SELECT token_version AS version, status FROM ${t('users')} WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Access tokens issued before this are refused from now on (TokenVersions). */
  async bumpTokenVersion(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [id]);
  }

  /** By email, case-insensitive, without the password hash. */
  findByEmail(em: EntityManager, email: string): Promise<User | null> {
    return em.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /** By email, case-insensitive, with the password hash and the token version (sign-in). */
  findForSignIn(em: EntityManager, email: string): Promise<User | null> {
    return em
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .addSelect('u.tokenVersion')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  /** By id with the token version, read in the same statement as the roles a new token carries. */
  findForToken(em: EntityManager, id: string): Promise<User | null> {
    return em
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.tokenVersion')
      .where('u.id = :id', { id })
      .getOne();
  }

  findById(em: EntityManager, id: string): Promise<User | null> {
    return em.getRepository(User).findOneBy({ id });
  }

  /** By id with the password hash (a password check, or whether the account ever had one). */
  findWithPasswordHash(em: EntityManager, id: string): Promise<User | null> {
    return em
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOne();
  }

  existsByEmail(em: EntityManager, email: string): Promise<boolean> {
    return em.getRepository(User).existsBy({ email });
  }

  insert(em: EntityManager, user: NewUser): Promise<User> {
    const repository = em.getRepository(User);
    return repository.save(repository.create(user));
  }

  /** Writes the entity's changed columns back. */
  save(em: EntityManager, user: User): Promise<User> {
    return em.getRepository(User).save(user);
  }

  async setStatus(em: EntityManager, id: string, status: UserStatus): Promise<void> {
    await em.getRepository(User).update(id, { status });
  }

  async setPasswordHash(em: EntityManager, id: string, passwordHash: string): Promise<void> {
    await em.getRepository(User).update(id, { passwordHash });
  }

  /** A password chosen through a one-time link: the account becomes active. */
  async activateWithPassword(em: EntityManager, id: string, passwordHash: string): Promise<void> {
    await em.query(`UPDATE users SET password_hash = $2, status = 'active', updated_at = now() WHERE id = $1`, [
      id,
      passwordHash,
    ]);
  }

  /** Active tenant_admins other than the given user. */
  async countOtherActiveAdmins(em: EntityManager, exceptId: string): Promise<number> {
    const [{ n }] = await em.query(
      `SELECT count(*)::int AS n FROM users WHERE status = 'active' AND 'tenant_admin' = ANY(roles) AND id <> $1`,
      [exceptId],
    );
    return n;
  }

  async profile(em: EntityManager, id: string): Promise<ProfileRow | null> {
    const [row] = await em.query(`SELECT ${PROFILE_COLUMNS} FROM users WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Applies the given changes (only those present) and returns the profile, or null if there is no such user. */
  async updateProfile(em: EntityManager, id: string, changes: OwnProfileChanges): Promise<ProfileRow | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [ProfileRow[], number] = await em.query(
      `UPDATE users SET name = COALESCE($2, name), locale = COALESCE($3, locale),
          mail_delivery = COALESCE($4, mail_delivery), updated_at = now()
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
  /** Emails by user id, disabled accounts included (who saved a revision stays known). */
  async emailsByIds(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows: { id: string; email: string }[] = await em.query(
      `SELECT id, email FROM users WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, r.email]));
  }

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

  /** How many accounts the province has, in any status (the operators' province figures). */
  async count(em: EntityManager): Promise<number> {
    const [row] = await em.query(`SELECT count(*)::int AS n FROM users`);
    return row.n;
  }
}
