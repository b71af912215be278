import { ForbiddenException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '../tenancy/tenant-context';
import { User } from '../users/user.entity';

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
export async function assertMayPrepare(em: EntityManager, owned: Owned, me: UserPrincipal): Promise<void> {
  if (!me.roles.includes('preparer')) throw new ForbiddenException('Only preparers edit documents');
  if (owned.createdBy === me.id) return;
  const user = await em.getRepository(User).findOneBy({ id: me.id });
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
export async function departmentForNewProject(
  em: EntityManager,
  requested: string | undefined,
  me: UserPrincipal,
): Promise<string | null> {
  const user = await em.getRepository(User).findOneByOrFail({ id: me.id });
  if (user.departmentId && requested && requested !== user.departmentId) {
    throw new ForbiddenException('departmentId: you may start projects only for your own department');
  }
  return requested ?? user.departmentId ?? null;
}
