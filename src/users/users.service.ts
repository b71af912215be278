import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { User } from './user.entity';
import { OwnProfileChanges, ProfileRow, Recipient, UsersRepository } from './users.repository';

export type { MailDelivery, Recipient } from './users.repository';

/** Province users; every call runs inside the current province's unit of work. */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repository: UsersRepository,
  ) {}

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

  /** The user with this email (case-insensitive), including the password hash for sign-in. */
  findForSignIn(email: string): Promise<User | null> {
    return this.db.transaction((em) =>
      em
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('lower(u.email) = lower(:email)', { email })
        .getOne(),
    );
  }

  findById(id: string): Promise<User | null> {
    return this.db.transaction((em) => em.getRepository(User).findOneBy({ id }));
  }

  /** Inserts a user inside a caller's transaction (provisioning seeds the first admin this way). */
  static async insert(
    em: EntityManager,
    user: Pick<User, 'email' | 'name' | 'passwordHash' | 'roles' | 'status'>,
  ): Promise<User> {
    return em.getRepository(User).save(em.getRepository(User).create(user));
  }
}
