import { EntityManager } from 'typeorm';
import { FormsService } from '../forms/forms.service';
import { MasterDataService } from '../master-data/master-data.service';
import { ForumRulesService, SeedInstallReport } from '../routing/forum-rules.service';
import { WorkflowService } from '../workflow/workflow.service';

/**
 * What a province starts with, each part only if missing (so re-running is safe): master data
 * (config/master-data), the base form catalogue as version 1, the default workflow and its
 * forum rules. Runs in the caller's transaction, in the province's schema.
 */
export async function installProvinceDefaults(
  em: EntityManager,
  slug: string,
  forms: FormsService,
): Promise<{ items: number; forms: string[]; forumRules: SeedInstallReport }> {
  const items = await MasterDataService.install(em, slug);
  const installed = await forms.installMissing(em);
  await WorkflowService.install(em);
  // Seed forum rules the province lacks (new eras, new seeds); any that would tie with its own are reported, not added.
  const forumRules = await ForumRulesService.install(em, slug);
  return { items, forms: installed, forumRules };
}
