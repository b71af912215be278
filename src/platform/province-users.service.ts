import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { ProvinceSchemas } from '../tenancy/province-schemas.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { TenantRecord } from '../tenancy/tenant-context';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { UsersQuery } from '../users/dto';
import { OneTimeLink, UserAdminService } from '../users/user-admin.service';
import { VisibleUser } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { PlatformAuditService } from './platform-audit.service';

/**
 * What an operator may do inside a province: see its users, and give it an administrator
 * again when it has lost access. The work runs in the province's own context, so it lands in
 * the province's audit log with the operator as the actor.
 */
@Injectable()
export class ProvinceUsersService {
  constructor(
    private readonly registry: TenantRegistry,
    private readonly db: TenantDatabase,
    private readonly admin: UserAdminService,
    private readonly audit: PlatformAuditService,
    private readonly schemas: ProvinceSchemas,
    private readonly users: UsersService,
  ) {}

  async list(slug: string, query: UsersQuery) {
    return this.db.runAs(await this.province(slug), () => this.admin.list(query));
  }

  /** Invites a new administrator, or restores an existing account as one, with a one-time link. */
  async restoreAdmin(
    slug: string,
    email: string,
    name: string,
    operatorId: string,
  ): Promise<{ user: VisibleUser; link: OneTimeLink }> {
    const restored = await this.restore(slug, email, name, operatorId);
    const details = { email: restored.user.email, userId: restored.user.id, invited: restored.invited };
    await this.audit.record('tenant.admin.restored', slug, details);
    return { user: restored.user, link: restored.link };
  }

  /**
   * One unit of work in the province for every step (find, invite or re-role, re-enable, reset
   * link): the services called join it, so a failure part-way leaves the account as it was.
   */
  private async restore(slug: string, email: string, name: string, operatorId: string) {
    return this.schemas.inProvince(await this.province(slug), async (em) => {
      const existing = await this.users.findByEmail(em, email);
      if (!existing) {
        const { user, invitation } = await this.admin.invite({ email, name, roles: ['tenant_admin'] });
        return { user, link: invitation, invited: true };
      }
      const roles = existing.roles.includes('tenant_admin') ? existing.roles : [...existing.roles, 'tenant_admin'];
      await this.admin.update(existing.id, { roles }, operatorId);
      const user =
        existing.status === 'disabled' ? await this.admin.setEnabled(existing.id, true, operatorId) : existing;
      return { user, link: await this.admin.passwordResetLink(existing.id), invited: false };
    });
  }

  private async province(slug: string): Promise<TenantRecord> {
    const tenant = await this.registry.findBySlug(slug);
    if (!tenant) throw new NotFoundException(`No province with slug "${slug}"`);
    if (tenant.status !== 'active' && tenant.status !== 'suspended') {
      throw new ConflictException(`Province "${slug}" is ${tenant.status}; it has no accounts yet`);
    }
    return tenant;
  }
}
