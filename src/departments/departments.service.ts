import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../common/sql';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { Department } from './department.entity';
import { DepartmentsRepository } from './departments.repository';
import { CreateDepartmentRequest, UpdateDepartmentRequest } from './dto/department.dto';

/** The current province's departments. */
@Injectable()
export class DepartmentsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly repository: DepartmentsRepository,
  ) {}

  /** Names of the given departments, by id, inside the caller's unit of work (for lists and profiles). */
  namesOf(em: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    return this.repository.namesByIds(em, ids);
  }

  /** Department ids by code, inside the caller's unit of work (codes the province does not have are absent). */
  idsByCode(em: EntityManager, codes: readonly string[]): Promise<Map<string, string>> {
    return this.repository.idsByCode(em, codes);
  }

  list(includeInactive: boolean): Promise<Department[]> {
    return this.db.transaction((em) =>
      em.getRepository(Department).find({ where: includeInactive ? {} : { active: true }, order: { code: 'ASC' } }),
    );
  }

  async get(id: string): Promise<Department> {
    const department = await this.db.transaction((em) => em.getRepository(Department).findOneBy({ id }));
    if (!department) throw new NotFoundException(`No department ${id} in this province`);
    return department;
  }

  async create(request: CreateDepartmentRequest): Promise<Department> {
    try {
      return await this.db.transaction(async (em) => {
        const repo = em.getRepository(Department);
        const department = await repo.save(
          repo.create({ code: request.code, name: request.name, nameUr: request.nameUr ?? null }),
        );
        await this.audit.record(em, {
          action: 'department.created',
          targetType: 'department',
          targetId: department.id,
          details: { code: department.code },
        });
        return department;
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictException(`A department with code "${request.code}" already exists`);
      throw error;
    }
  }

  /**
   * Renames, deactivates or reactivates a department; its code is its identity in forms and
   * reports and stays fixed. Deactivating keeps it on every user, project and document naming it.
   */
  update(id: string, request: UpdateDepartmentRequest): Promise<Department> {
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(Department);
      const department = await repo.findOneBy({ id });
      if (!department) throw new NotFoundException(`No department ${id} in this province`);
      if (request.name !== undefined) department.name = request.name;
      if (request.nameUr !== undefined) department.nameUr = request.nameUr;
      const toggled = request.active !== undefined && request.active !== department.active;
      if (request.active !== undefined) department.active = request.active;
      const saved = await repo.save(department);
      const renamed = Object.keys(request).filter((k) => k !== 'active');
      if (renamed.length) {
        const details = { fields: renamed };
        await this.audit.record(em, { action: 'department.updated', targetType: 'department', targetId: id, details });
      }
      if (toggled) {
        const action = request.active ? 'department.reactivated' : 'department.deactivated';
        const details = { code: department.code };
        await this.audit.record(em, { action, targetType: 'department', targetId: id, details });
      }
      return saved;
    });
  }
}
