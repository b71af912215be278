import { ForbiddenException, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '../tenancy/tenant-context';
import { UsersService } from '../users/users.service';

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** What a preparer's rights are judged on: who started it and which department owns it. */
export interface Owned {
  createdBy: string | null;
  departmentId: string | null;
}

/**
 * A project's documents and attachments are prepared by their author or by preparers of the
 * owning department; one department's preparers cannot change another's drafts. Used for every
 * write a preparer makes: saving a draft, attaching a file, starting a follow-up document.
 */
@Injectable()
export class PreparerAccess {
  constructor(private readonly users: UsersService) {}

  async assertMayPrepare(em: EntityManager, owned: Owned, me: UserPrincipal): Promise<void> {
    if (!me.roles.includes('preparer')) throw new ForbiddenException('Only preparers edit documents');
    if (owned.createdBy === me.id) return;
    const user = await this.users.findById(me.id, em);
    if (!owned.departmentId || user?.departmentId !== owned.departmentId) {
      throw new ForbiddenException(
        "Only the author or a preparer of the owning department may prepare this project's documents",
      );
    }
  }

  /**
   * The department a new project belongs to. A preparer who belongs to a department starts
   * projects for it only; one with none (a P&D planning cell, say) names the department.
   */
  async departmentForNewProject(
    em: EntityManager,
    requested: string | undefined,
    me: UserPrincipal,
  ): Promise<string | null> {
    const user = await this.users.findById(me.id, em);
    if (!user) throw new ForbiddenException('Your account is not in this province');
    if (user.departmentId && requested && requested !== user.departmentId) {
      throw new ForbiddenException('departmentId: you may start projects only for your own department');
    }
    return requested ?? user.departmentId ?? null;
  }
}
