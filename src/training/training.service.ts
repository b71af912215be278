import { InjectQueue } from '@nestjs/bullmq';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomInt } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../common/sql';
import { AppConfig } from '../config/app-config';
import { PlatformDatabase } from '../database/platform-database.service';
import { DepartmentsService } from '../departments/departments.service';
import { SandboxBuildJob, TRAINING_QUEUE } from '../jobs/queues';
import { PasswordHasher } from '../users/password-hasher.service';
import { UsersService } from '../users/users.service';
import { ProvinceSchemas } from '../tenancy/province-schemas.service';
import { schemaNameFor } from '../tenancy/slug';
import { TenantRecord } from '../tenancy/tenant-context';
import { Tenant } from '../tenancy/tenant.entity';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { ChromiumService } from '../printing/chromium.service';
import { WorkflowService } from '../workflow/workflow.service';
import { exercisesFor, WorkflowSteps } from './exercises';
import { signInSheet } from './sign-in-sheet';
import { SandboxBuilder } from './sandbox-builder.service';
import { SandboxAdmin, SandboxRun, SandboxRunsRepository, SandboxRunTrigger } from './sandbox-runs.repository';
import { parseTrainees } from './trainee-csv';
import { TraineesRepository } from './trainees.repository';

const RUNS_SHOWN = 10;
const DAY_MS = 86_400_000;
/** Trainee passwords: unambiguous letters and digits, long enough to pass the password policy. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PASSWORD_LENGTH = 14;
const KEEP_JOBS = { count: 1000 };

export interface SandboxView {
  slug: string;
  liveSlug: string;
  status: Tenant['status'];
  host: string;
  expiresAt: Date | null;
  counts: Record<string, number> | null;
  lastReset: { at: Date | null; durationMs: number | null } | null;
  runs: SandboxRun[];
}

/**
 * Training sandboxes (issue 17): a live province's sandbox is its own province `<slug>-training`,
 * built by the training queue from the live configuration and a scenario set (SandboxBuilder),
 * with trainees from the trainer's CSV and exercises checked from the sandbox's audit log. The
 * trainer works from the live province's host; operators from the console.
 */
@Injectable()
export class TrainingService {
  constructor(
    private readonly platformDb: PlatformDatabase,
    @InjectQueue(TRAINING_QUEUE) private readonly queue: Queue<SandboxBuildJob>,
    private readonly registry: TenantRegistry,
    private readonly runs: SandboxRunsRepository,
    private readonly builder: SandboxBuilder,
    private readonly schemas: ProvinceSchemas,
    private readonly trainees: TraineesRepository,
    private readonly users: UsersService,
    private readonly departments: DepartmentsService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly workflow: WorkflowService,
    private readonly config: AppConfig,
    private readonly chromium: ChromiumService,
  ) {}

  /** The sandbox's slug for a live province's, or a 400 when it would be too long a slug. */
  sandboxSlugOf(liveSlug: string): string {
    const slug = `${liveSlug}-training`;
    if (slug.length > 31)
      throw new BadRequestException({ message: [`slug: "${liveSlug}" is too long to have a sandbox "${slug}"`] });
    return slug;
  }

  /**
   * Registers the sandbox and queues its creation. Its first administrator is the trainer (a
   * province admin's own account, password included) or the one an operator names.
   */
  async create(
    liveSlug: string,
    admin: SandboxAdmin,
    trigger: SandboxRunTrigger,
    requestedBy: string,
  ): Promise<{ sandbox: SandboxView; run: SandboxRun }> {
    const live = await this.registry.describe(liveSlug);
    if (!live) throw new NotFoundException(`No province with slug "${liveSlug}"`);
    if (live.sandboxOf)
      throw new BadRequestException({ message: [`slug: "${liveSlug}" is itself a training sandbox`] });
    if (live.status !== 'active')
      throw new ConflictException(`Province "${liveSlug}" is ${live.status}; it must be active`);
    const slug = this.sandboxSlugOf(liveSlug);
    let run: SandboxRun;
    try {
      run = await this.platformDb.transaction(async (em) => {
        const tenant = await this.registry.register(em, {
          slug,
          name: `${live.name} (training)`,
          schemaName: schemaNameFor(slug),
          status: 'provisioning',
          settings: {
            ...live.settings,
            branding: { ...live.settings.branding, title: `${live.name} — TRAINING`, titleUr: 'تربیتی ماحول' },
          },
          sandboxOf: live.slug,
          sandboxExpiresAt: new Date(Date.now() + this.config.sandbox.days * DAY_MS),
        });
        return this.runs.insert(em, {
          tenantId: tenant.id,
          kind: 'create',
          keepTrainees: true,
          trigger,
          requestedBy,
          admin,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictException(`Province "${liveSlug}" already has a training sandbox`);
      throw error;
    }
    await this.registry.invalidate();
    await this.enqueue(run);
    return { sandbox: await this.view(liveSlug), run };
  }

  /** The sandbox of a live province, its figures, last reset and recent builds. */
  async view(liveSlug: string): Promise<SandboxView> {
    const sandbox = await this.sandboxOrFail(liveSlug);
    const runs = await this.runs.recent(sandbox.id, RUNS_SHOWN);
    const counts =
      sandbox.status === 'active'
        ? await this.schemas.inSchema(sandbox.schemaName, (em) => this.builder.countsOf(em))
        : null;
    const reset = runs.find((r) => r.status === 'succeeded');
    return {
      slug: sandbox.slug,
      liveSlug,
      status: sandbox.status,
      host: `${sandbox.slug}.${this.config.baseDomain}`,
      expiresAt: sandbox.sandboxExpiresAt,
      counts,
      lastReset: reset ? { at: reset.finishedAt, durationMs: reset.durationMs } : null,
      runs,
    };
  }

  async run(liveSlug: string, runId: string): Promise<SandboxRun> {
    const sandbox = await this.sandboxOrFail(liveSlug);
    const run = await this.runs.find(runId);
    if (!run || run.tenantId !== sandbox.id) throw new NotFoundException(`No build ${runId} of this sandbox`);
    const { admin: _forgotten, ...shown } = run;
    return shown;
  }

  /** Queues a reset to the initial state (scenario set anew; trainees kept or removed). */
  async reset(liveSlug: string, keepTrainees: boolean, trigger: SandboxRunTrigger, requestedBy: string | null) {
    const sandbox = await this.sandboxOrFail(liveSlug);
    if (sandbox.status !== 'active')
      throw new ConflictException(`The sandbox is ${sandbox.status}; only an active sandbox can be reset`);
    let run: SandboxRun;
    try {
      run = await this.platformDb.transaction((em) =>
        this.runs.insert(em, { tenantId: sandbox.id, kind: 'reset', keepTrainees, trigger, requestedBy, admin: null }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException('A build of this sandbox is already queued or running');
      throw error;
    }
    await this.enqueue(run);
    return run;
  }

  /** Resets every active sandbox, trainees kept (SANDBOX_RESET_CRON); one already building is left alone. */
  async resetAll(): Promise<number> {
    let queued = 0;
    for (const id of await this.registry.activeSandboxIds()) {
      const sandbox = await this.registry.describeById(id);
      if (!sandbox?.sandboxOf) continue;
      try {
        await this.reset(sandbox.sandboxOf, true, 'schedule', null);
        queued++;
      } catch (error) {
        if (!(error instanceof ConflictException)) throw error;
      }
    }
    return queued;
  }

  /** Keeps the sandbox open SANDBOX_DAYS from now (or from its current date, if later). */
  async extend(liveSlug: string): Promise<SandboxView> {
    const sandbox = await this.sandboxOrFail(liveSlug);
    const from = Math.max(Date.now(), sandbox.sandboxExpiresAt?.getTime() ?? 0);
    await this.registry.setSandboxExpiry(sandbox.id, new Date(from + this.config.sandbox.days * DAY_MS));
    await this.registry.invalidate();
    return this.view(liveSlug);
  }

  /**
   * Creates the trainees of a CSV in the sandbox, all or none, each with a one-time password the
   * trainer hands out on the sign-in sheet; they exist in the sandbox only.
   */
  async addTrainees(liveSlug: string, csv: string) {
    const sandbox = await this.activeSandboxRecord(liveSlug);
    const { trainees, problems } = parseTrainees(csv);
    const withPasswords = await Promise.all(
      trainees.map(async (t) => {
        const password = this.password();
        return { ...t, password, passwordHash: await this.hasher.hash(password) };
      }),
    );
    return this.schemas.inProvince(sandbox, async (em) => {
      const departments = new Map(
        (await this.departments.active(em)).flatMap((d) => [
          [d.code.toLowerCase(), d],
          [d.name.toLowerCase(), d],
        ]),
      );
      for (const t of trainees) {
        if (t.department && !departments.has(t.department.toLowerCase()))
          problems.push(`line ${t.line}: department "${t.department}" is not an active department of this province`);
        else if (await this.users.existsByEmail(em, t.email))
          problems.push(`line ${t.line}: email ${t.email} already has an account in the sandbox`);
      }
      if (problems.length) throw new BadRequestException({ message: problems });
      const created = [];
      for (const t of withPasswords) {
        const department = t.department ? departments.get(t.department.toLowerCase())! : null;
        const user = await this.users.create(em, {
          email: t.email,
          name: t.name,
          passwordHash: t.passwordHash,
          roles: [t.role],
          status: 'active',
          departmentId: department?.id ?? null,
        });
        await this.trainees.insert(em, { userId: user.id, role: t.role, departmentCode: department?.code ?? null });
        created.push({
          id: user.id,
          name: t.name,
          email: t.email,
          role: t.role,
          department: department?.code ?? null,
          password: t.password,
        });
      }
      await this.audit.record(em, { action: 'training.trainees.created', details: { count: created.length } });
      return { sandboxHost: `${sandbox.slug}.${this.config.baseDomain}`, trainees: created };
    });
  }

  /** The sign-in sheet of trainees just created (their one-time passwords are shown nowhere else). */
  async signInSheetPdf(
    liveSlug: string,
    locale: 'en' | 'ur',
    created: {
      sandboxHost: string;
      trainees: Array<{ name: string; email: string; role: string; department: string | null; password: string }>;
    },
  ): Promise<Buffer> {
    const live = await this.registry.findBySlug(liveSlug);
    const provinceName = (locale === 'ur' && live?.settings.branding?.titleUr) || live?.name || liveSlug;
    return this.chromium.print(
      ...this.sheetArgs(signInSheet(locale, provinceName, created.sandboxHost, created.trainees)),
    );
  }

  private sheetArgs(page: {
    html: string;
    headerTemplate: string;
    footerTemplate: string;
  }): [string, { headerTemplate: string; footerTemplate: string }] {
    return [page.html, { headerTemplate: page.headerTemplate, footerTemplate: page.footerTemplate }];
  }

  /** Each trainee's exercises, done or not, from what they did in the sandbox (its audit log). */
  async progress(liveSlug: string) {
    const sandbox = await this.activeSandboxRecord(liveSlug);
    return this.schemas.inProvince(sandbox, async (em) => {
      const rows = await this.trainees.list(em);
      const ids = rows.map((r) => r.userId);
      // One after another: they share the unit of work's one connection.
      const names = await this.users.namesOf(em, ids);
      const emails = await this.users.emailsOf(em, ids);
      const actions = await this.audit.actionsBy(em, ids);
      // Read through the sandbox's own workflow: its actions may have other names than the default's.
      const steps = new WorkflowSteps((await this.workflow.current(em)).config);
      return rows.map((r) => {
        const mine = actions.filter((a) => a.actorId === r.userId);
        const exercises = exercisesFor(r.role).map((e) => ({ id: e.id, label: e.label, done: e.done(mine, steps) }));
        return {
          id: r.userId,
          name: names.get(r.userId) ?? null,
          email: emails.get(r.userId) ?? null,
          role: r.role,
          department: r.departmentCode,
          actions: mine.length,
          exercises,
          done: exercises.filter((e) => e.done).length,
        };
      });
    });
  }

  private password(): string {
    return Array.from({ length: PASSWORD_LENGTH }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(
      '',
    );
  }

  private async enqueue(run: SandboxRun): Promise<void> {
    await this.queue.add(
      run.kind,
      { tenantId: run.tenantId, runId: run.id },
      { jobId: `sandbox-${run.id}`, attempts: 1, removeOnComplete: KEEP_JOBS, removeOnFail: KEEP_JOBS },
    );
  }

  private async sandboxOrFail(liveSlug: string): Promise<Tenant> {
    const sandbox = await this.registry.sandboxOf(liveSlug);
    if (!sandbox) throw new NotFoundException(`Province "${liveSlug}" has no training sandbox`);
    return sandbox;
  }

  private async activeSandboxRecord(liveSlug: string): Promise<TenantRecord> {
    const sandbox = await this.sandboxOrFail(liveSlug);
    const record = await this.registry.findById(sandbox.id);
    if (!record || record.status !== 'active')
      throw new ConflictException(`The sandbox is ${sandbox.status}; wait for its build to finish`);
    return record;
  }
}
