import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { User } from './user.entity';

/** Province users; every call runs inside the current province's unit of work. */
@Injectable()
export class UsersService {
  constructor(private readonly db: TenantDatabase) {}

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
  static async insert(em: EntityManager, user: Pick<User, 'email' | 'name' | 'passwordHash' | 'roles' | 'status'>): Promise<User> {
    return em.getRepository(User).save(em.getRepository(User).create(user));
  }
}
