import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FormsService } from '../forms/forms.service';
import { MasterDataService } from '../master-data/master-data.service';
import { ForumRulesService, SeedInstallReport } from '../routing/forum-rules.service';
import { WorkflowService } from '../workflow/workflow.service';

/**
 * What a province starts with, each part only if missing (so re-running is safe): master data
 * (config/master-data), the base form catalogue as version 1, the default workflow and its
 * forum rules. Runs in the caller's unit of work, in the province's schema.
 */
@Injectable()
export class ProvinceDefaults {
  constructor(
    private readonly masterData: MasterDataService,
    private readonly forms: FormsService,
    private readonly workflow: WorkflowService,
    private readonly forumRules: ForumRulesService,
  ) {}

  async install(
    em: EntityManager,
    slug: string,
  ): Promise<{ items: number; forms: string[]; forumRules: SeedInstallReport }> {
    const items = await this.masterData.install(em, slug);
    const installed = await this.forms.installMissing(em);
    await this.workflow.install(em);
    // Seed forum rules the province lacks (new eras, new seeds); any that would tie with its own
    // are reported, not added.
    const forumRules = await this.forumRules.installSeed(em, slug);
    return { items, forms: installed, forumRules };
  }
}
