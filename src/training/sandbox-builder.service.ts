import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Calendar } from '../common/calendar';
import { MigrationRunner } from '../database/migration-runner.service';
import { PlatformDatabase } from '../database/platform-database.service';
import { DepartmentsService } from '../departments/departments.service';
import { MasterDataService } from '../master-data/master-data.service';
import { ProjectsService } from '../projects/projects.service';
import { ScenarioActor, ScenarioDocumentsService } from '../projects/scenario-documents.service';
import { ForumRulesService } from '../routing/forum-rules.service';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { UsersService } from '../users/users.service';
import { WorkflowService } from '../workflow/workflow.service';
import { SandboxAdmin, SandboxRunsRepository, SandboxStep } from './sandbox-runs.repository';
import { SandboxSchemaRepository } from './sandbox-schema.repository';
import { scenarioPlans } from './scenario';
import { TraineesRepository } from './trainees.repository';

const STEPS = ['keep-people', 'recreate-schema', 'migrate', 'copy-configuration', 'people', 'scenario', 'activate'];

/** What a sandbox holds after a build: the figures a reset must return to. */
export type SandboxCounts = Record<string, number>;

/**
 * Builds a training sandbox from its live province, for its creation and for every reset alike:
 * in one transaction, the sandbox's schema is dropped and made anew, migrated, given the live
 * province's configuration, its administrators (and trainees, when kept) put back and the scenario
 * set planted. A failure leaves the sandbox as it was; requests on the sandbox during a reset wait
 * for its commit, then see the new state whole. Progress is written outside the transaction.
 */
@Injectable()
export class SandboxBuilder {
  private readonly logger = new Logger(SandboxBuilder.name);

  constructor(
    private readonly platformDb: PlatformDatabase,
    private readonly runs: SandboxRunsRepository,
    private readonly schema: SandboxSchemaRepository,
    private readonly trainees: TraineesRepository,
    private readonly migrations: MigrationRunner,
    private readonly registry: TenantRegistry,
    private readonly users: UsersService,
    private readonly workflow: WorkflowService,
    private readonly masterData: MasterDataService,
    private readonly departments: DepartmentsService,
    private readonly forumRules: ForumRulesService,
    private readonly scenario: ScenarioDocumentsService,
    private readonly projects: ProjectsService,
    private readonly calendar: Calendar,
  ) {}

  async build(runId: string): Promise<'succeeded' | 'failed' | 'already-done'> {
    const run = await this.runs.find(runId);
    if (!run) throw new Error(`sandbox run ${runId} not found`);
    const steps: SandboxStep[] = STEPS.map((name) => ({ name, status: 'pending' }));
    if (!(await this.runs.start(runId, steps))) return 'already-done';
    const sandbox = await this.registry.describeById(run.tenantId);
    const live = sandbox?.sandboxOf ? await this.registry.describe(sandbox.sandboxOf) : null;
    const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const s = steps.find((x) => x.name === name)!;
      Object.assign(s, { status: 'running', at: new Date().toISOString() });
      await this.runs.saveSteps(runId, steps);
      const result = await work();
      s.status = 'done';
      return result;
    };
    try {
      if (!sandbox || !live) throw new Error('the sandbox or its live province is no longer registered');
      const counts = await this.platformDb.transaction(async (em) => {
        await this.schema.lock(em, sandbox.schemaName);
        const kept = await step('keep-people', async () =>
          (await this.schema.exists(em, sandbox.schemaName))
            ? this.schema.keptPeople(em, sandbox.schemaName, run.keepTrainees)
            : { users: [], trainees: [] },
        );
        await step('recreate-schema', () => this.schema.recreate(em, sandbox.schemaName));
        // Leaves the transaction's search_path on the sandbox: the services below work in it.
        await step('migrate', () => this.migrations.migrateTenantSchema(em, sandbox.id, sandbox.schemaName));
        const copied = await step('copy-configuration', () =>
          this.schema.copyConfiguration(em, live.schemaName, sandbox.schemaName),
        );
        const actors = await step('people', async () => {
          await this.schema.restorePeople(em, sandbox.schemaName, kept);
          if (run.kind === 'create') await this.seedAdmin(em, run.admin);
          return this.scenarioActors(em, sandbox.slug);
        });
        await step('scenario', () => this.plantScenario(em, actors));
        const counts = await this.countsOf(em, copied);
        await step('activate', () => this.registry.setStatus(em, sandbox.id, 'active', null));
        return counts;
      });
      await this.runs.finish(runId, { status: 'succeeded', steps, counts, error: null });
      this.logger.log({ tenant: sandbox.slug, kind: run.kind }, `Training sandbox ${sandbox.slug} built`);
      return 'succeeded';
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      for (const s of steps) if (s.status === 'running') s.status = 'failed';
      await this.runs.finish(runId, { status: 'failed', steps, counts: {}, error: reason });
      // A failed creation leaves a failed province (its schema never committed); a failed reset, the sandbox as it was.
      if (run.kind === 'create') await this.registry.transition({ id: run.tenantId }, 'provisioning', 'failed', reason);
      this.logger.error({ tenant: sandbox?.slug, err: reason }, 'Training sandbox build failed');
      return 'failed';
    } finally {
      await this.registry.invalidate();
    }
  }

  /** The sandbox's figures in the build's transaction (also what GET /api/training/sandbox reports). */
  async countsOf(em: EntityManager, copied: Record<string, number> = {}): Promise<SandboxCounts> {
    const figures = await this.projects.figures(em);
    return {
      ...copied,
      projects: figures.projects,
      documents: figures.documents,
      users: await this.users.count(em),
      trainees: await this.trainees.count(em),
    };
  }

  private async seedAdmin(em: EntityManager, admin: SandboxAdmin | null): Promise<void> {
    if (!admin) throw new Error('the sandbox creation run has no administrator');
    await this.users.create(em, { ...admin, roles: ['tenant_admin'], status: 'active' });
  }

  /**
   * Who the scenario's history is recorded as: disabled accounts on a reserved domain, so nobody
   * signs in as them and no mail reaches anyone through them.
   */
  private async scenarioActors(
    em: EntityManager,
    slug: string,
  ): Promise<Record<'preparer' | 'reviewer' | 'approver', ScenarioActor>> {
    const actors = {} as Record<'preparer' | 'reviewer' | 'approver', ScenarioActor>;
    for (const role of ['preparer', 'reviewer', 'approver'] as const) {
      const email = `scenario-${role}@${slug}.training.invalid`;
      const user = await this.users.create(em, {
        email,
        name: `Scenario ${role}`,
        passwordHash: '!',
        roles: [role],
        status: 'disabled',
      });
      actors[role] = { id: user.id, email };
    }
    return actors;
  }

  private async plantScenario(em: EntityManager, actors: Record<'preparer' | 'reviewer' | 'approver', ScenarioActor>) {
    const { config } = await this.workflow.current(em);
    const snapshot = await this.masterData.snapshot(em);
    const departments = await this.departments.active(em);
    const rules = await this.forumRules.rulesIn(em);
    const plans = scenarioPlans(config, {
      districts: (snapshot.districts ?? []).map((d) => ({ code: d.value, name: d.label.en })),
      departments: departments.map((d) => ({ id: d.id, code: d.code })),
      actors,
      forum: rules[0]?.forum ?? null,
      today: this.calendar.today(),
    });
    for (const plan of plans) await this.scenario.plant(em, plan);
    return plans.length;
  }
}
