import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DepartmentsService } from '../departments/departments.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { MeResponse, UpdateMeRequest } from './dto';
import { UsersService } from './users.service';

/** The signed-in user's own account: what /api/me shows, and the settings they may change themselves. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly users: UsersService,
    private readonly departments: DepartmentsService,
    private readonly audit: AuditService,
  ) {}

  get(userId: string): Promise<MeResponse> {
    return this.db.transaction((em) => this.view(em, userId));
  }

  /** Name, interface language and mail choice; recorded in the audit log as a profile change by the user. */
  update(userId: string, request: UpdateMeRequest): Promise<MeResponse> {
    const fields = (['name', 'locale', 'mailDelivery'] as const).filter((f) => request[f] !== undefined);
    if (!fields.length) {
      const message = 'send locale, name and/or mailDelivery';
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: [message],
        fields: { locale: [message] },
      });
    }
    return this.db.transaction(async (em) => {
      const before = await this.users.profileOf(em, userId);
      if (!before || before.status !== 'active') throw new UnauthorizedException('This account is not active');
      await this.users.updateOwnProfile(em, userId, {
        name: request.name,
        locale: request.locale,
        mailDelivery: request.mailDelivery,
      });
      await this.audit.record(em, {
        action: 'user.updated',
        targetType: 'user',
        targetId: userId,
        details: {
          fields,
          self: true,
          ...(request.locale !== undefined ? { locale: { before: before.locale, after: request.locale } } : {}),
        },
      });
      return this.view(em, userId);
    });
  }

  private async view(em: EntityManager, userId: string): Promise<MeResponse> {
    const user = await this.users.profileOf(em, userId);
    if (!user || user.status !== 'active') throw new UnauthorizedException('This account is not active');
    const names = await this.departments.namesOf(em, [user.departmentId]);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      status: user.status,
      province: this.db.currentTenant().slug,
      locale: user.locale,
      departmentId: user.departmentId,
      departmentName: user.departmentId ? (names.get(user.departmentId) ?? null) : null,
      mailDelivery: user.mailDelivery,
    };
  }
}
