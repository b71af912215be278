import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { User } from './user.entity';
import { NewUser, OwnProfileChanges, ProfileRow, Recipient, UsersRepository } from './users.repository';

export type { MailDelivery, Recipient } from './users.repository';

/** Province users; every call runs inside the current province's unit of work. */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repository: UsersRepository,
  ) {}

  /** A user's language (a reply's default when the request names none), as one read statement. */
  localeOf(id: string): Promise<'en' | 'ur' | null> {
    return this.repository.localeOf(id);
  }

  /** Emails by user id (disabled accounts included), inside the caller's unit of work. */
  emailsOf(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    return this.repository.emailsByIds(em, ids);
  }

  /** Display names by user id (e.g. who acted in a workflow), inside the caller's unit of work. */
  namesOf(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    return this.repository.namesByIds(em, ids);
  }

  /** The given users unless disabled, with their language and mail choice, inside the caller's unit of work. */
  recipientsByIds(em: EntityManager, ids: readonly (string | null)[]): Promise<Recipient[]> {
    return this.repository.recipientsByIds(em, ids);
  }

  /** Active users with any of the roles (of the department when given), inside the caller's unit of work. */
  recipientsWithRoles(em: EntityManager, roles: readonly string[], departmentId: string | null): Promise<Recipient[]> {
    return this.repository.recipientsWithRoles(em, roles, departmentId);
  }

  /** One's own profile as /api/me shows it, inside the caller's unit of work. */
  profileOf(em: EntityManager, id: string): Promise<ProfileRow | null> {
    return this.repository.profile(em, id);
  }

  /** Changes one's own name or locale inside the caller's unit of work; null if there is no such user. */
  updateOwnProfile(em: EntityManager, id: string, changes: OwnProfileChanges): Promise<ProfileRow | null> {
    return this.repository.updateProfile(em, id, changes);
  }

  /** The user with this email (case-insensitive), without the password hash, in the caller's unit of work. */
  findByEmail(em: EntityManager, email: string): Promise<User | null> {
    return this.repository.findByEmail(em, email);
  }

  /** The user with this email (case-insensitive), including the password hash for sign-in. */
  findForSignIn(email: string): Promise<User | null> {
    return this.db.transaction((em) => this.repository.findForSignIn(em, email));
  }

  /** By id with the token version a new access token carries, in the caller's unit of work. */
  findForToken(em: EntityManager, id: string): Promise<User | null> {
    return this.repository.findForToken(em, id);
  }

  /** Joins the caller's unit of work (given or ambient), else runs in its own. */
  findById(id: string, em?: EntityManager): Promise<User | null> {
    return em ? this.repository.findById(em, id) : this.db.transaction((tx) => this.repository.findById(tx, id));
  }

  existsByEmail(em: EntityManager, email: string): Promise<boolean> {
    return this.repository.existsByEmail(em, email);
  }

  /** Creates an account inside the caller's unit of work (provisioning seeds the first admin this way). */
  create(em: EntityManager, user: NewUser): Promise<User> {
    return this.repository.insert(em, user);
  }

  /** How many accounts the province has, in any status, in the caller's unit of work. */
  count(em: EntityManager): Promise<number> {
    return this.repository.count(em);
  }
}
