import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../users/password-hasher.service';
import { AppConfig } from '../config/app-config';
import { Calendar } from '../common/calendar';
import { ForumRulesSummary } from '../routing/forum-rules';
import { ForumRulesService } from '../routing/forum-rules.service';
import { ProvinceSchemas } from '../tenancy/province-schemas.service';
import { isUniqueViolation } from '../common/sql';
import { ProvisioningRun } from '../provisioning/provisioning-run.entity';
import { ProvisioningService } from '../provisioning/provisioning.service';
import { schemaNameFor } from '../tenancy/slug';
import { TenantDomain } from '../tenancy/tenant-domain.entity';
import { Tenant, TenantStatus } from '../tenancy/tenant.entity';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { CreateTenantRequest } from './dto/tenant.dto';
import { PlatformAuditService } from './platform-audit.service';

export interface TenantView {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  statusReason: string | null;
  schemaName: string;
  schemaVersion: string | null;
  settings: Tenant['settings'];
  /** Its own requests-per-minute limit; null: the deployment's default (RATE_LIMIT_PER_PROVINCE_PER_MINUTE). */
  rateLimitPerMinute: number | null;
  domains: string[];
  url: string;
  /** A training sandbox's live province (slug); null for a live province. */
  sandboxOf: string | null;
  sandboxExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TenantDetail extends TenantView {
  runs: ProvisioningRun[];
  /** Today's state of its forum rules (null until it has a schema): warns when no provincial band is in force. */
  forumRules: ForumRulesSummary | null;
}

const RUNS_SHOWN = 10;

/** Operator-side management of the province registry. */
@Injectable()
export class TenantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly provisioning: ProvisioningService,
    private readonly registry: TenantRegistry,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
    private readonly schemas: ProvinceSchemas,
    private readonly forumRules: ForumRulesService,
    private readonly calendar: Calendar,
    private readonly audit: PlatformAuditService,
  ) {}

  async list(): Promise<TenantView[]> {
    return (await this.registry.all()).map((t) => this.view(t));
  }

  async get(slug: string): Promise<TenantDetail> {
    const tenant = await this.findOrFail(slug);
    const runs = await this.provisioning.recentRuns(tenant.id, RUNS_SHOWN);
    const provisioned = tenant.status === 'active' || tenant.status === 'suspended';
    const forumRules = provisioned
      ? await this.schemas.inSchema(tenant.schemaName, (em) => this.forumRules.summary(em, this.calendar.today()))
      : null;
    return { ...this.view(tenant), runs, forumRules };
  }

  /** A province as listed (no runs, no schema read); 404 when there is none. */
  async describe(slug: string): Promise<TenantView> {
    return this.view(await this.findOrFail(slug));
  }

  /** Registers the province and queues its provisioning; the caller gets the run to watch. */
  async create(
    request: CreateTenantRequest,
    operatorId: string | null,
  ): Promise<{ tenant: TenantView; run: ProvisioningRun }> {
    this.assertDomainsAllowed(request.domains ?? []);
    const adminPasswordHash = await this.hasher.hash(request.adminPassword);
    let created: { tenant: Tenant; run: ProvisioningRun };
    try {
      created = await this.dataSource.transaction(async (em) => {
        const tenant = await this.registry.register(em, {
          slug: request.slug,
          name: request.name,
          schemaName: schemaNameFor(request.slug),
          status: 'provisioning',
          settings: {
            locales: request.locales ?? ['en', 'ur'],
            branding: { title: request.name, ...(request.nameUr ? { titleUr: request.nameUr } : {}) },
          },
        });
        await this.registry.replaceDomains(em, tenant.id, request.domains ?? []);
        tenant.domains = (request.domains ?? []).map((domain) => ({ domain }) as TenantDomain);
        const run = await this.provisioning.createRun(
          em,
          tenant.id,
          { email: request.adminEmail.toLowerCase(), name: request.adminName ?? null, passwordHash: adminPasswordHash },
          operatorId,
        );
        await this.audit.record(
          'tenant.created',
          tenant.slug,
          {
            name: tenant.name,
            adminEmail: request.adminEmail.toLowerCase(),
            domains: request.domains ?? [],
            runId: run.id,
          },
          { em },
        );
        return { tenant, run };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictException(`A province with slug "${request.slug}" or one of these domains already exists`);
      }
      throw error;
    }
    await this.registry.invalidate();
    await this.provisioning.enqueue(created.tenant.id, created.run.id);
    return { tenant: this.view(created.tenant), run: created.run };
  }

  /** Starts a new run for a province whose provisioning failed. */
  async retry(slug: string, operatorId: string | null): Promise<ProvisioningRun> {
    const { tenantId, run } = await this.dataSource.transaction(async (em) => {
      const tenant = await this.registry.lockBySlug(em, slug);
      if (!tenant) throw new NotFoundException(`No province with slug "${slug}"`);
      if (tenant.status !== 'failed') {
        throw new ConflictException(
          `Province "${slug}" is ${tenant.status}; only a failed provisioning can be retried`,
        );
      }
      const admin = await this.provisioning.lastAdminOf(em, tenant.id);
      await this.registry.setStatus(em, tenant.id, 'provisioning', null);
      const newRun = await this.provisioning.createRun(em, tenant.id, admin, operatorId);
      await this.audit.record('tenant.retried', slug, { runId: newRun.id }, { em });
      return { tenantId: tenant.id, run: newRun };
    });
    await this.registry.invalidate();
    await this.provisioning.enqueue(tenantId, run.id);
    return run;
  }

  async suspend(slug: string, reason?: string): Promise<TenantView> {
    const view = await this.changeStatus(slug, 'active', 'suspended', reason ?? null);
    await this.audit.record('tenant.suspended', slug, { reason: reason ?? null });
    return view;
  }

  async resume(slug: string): Promise<TenantView> {
    const view = await this.changeStatus(slug, 'suspended', 'active', null);
    await this.audit.record('tenant.resumed', slug);
    return view;
  }

  async setDomains(slug: string, domains: string[]): Promise<TenantView> {
    this.assertDomainsAllowed(domains);
    const tenant = await this.findOrFail(slug);
    try {
      await this.dataSource.transaction(async (em) => {
        await this.registry.replaceDomains(em, tenant.id, domains);
        const before = (tenant.domains ?? []).map((d) => d.domain).sort();
        await this.audit.record('tenant.domains.set', slug, { before, after: [...domains].sort() }, { em });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException('One of these domains already serves another province');
      throw error;
    }
    await this.registry.invalidate();
    return this.view(await this.findOrFail(slug));
  }

  /**
   * Sets a province's own request limit (null: the deployment's default), audited; every API
   * process obeys it once the registry invalidation reaches it.
   */
  async setRateLimit(slug: string, perMinute: number | null): Promise<TenantView> {
    await this.dataSource.transaction(async (em) => {
      const changed = await this.registry.setRateLimit(em, slug, perMinute);
      if (!changed) throw new NotFoundException(`No province with slug "${slug}"`);
      await this.audit.record('tenant.rate-limit.set', slug, { before: changed.before, after: perMinute }, { em });
    });
    await this.registry.invalidate();
    return this.view(await this.findOrFail(slug));
  }

  private async changeStatus(
    slug: string,
    from: TenantStatus,
    to: TenantStatus,
    reason: string | null,
  ): Promise<TenantView> {
    const moved = await this.registry.transition({ slug }, from, to, reason);
    const tenant = await this.findOrFail(slug);
    if (!moved) {
      throw new ConflictException(`Province "${slug}" is ${tenant.status}; it must be ${from} to become ${to}`);
    }
    await this.registry.invalidate();
    return this.view(tenant);
  }

  /** A custom domain may not shadow the platform's own host names. */
  private assertDomainsAllowed(domains: string[]): void {
    const base = this.config.baseDomain;
    const bad = domains.find((d) => d === base || d.endsWith(`.${base}`));
    if (bad) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: [
          `domains: "${bad}" is under the platform's base domain ${base}; province subdomains are assigned by slug`,
        ],
        fields: { domains: [`"${bad}" is under the base domain ${base}`] },
      });
    }
  }

  private async findOrFail(slug: string): Promise<Tenant> {
    const tenant = await this.registry.describe(slug);
    if (!tenant) throw new NotFoundException(`No province with slug "${slug}"`);
    return tenant;
  }

  private view(t: Tenant): TenantView {
    return {
      id: t.id,
      slug: t.slug,
      name: t.name,
      status: t.status,
      statusReason: t.statusReason,
      schemaName: t.schemaName,
      schemaVersion: t.schemaVersion,
      settings: t.settings,
      rateLimitPerMinute: t.rateLimitPerMinute,
      domains: (t.domains ?? []).map((d) => d.domain).sort(),
      url: this.config.urlFor(`${t.slug}.${this.config.baseDomain}`),
      sandboxOf: t.sandboxOf,
      sandboxExpiresAt: t.sandboxExpiresAt,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    };
  }
}
