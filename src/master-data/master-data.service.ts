import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DepartmentsService } from '../departments/departments.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { UpsertMasterDataItemRequest } from './dto/master-data.dto';
import { MasterDataItem } from './master-data-item.entity';
import { MasterDataRepository } from './master-data.repository';
import { MASTER_DATA_LISTS, MasterDataList, seedFor } from './master-data-seed';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Lists whose items hang under another list's item. */
const PARENT_LIST: Partial<Record<MasterDataList, MasterDataList>> = { tehsils: 'districts', 'sub-sectors': 'sectors' };

/** One value of a list as a form option (forms' OptionItem has this shape; forms sit above master data). */
export interface MasterOption {
  value: string;
  label: { en: string; ur: string };
  /** A tehsil's district, a sub-sector's sector. */
  parent?: string;
}

/** The active values of every list, departments included, as a form version freezes them. */
export type MasterDataSnapshot = Partial<Record<MasterDataList | 'departments', MasterOption[]>>;

/** The list's name, or a 404 naming the lists there are. */
export function assertList(list: string): MasterDataList {
  if (!(MASTER_DATA_LISTS as readonly string[]).includes(list)) {
    throw new NotFoundException(`No master-data list "${list}"; lists are ${MASTER_DATA_LISTS.join(', ')}`);
  }
  return list as MasterDataList;
}

/**
 * A province's master data: districts, tehsils, sectors, funding sources, forums. Forms draw
 * their option lists from it when a version is published (so a published version never changes
 * under a document), and the province's admin keeps it current.
 */
@Injectable()
export class MasterDataService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly repository: MasterDataRepository,
    private readonly departments: DepartmentsService,
  ) {}

  /**
   * Seeds a province from config/master-data (inside the provisioning transaction), once: a
   * province that already has master data keeps its own.
   */
  async install(em: EntityManager, slug: string): Promise<number> {
    const seed = seedFor(slug);
    let added = 0;
    if (!(await this.repository.any(em))) {
      const rows = MASTER_DATA_LISTS.flatMap((list) =>
        seed[list].map((item, index) => ({
          list,
          code: item.code,
          parentCode: item.parent ?? null,
          nameEn: item.en,
          nameUr: item.ur,
          sortOrder: index,
        })),
      );
      await this.repository.insertMissing(em, rows);
      added += rows.length;
    }
    const departments = seed.departments.map((d) => ({ code: d.code, name: d.en, nameUr: d.ur }));
    added += await this.departments.installSeed(em, departments);
    return added;
  }

  /** The active values of every list as form options, departments included. */
  async snapshot(em: EntityManager): Promise<MasterDataSnapshot> {
    const snapshot: MasterDataSnapshot = {};
    for (const item of await this.repository.active(em)) {
      const option: MasterOption = { value: item.code, label: { en: item.nameEn, ur: item.nameUr } };
      if (item.parentCode) option.parent = item.parentCode;
      (snapshot[item.list as MasterDataList] ??= []).push(option);
    }
    const departments = await this.departments.active(em);
    snapshot.departments = departments.map((d) => ({ value: d.code, label: { en: d.name, ur: d.nameUr ?? d.name } }));
    return snapshot;
  }

  /** Whether `code` is an item of `list`, in the caller's unit of work. */
  async has(em: EntityManager, list: MasterDataList, code: string): Promise<boolean> {
    return !!(await this.repository.find(em, list, code));
  }

  list(list: string, includeInactive: boolean): Promise<MasterDataItem[]> {
    const name = assertList(list);
    return this.repository.list(name, includeInactive);
  }

  /** Adds or changes one item; a child must name an existing parent. */
  upsert(list: string, code: string, request: UpsertMasterDataItemRequest): Promise<MasterDataItem> {
    const name = assertList(list);
    if (!CODE.test(code) || code.length > 80)
      throw new BadRequestException({
        message: ['code must be a lowercase code such as "gilgit" (letters, digits, single hyphens; up to 80)'],
      });
    const parentList = PARENT_LIST[name];
    if (request.parentCode && !parentList)
      throw new BadRequestException({ message: [`parentCode: items of "${name}" have no parent`] });
    return this.db.transaction(async (em) => {
      if (parentList && request.parentCode && !(await this.has(em, parentList, request.parentCode))) {
        throw new BadRequestException({ message: [`parentCode: no ${parentList} item "${request.parentCode}"`] });
      }
      const existing = await this.repository.find(em, name, code);
      if (!existing && parentList && !request.parentCode)
        throw new BadRequestException({ message: [`parentCode is required for ${name}`] });
      const saved = await this.repository.upsert(em, {
        list: name,
        code,
        nameEn: request.nameEn,
        nameUr: request.nameUr,
        parentCode: request.parentCode !== undefined ? request.parentCode : (existing?.parentCode ?? null),
        sortOrder: request.sortOrder ?? existing?.sortOrder ?? 0,
        active: request.active ?? existing?.active ?? true,
      });
      await this.audit.record(em, {
        action: existing ? 'master-data.updated' : 'master-data.created',
        targetType: 'master-data',
        targetId: `${name}/${code}`,
        details: { fields: Object.keys(request) },
      });
      return saved;
    });
  }
}
