import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../common/sql';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { Department } from './department.entity';
import { DepartmentsRepository, NewDepartment } from './departments.repository';
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
    return this.repository.list(includeInactive);
  }

  async get(id: string): Promise<Department> {
    const department = await this.repository.get(id);
    if (!department) throw new NotFoundException(`No department ${id} in this province`);
    return department;
  }

  /** Whether a department takes new work (active), in the caller's unit of work; null when there is none. */
  isActive(em: EntityManager, id: string): Promise<boolean | null> {
    return this.repository.activeOf(em, id);
  }

  /** The active departments by code, in the caller's unit of work (form options). */
  active(em: EntityManager): Promise<Department[]> {
    return this.repository.active(em);
  }

  /**
   * Seeds a new province's departments (config/master-data), in the caller's unit of work, once:
   * a province that has departments keeps its own. Returns how many were offered.
   */
  async installSeed(em: EntityManager, seed: readonly NewDepartment[]): Promise<number> {
    if (!seed.length || (await this.repository.any(em))) return 0;
    await this.repository.insertMissing(em, seed);
    return seed.length;
  }

  async create(request: CreateDepartmentRequest): Promise<Department> {
    try {
      return await this.db.transaction(async (em) => {
        const department = await this.repository.insert(em, {
          code: request.code,
          name: request.name,
          nameUr: request.nameUr ?? null,
        });
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
      const department = await this.repository.lock(em, id);
      if (!department) throw new NotFoundException(`No department ${id} in this province`);
      if (request.name !== undefined) department.name = request.name;
      if (request.nameUr !== undefined) department.nameUr = request.nameUr;
      const toggled = request.active !== undefined && request.active !== department.active;
      if (request.active !== undefined) department.active = request.active;
      const saved = await this.repository.update(em, department);
      // A DTO's declared fields exist as undefined when the request left them out: only given ones count.
      const renamed = Object.keys(request).filter(
        (k) => k !== 'active' && request[k as keyof typeof request] !== undefined,
      );
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
