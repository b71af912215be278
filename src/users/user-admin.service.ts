import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { newSecretToken, sha256Hex } from '../common/hash';
import { offsetOf } from '../common/paging';
import { PasswordHasher } from './password-hasher.service';
import { passwordProblem } from './password-policy';
import { AppConfig } from '../config/app-config';
import { isUniqueViolation } from '../common/sql';
import { DepartmentsService } from '../departments/departments.service';
import { EventsService } from '../events/events.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { CreateUserRequest, UpdateUserRequest, UsersQuery } from './dto';
import { User, VisibleUser, visibleUser } from './user.entity';
import { USER_SESSIONS, UserSessions } from './user-sessions';
import { TokenVersions } from './token-versions.service';
import { TokenPurpose, UserTokensRepository } from './user-tokens.repository';
import { UsersRepository } from './users.repository';

export interface OneTimeLink {
  link: string;
  expiresAt: Date;
}

/**
 * The guard that keeps a province administrable: its 409s carry `reason` so the web app can explain
 * them (what the rule protects, and that another administrator must be made first).
 */
const adminGuard = (reason: 'own-account' | 'last-admin', message: string) =>
  new ConflictException({ statusCode: 409, error: 'Conflict', message, reason });

const fieldError = (field: string, message: string) =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: [message],
    fields: { [field]: [message] },
  });

/**
 * A province administrator's work on accounts: create or invite, change, disable, reset.
 * One-time links carry a random token stored only as a hash. The link is mailed to the user
 * (a user.invited / user.password-reset event, written to the outbox in the same transaction)
 * and also returned to the administrator, who can pass it on if the mail does not arrive.
 */
@Injectable()
export class UserAdminService {
  private readonly logger = new Logger(UserAdminService.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
    private readonly events: EventsService,
    private readonly users: UsersRepository,
    private readonly tokens: UserTokensRepository,
    private readonly departments: DepartmentsService,
    private readonly tokenVersions: TokenVersions,
    @Inject(USER_SESSIONS) private readonly sessions: UserSessions,
  ) {}

  /** One page of users by email, filtered by status, role, department and a name or email search. */
  list(query: UsersQuery) {
    return this.db.transaction(async (em) => {
      const { status, q, role, departmentId } = query;
      const criteria = { status, q, role, departmentId };
      const { items, total } = await this.users.page(em, criteria, offsetOf(query), query.pageSize);
      return { items, total, page: query.page, pageSize: query.pageSize };
    });
  }

  /** Creates the account as `invited` and returns its invitation link. */
  async invite(request: CreateUserRequest): Promise<{ user: VisibleUser; invitation: OneTimeLink }> {
    try {
      return await this.db.transaction(async (em) => {
        await this.assertDepartment(request.departmentId);
        const user = await this.users.insert(em, {
          email: request.email.toLowerCase(),
          name: request.name,
          designation: request.designation ?? null,
          departmentId: request.departmentId ?? null,
          phone: request.phone ?? null,
          locale: request.locale ?? 'en',
          roles: request.roles ?? ['viewer'],
          status: 'invited',
          passwordHash: null,
        });
        const invitation = await this.oneTimeLink(em, user, 'invitation');
        await this.audit.record(em, {
          action: 'user.invited',
          targetType: 'user',
          targetId: user.id,
          details: { email: user.email, roles: user.roles },
        });
        return { user: visibleUser(user), invitation };
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictException(`A user with email ${request.email.toLowerCase()} already exists in this province`);
      throw error;
    }
  }

  update(id: string, request: UpdateUserRequest, actorId: string): Promise<VisibleUser> {
    return this.db.transaction(async (em) => {
      const user = await this.findOrFail(em, id);
      // A user may stay in a department deactivated since; moving into one is refused.
      if ('departmentId' in request && request.departmentId !== user.departmentId) {
        await this.assertDepartment(request.departmentId ?? undefined);
      }
      const before = [...user.roles];
      if (request.roles && before.includes('tenant_admin') && !request.roles.includes('tenant_admin')) {
        if (id === actorId) throw adminGuard('own-account', 'You cannot remove your own tenant_admin role');
        await this.assertAnotherAdmin(em, id);
      }
      Object.assign(user, Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)));
      const saved = await this.users.save(em, user);
      // The roles travel in the access token: its older copies lose them on their next request.
      // (A department is read from the account where it matters, so moving one needs no new token.)
      if (request.roles && before.join() !== request.roles.join()) {
        await this.tokenVersions.revoke(em, id);
        await this.audit.record(em, {
          action: 'user.roles.changed',
          targetType: 'user',
          targetId: id,
          details: { before, after: request.roles },
        });
      }
      await this.audit.record(em, {
        action: 'user.updated',
        targetType: 'user',
        targetId: id,
        details: { fields: Object.keys(request) },
      });
      return visibleUser(saved);
    });
  }

  /** Disabled at once: refresh stops now, and access tokens at their next request. */
  setEnabled(id: string, enabled: boolean, actorId: string): Promise<VisibleUser> {
    return this.db.transaction(async (em) => {
      const user = await this.users.findWithPasswordHash(em, id);
      if (!user) throw new NotFoundException(`No user ${id} in this province`);
      if (!enabled) {
        if (id === actorId) throw adminGuard('own-account', 'You cannot disable your own account');
        if (user.roles.includes('tenant_admin')) await this.assertAnotherAdmin(em, id);
        user.status = 'disabled';
        await this.sessions.endAll(em, id);
      } else {
        user.status = user.passwordHash ? 'active' : 'invited';
      }
      await this.users.setStatus(em, id, user.status);
      await this.tokenVersions.revoke(em, id);
      await this.audit.record(em, {
        action: enabled ? 'user.enabled' : 'user.disabled',
        targetType: 'user',
        targetId: id,
      });
      return visibleUser(user);
    });
  }

  passwordResetLink(id: string): Promise<OneTimeLink> {
    return this.db.transaction(async (em) => {
      const user = await this.findOrFail(em, id);
      if (user.status === 'disabled') throw new ConflictException('Enable the account before resetting its password');
      const link = await this.oneTimeLink(em, user, 'password-reset');
      await this.audit.record(em, { action: 'user.password-reset.issued', targetType: 'user', targetId: id });
      return link;
    });
  }

  /** Accepts an invitation or a reset: sets the password once, then the link is spent. */
  async setPasswordWithToken(purpose: TokenPurpose, token: string, password: string): Promise<void> {
    const refused = () => new UnauthorizedException('This link is invalid, used or expired');
    await this.db.transaction(async (em) => {
      const row = await this.tokens.lockUsable(em, sha256Hex(token), purpose);
      if (!row || row.status === 'disabled') throw refused();
      const problem = passwordProblem(password, row.email);
      if (problem) throw fieldError('password', problem);
      await this.tokens.markUsed(em, row.id);
      await this.users.activateWithPassword(em, row.user_id, await this.hasher.hash(password));
      await this.sessions.endAll(em, row.user_id);
      await this.tokenVersions.revoke(em, row.user_id);
      await this.audit.record(em, {
        action: purpose === 'invitation' ? 'user.invitation.accepted' : 'user.password-reset.used',
        actor: { type: 'user', id: row.user_id, email: row.email },
        targetType: 'user',
        targetId: row.user_id,
      });
    });
  }

  /** A signed-in user changes their own password; every other session of theirs ends. */
  async changeOwnPassword(userId: string, current: string, next: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const user = await this.users.findWithPasswordHash(em, userId);
      if (!user || !(await this.hasher.verify(user.passwordHash, current)))
        throw fieldError('currentPassword', 'currentPassword is wrong');
      const problem = passwordProblem(next, user.email);
      if (problem) throw fieldError('newPassword', problem.replace(/^password/, 'newPassword'));
      await this.users.setPasswordHash(em, userId, await this.hasher.hash(next));
      await this.sessions.endAll(em, userId);
      await this.tokenVersions.revoke(em, userId);
      await this.audit.record(em, { action: 'user.password.changed', targetType: 'user', targetId: userId });
    });
  }

  private async oneTimeLink(em: EntityManager, user: User, purpose: TokenPurpose): Promise<OneTimeLink> {
    const token = newSecretToken();
    const seconds =
      purpose === 'invitation'
        ? this.config.oneTimeLinks.invitationSeconds
        : this.config.oneTimeLinks.passwordResetSeconds;
    const expiresAt = new Date(Date.now() + seconds * 1000);
    // A new link replaces any unused one of the same kind.
    await this.tokens.spendUnused(em, user.id, purpose);
    await this.tokens.insert(em, user.id, purpose, sha256Hex(token), expiresAt);
    const tenant = this.db.currentTenant();
    const page = purpose === 'invitation' ? 'accept-invitation' : 'reset-password';
    const link = `${this.config.urlFor(`${tenant.slug}.${this.config.baseDomain}`)}/${page}?token=${token}`;
    await this.events.publish(em, {
      type: purpose === 'invitation' ? 'user.invited' : 'user.password-reset',
      data: { userId: user.id, link, expiresAt: expiresAt.toISOString() },
    });
    // The link itself is a secret: it goes to the user's mail and the administrator, not the log.
    this.logger.log({ user: user.email, purpose }, `One-time ${purpose} link issued and mailed`);
    return { link, expiresAt };
  }

  private async findOrFail(em: EntityManager, id: string): Promise<User> {
    const user = await this.users.findById(em, id);
    if (!user) throw new NotFoundException(`No user ${id} in this province`);
    return user;
  }

  /** Read through DepartmentsService, which joins this unit of work (docs/ARCHITECTURE.md, "Units of work"). */
  private async assertDepartment(departmentId: string | undefined): Promise<void> {
    if (!departmentId) return;
    const department = await this.departments.get(departmentId).catch((error: unknown) => {
      if (error instanceof NotFoundException) return null;
      throw error;
    });
    if (!department) throw fieldError('departmentId', 'departmentId is not a department of this province');
    if (!department.active) throw fieldError('departmentId', 'departmentId is a deactivated department');
  }

  /** A province must keep at least one active administrator. */
  private async assertAnotherAdmin(em: EntityManager, exceptId: string): Promise<void> {
    if ((await this.users.countOtherActiveAdmins(em, exceptId)) === 0)
      throw adminGuard('last-admin', 'This is the last active tenant_admin of the province');
  }
}
