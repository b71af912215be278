import { randomBytes } from 'node:crypto';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Logger as PinoLogger } from 'nestjs-pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { ensureDatabase } from '../../src/database/database-bootstrap';
import { Migration, TENANT_MIGRATIONS } from '../../src/database/migration';
import { PasswordHasher } from '../../src/users/password-hasher.service';
import { MigrationRunner } from '../../src/database/migration-runner.service';
import { schemaNameFor } from '../../src/tenancy/slug';
import { BASE_CATALOGUE } from '../../src/forms/catalogue';
import { FormDefinition } from '../../src/forms/definition';
import { BASE_FORMS } from '../../src/forms/form-catalogue.service';
import { CreateTenantRequest } from '../../src/platform/dto/tenant.dto';
import { TenantsService } from '../../src/platform/tenants.service';
import { TenantProvisioner } from '../../src/provisioning/tenant-provisioner.service';
import { prepareApi } from '../../src/startup';
import { tenantMigrations as shippedTenantMigrations } from '../../src/tenancy/tenant-migrations';
import { WorkerModule } from '../../src/worker.module';
import { appDatabaseUrl, recreateDatabase, specDatabaseName, TEST_BASE_DOMAIN, TEST_DATABASE_URL } from './test-env';

export const OPERATOR = { email: 'operator@daftar.test', password: 'Operator-Password-1' };
export const ADMIN_PASSWORD = 'Province-Admin-Pass-1';

export interface HarnessOptions {
  /** Extra environment for this instance (e.g. TRUST_PROXY, DB_POOL_SIZE). */
  env?: Record<string, string>;
  /** Replaces the tenant migration list (tests add one made to fail). */
  tenantMigrations?: readonly Migration[];
  /** Also start a worker (its own Nest context, DataSource and Redis connections, like a second process). */
  worker?: boolean;
  /** Share the Redis prefix of another instance (several API processes of one deployment). */
  redisPrefix?: string;
  /** Replaces the base form catalogue (tests ship an extra base version). */
  baseForms?: readonly FormDefinition[];
  /** Use a fresh database of this name instead of the shared test database (for specs that touch every province). */
  freshDatabase?: string;
}

export interface ProvisionedProvince {
  id: string;
  slug: string;
  host: string;
  adminEmail: string;
}

/** Starts the real API (and optionally the worker) on real Postgres and Redis for one spec file. */
export class Harness {
  readonly operatorLogin = OPERATOR;
  private operatorTokenCache?: string;

  private constructor(
    readonly api: INestApplication,
    readonly worker: INestApplicationContext | undefined,
    readonly url: string,
    readonly config: AppConfig,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const databaseUrl = options.freshDatabase
      ? await recreateDatabase(specDatabaseName(options.freshDatabase))
      : TEST_DATABASE_URL;
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: appDatabaseUrl(databaseUrl),
      BASE_DOMAIN: TEST_BASE_DOMAIN,
      REDIS_PREFIX: options.redisPrefix ?? `test-${randomBytes(4).toString('hex')}`,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      PLATFORM_ADMIN_EMAIL: OPERATOR.email,
      PLATFORM_ADMIN_PASSWORD: OPERATOR.password,
      // Cheap hashes keep the suite fast; production cost is checked by the config defaults.
      ARGON2_MEMORY_KIB: '8192',
      ARGON2_TIME_COST: '1',
      // Specs send bursts from one province; test/rate-limit sets its own limits.
      RATE_LIMIT_PER_PROVINCE_PER_MINUTE: '1000000',
      ...options.env,
    });
    // Direct, not through a pooler: it may create the database and sets the role's defaults.
    await ensureDatabase({ ...config, database: { ...config.database, url: databaseUrl } } as AppConfig);
    const migrations = options.tenantMigrations ?? shippedTenantMigrations;

    const baseForms = options.baseForms ?? BASE_CATALOGUE;
    const apiModule = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(AppConfig)
      .useValue(config)
      .overrideProvider(TENANT_MIGRATIONS)
      .useValue(migrations)
      .overrideProvider(BASE_FORMS)
      .useValue(baseForms)
      .compile();
    const api = apiModule.createNestApplication({ bufferLogs: true });
    let worker: INestApplicationContext | undefined;
    try {
      configureApp(api);
      await api.init();
      await api.get(MigrationRunner).migratePlatform();
      await prepareApi(api);
      await api.listen(0, '127.0.0.1');
      if (options.worker) {
        const workerModule = await Test.createTestingModule({ imports: [WorkerModule] })
          .overrideProvider(AppConfig)
          .useValue(config)
          .overrideProvider(TENANT_MIGRATIONS)
          .useValue(migrations)
          .overrideProvider(BASE_FORMS)
          .useValue(baseForms)
          .compile();
        workerModule.useLogger(workerModule.get(PinoLogger));
        worker = await workerModule.init();
      }
    } catch (error) {
      // A failed start must not leave Redis and Postgres connections open: Jest would wait for
      // them for ever instead of reporting the failure.
      await worker?.close().catch(() => undefined);
      await api.close().catch(() => undefined);
      throw error;
    }
    const url = await api.getUrl();
    return new Harness(api, worker, url.replace('[::1]', '127.0.0.1'), config);
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.api.close();
  }

  get dataSource(): DataSource {
    return this.api.get<DataSource>(getDataSourceToken());
  }

  get platformHost(): string {
    return this.config.platformHost;
  }

  hostOf(slug: string): string {
    return `${slug}.${this.config.baseDomain}`;
  }

  /** A supertest request aimed at this server with the given Host header. */
  on(host: string) {
    const agent = request(this.url);
    const wrap = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, token?: string) => {
      const req = agent[method](path).set('Host', host);
      return token ? req.set('Authorization', `Bearer ${token}`) : req;
    };
    return {
      get: (path: string, token?: string) => wrap('get', path, token),
      post: (path: string, token?: string) => wrap('post', path, token),
      put: (path: string, token?: string) => wrap('put', path, token),
      patch: (path: string, token?: string) => wrap('patch', path, token),
      delete: (path: string, token?: string) => wrap('delete', path, token),
    };
  }

  async operatorToken(): Promise<string> {
    if (this.operatorTokenCache) return this.operatorTokenCache;
    const res = await this.on(this.platformHost).post('/api/platform/auth/login').send(OPERATOR).expect(200);
    this.operatorTokenCache = res.body.accessToken as string;
    return this.operatorTokenCache;
  }

  /** Provisions in this process (no queue): fast set-up for specs about something else. */
  async provisionDirect(slug: string, name = `Province ${slug}`): Promise<ProvisionedProvince> {
    const adminEmail = `admin@${slug}.gov.pk`;
    const { tenant, run } = await this.api
      .get(TenantsService)
      .create({ slug, name, adminEmail, adminPassword: ADMIN_PASSWORD } as CreateTenantRequest, null);
    const outcome = await this.api.get(TenantProvisioner).provision(tenant.id, run.id);
    if (outcome === 'failed') throw new Error(`provisioning ${slug} failed`);
    return { id: tenant.id, slug, host: this.hostOf(slug), adminEmail };
  }

  /** Provisions through the API and the worker, as an operator would; resolves when it ends. */
  async provisionViaApi(
    slug: string,
    name = `Province ${slug}`,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const token = await this.operatorToken();
    const res = await this.on(this.platformHost)
      .post('/api/platform/tenants', token)
      .send({ slug, name, adminEmail: `admin@${slug}.gov.pk`, adminPassword: ADMIN_PASSWORD });
    if (res.status !== 202) return { status: res.status, body: res.body };
    return { status: 202, body: await this.waitForRun(slug, res.body.runId) };
  }

  async waitForRun(slug: string, runId: string, timeoutMs = 20_000): Promise<Record<string, unknown>> {
    const token = await this.operatorToken();
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const res = await this.on(this.platformHost).get(`/api/platform/tenants/${slug}`, token).expect(200);
      const run = res.body.runs.find((r: { id: string }) => r.id === runId);
      if (run && (run.status === 'succeeded' || run.status === 'failed')) return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`run ${runId} of ${slug} did not finish within ${timeoutMs} ms`);
  }

  /** A province provisioned for this spec with its admin signed in: the usual starting point. */
  async provinceWithAdmin(prefix: string): Promise<ProvisionedProvince & { adminToken: string }> {
    const province = await this.provisionDirect(uniqueSlug(prefix));
    return { ...province, adminToken: await this.login(province) };
  }

  /** A user with one role in the province, created directly, signed in. */
  async userWithRole(
    province: ProvisionedProvince,
    role: string,
    locale: 'en' | 'ur' = 'en',
  ): Promise<{ id: string; email: string; token: string }> {
    const email = `${role}-${randomBytes(3).toString('hex')}@${province.slug}.gov.pk`;
    const passwordHash = await this.api.get(PasswordHasher).hash(ADMIN_PASSWORD);
    const [row] = await this.dataSource.query(
      `INSERT INTO ${schemaNameFor(province.slug)}.users (email, name, password_hash, roles, status, locale)
       VALUES ($1, $2, $3, $4, 'active', $5) RETURNING id`,
      [email, `Test ${role}`, passwordHash, [role], locale],
    );
    const res = await this.on(province.host)
      .post('/api/auth/login')
      .send({ email, password: ADMIN_PASSWORD })
      .expect(200);
    return { id: row.id, email, token: res.body.accessToken as string };
  }

  async login(province: ProvisionedProvince, password = ADMIN_PASSWORD): Promise<string> {
    const res = await this.on(province.host)
      .post('/api/auth/login')
      .send({ email: province.adminEmail, password })
      .expect(200);
    return res.body.accessToken as string;
  }
}

/** A slug unique to this run, so spec files sharing the database never collide. */
export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}
