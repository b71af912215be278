import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Department } from '../departments/department.entity';
import { MasterSnapshot } from '../forms/compile';
import { OptionItem } from '../forms/definition';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { UpsertMasterDataItemRequest } from './dto/master-data.dto';
import { MasterDataItem } from './master-data-item.entity';
import { MASTER_DATA_LISTS, MasterDataList, seedFor } from './master-data-seed';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Lists whose items hang under another list's item. */
const PARENT_LIST: Partial<Record<MasterDataList, MasterDataList>> = { tehsils: 'districts', 'sub-sectors': 'sectors' };

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
  ) {}

  static assertList(list: string): MasterDataList {
    if (!(MASTER_DATA_LISTS as readonly string[]).includes(list)) {
      throw new NotFoundException(`No master-data list "${list}"; lists are ${MASTER_DATA_LISTS.join(', ')}`);
    }
    return list as MasterDataList;
  }

  /**
   * Seeds a province from config/master-data (inside the provisioning transaction), once: a
   * province that already has master data keeps its own.
   */
  static async install(em: EntityManager, slug: string): Promise<number> {
    const seed = seedFor(slug);
    let added = 0;
    if (!(await em.getRepository(MasterDataItem).exists())) {
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
      if (rows.length) await em.createQueryBuilder().insert().into(MasterDataItem).values(rows).orIgnore().execute();
      added += rows.length;
    }
    if (seed.departments.length && !(await em.getRepository(Department).exists())) {
      const rows = seed.departments.map((d) => ({ code: d.code, name: d.en, nameUr: d.ur }));
      await em.createQueryBuilder().insert().into(Department).values(rows).orIgnore().execute();
      added += rows.length;
    }
    return added;
  }

  /** The active values of every list as form options, departments included. */
  static async snapshot(em: EntityManager): Promise<MasterSnapshot> {
    const items = await em
      .getRepository(MasterDataItem)
      .find({ where: { active: true }, order: { list: 'ASC', sortOrder: 'ASC', code: 'ASC' } });
    const snapshot: MasterSnapshot = {};
    for (const item of items) {
      const option: OptionItem = { value: item.code, label: { en: item.nameEn, ur: item.nameUr } };
      if (item.parentCode) option.parent = item.parentCode;
      (snapshot[item.list as MasterDataList] ??= []).push(option);
    }
    const departments = await em.getRepository(Department).find({ where: { active: true }, order: { code: 'ASC' } });
    snapshot.departments = departments.map((d) => ({ value: d.code, label: { en: d.name, ur: d.nameUr ?? d.name } }));
    return snapshot;
  }

  list(list: string, includeInactive: boolean): Promise<MasterDataItem[]> {
    const name = MasterDataService.assertList(list);
    return this.db.transaction((em) =>
      em
        .getRepository(MasterDataItem)
        .find({
          where: includeInactive ? { list: name } : { list: name, active: true },
          order: { sortOrder: 'ASC', code: 'ASC' },
        }),
    );
  }

  /** Adds or changes one item; a child must name an existing parent. */
  upsert(list: string, code: string, request: UpsertMasterDataItemRequest): Promise<MasterDataItem> {
    const name = MasterDataService.assertList(list);
    if (!CODE.test(code) || code.length > 80)
      throw new BadRequestException({
        message: ['code must be a lowercase code such as "gilgit" (letters, digits, single hyphens; up to 80)'],
      });
    const parentList = PARENT_LIST[name];
    if (request.parentCode && !parentList)
      throw new BadRequestException({ message: [`parentCode: items of "${name}" have no parent`] });
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(MasterDataItem);
      if (parentList && request.parentCode && !(await repo.existsBy({ list: parentList, code: request.parentCode }))) {
        throw new BadRequestException({ message: [`parentCode: no ${parentList} item "${request.parentCode}"`] });
      }
      const existing = await repo.findOneBy({ list: name, code });
      if (!existing && parentList && !request.parentCode)
        throw new BadRequestException({ message: [`parentCode is required for ${name}`] });
      const item = existing ?? repo.create({ list: name, code, sortOrder: 0, active: true, parentCode: null });
      item.nameEn = request.nameEn;
      item.nameUr = request.nameUr;
      if (request.parentCode !== undefined) item.parentCode = request.parentCode;
      if (request.sortOrder !== undefined) item.sortOrder = request.sortOrder;
      if (request.active !== undefined) item.active = request.active;
      const saved = await repo.save(item);
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
