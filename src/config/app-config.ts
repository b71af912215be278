import { createSecretKey, KeyObject } from 'node:crypto';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { PROJECT_ROOT } from './paths';

/**
 * Typed configuration, read once from the environment and validated at start-up.
 * Defaults make a local checkout work with no .env; production must set its secrets.
 */
const DEV_JWT_SECRET = 'daftar-local-development-secret-do-not-use-in-production';
const DEV_OPERATOR_PASSWORD = 'Daftar-Operator-2026';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const hostname = z
  .string()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'must be a host name such as daftar.gov.pk',
  );

/** Comma-separated CIDR blocks (IPv4 or IPv6), e.g. `10.0.0.0/8,::1/128`; each is checked by ipaddr.js. */
const cidrList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  )
  .superRefine((list, ctx) => {
    for (const cidr of list) {
      if (ipaddr.isValidCIDR(cidr)) continue;
      ctx.addIssue({ code: 'custom', message: `"${cidr}" is not a CIDR block such as 10.0.0.0/8` });
    }
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' })
      .default('postgres://postgres@127.0.0.1:5432/daftar'),
    DB_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(10),
    DB_APPLICATION_NAME: z.string().min(1).max(63).default('daftar'),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9_-]{1,40}$/, 'letters, digits, _ and - only')
      .default('daftar'),
    REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
    BASE_DOMAIN: hostname.default('localhost'),
    TRUST_PROXY: bool.default(false),
    PUBLIC_URL_SCHEME: z.enum(['http', 'https']).default('http'),
    PLATFORM_ADMIN_EMAIL: z.email().toLowerCase().optional(),
    PLATFORM_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(200).optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
    INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(72),
    PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
    REFRESH_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(300)
      .max(90 * 86400)
      .default(7 * 86400),
    REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
    TENANT_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
    USER_TOKEN_CHECK: bool.default(true),
    USER_TOKEN_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    USER_TOKEN_CACHE_SIZE: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
    PROVISIONING_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
    PROVISIONING_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
    MIGRATION_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    MIGRATION_RUN_STALE_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
    ARGON2_MEMORY_KIB: z.coerce.number().int().min(8192).max(1_048_576).default(19_456),
    ARGON2_TIME_COST: z.coerce.number().int().min(1).max(20).default(2),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(25_000),
    HTTP_BODY_LIMIT_KB: z.coerce.number().int().min(16).max(65_536).default(2048),
    JSON_MAX_DEPTH: z.coerce.number().int().min(8).max(256).default(32),
    UNAVAILABLE_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
    FORM_VALIDATOR_CACHE_SIZE: z.coerce.number().int().min(1).max(100_000).default(500),
    STORAGE_DIR: z.string().min(1).default('.data/attachments'),
    ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(1024).default(25),
    TIME_ZONE: z
      .string()
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as Asia/Karachi')
      .default('Asia/Karachi'),
    WEB_DIST_DIR: z.string().min(1).default('dist/web'),
    // --- documents out (PDF, mail, webhooks, reminders, exports) ---
    CHROMIUM_PATH: z.string().min(1).optional(),
    PDF_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    PDF_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
    MAIL_FROM: z.string().min(3).max(200).optional(),
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
    MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
    MAIL_RETRY_DELAY_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    MAIL_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    MAIL_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
    REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(9),
    REMINDER_DUE_SOON_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    WEBHOOK_ALLOW_HTTP: bool.default(false),
    WEBHOOK_ALLOWED_HOSTS: z.string().default(''),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
    WEBHOOK_RETRY_HOURS: z.coerce.number().int().min(1).max(168).default(24),
    WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(15),
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
    // --- province archives (src/portability) ---
    PORTABILITY_DIR: z.string().min(1).default('.data/portability'),
    PORTABILITY_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1_000_000).default(4096),
    // What an archive may unpack to: a province's tables compress about 2:1 (bench:portability), so
    // 16 × the largest upload leaves room for any real archive and none for a gzip bomb.
    PORTABILITY_UNPACKED_MAX_MB: z.coerce.number().int().min(1).max(16_000_000).default(65_536),
    PORTABILITY_RETENTION_HOURS: z.coerce.number().int().min(1).max(8760).default(72),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // --- operations: /metrics, the queue dashboard, the console's province figures ---
    METRICS_ALLOWED_NETWORKS: cidrList.default([]),
    METRICS_PROVINCE_LABEL_LIMIT: z.coerce.number().int().min(1).max(10_000).default(200),
    WORKER_METRICS_PUSH_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
    PROVINCE_STATS_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    PORTFOLIO_HOUR: z.coerce.number().int().min(0).max(23).default(2),
    // --- noisy neighbours: each province's share of the API ---
    RATE_LIMIT_ENABLED: bool.default(true),
    RATE_LIMIT_PER_PROVINCE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(6000),
    RATE_LIMIT_REDIS_TIMEOUT_MS: z.coerce.number().int().min(5).max(5000).default(200),
    SANDBOX_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    // Cron pattern (BullMQ job scheduler, in TIME_ZONE) for resetting every training sandbox; empty: on demand only.
    SANDBOX_RESET_CRON: z.string().max(100).default(''),
  })
  .superRefine((env, ctx) => {
    // A provisioning run holds one connection for its transaction and borrows another to
    // publish progress; with no spare connection the runs would wait on each other forever.
    if (env.PROVISIONING_CONCURRENCY >= env.DB_POOL_SIZE) {
      ctx.addIssue({ code: 'custom', path: ['PROVISIONING_CONCURRENCY'], message: 'must be less than DB_POOL_SIZE' });
    }
    if (env.NODE_ENV !== 'production') return;
    // Only the bench's baseline turns it off: without it a demoted or disabled user keeps their token's rights.
    if (!env.USER_TOKEN_CHECK) {
      ctx.addIssue({ code: 'custom', path: ['USER_TOKEN_CHECK'], message: 'cannot be off when NODE_ENV=production' });
    }
    for (const key of ['JWT_SECRET', 'PLATFORM_ADMIN_EMAIL', 'PLATFORM_ADMIN_PASSWORD', 'SMTP_URL'] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production' });
    }
  });

export class ConfigError extends Error {}

/** The validated configuration. Injected by class token so consumers get types without casts. */
export class AppConfig {
  readonly env!: 'development' | 'test' | 'production';
  readonly port!: number;
  readonly database!: { url: string; poolSize: number; applicationName: string; name: string };
  readonly redis!: { url: string; prefix: string; commandTimeoutMs: number };
  readonly baseDomain!: string;
  /** The operator console's host: `admin.<BASE_DOMAIN>`. */
  readonly platformHost!: string;
  readonly trustProxy!: boolean;
  readonly publicUrlScheme!: 'http' | 'https';
  readonly platformAdmin!: { email: string; password: string };
  /**
   * `key` is the secret as a KeyObject: given a string, jsonwebtoken first tries (and fails) to
   * parse it as a PEM public key on every call, which cost a fifth of a request's CPU.
   */
  readonly jwt!: {
    secret: string;
    key: KeyObject;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    /**
     * A refresh token presented again this soon after its rotation, while its successor is still
     * unused, is a lost response (the browser navigated away mid-refresh), not a theft: see
     * docs/ARCHITECTURE.md "Refresh tokens".
     */
    refreshReuseGraceSeconds: number;
    issuer: string;
  };
  readonly tenantCacheTtlMs!: number;
  /**
   * Province users' token versions (users/token-versions.service.ts): whether every request's
   * token is checked against the user's current version (off only for the bench's baseline), and
   * the per-process cache (a change is pushed to every process through Redis; the TTL bounds
   * staleness only if a message is lost; 0 = read the database on every request).
   */
  readonly userTokens!: { check: boolean; cacheTtlMs: number; cacheSize: number };
  /** Training sandboxes (src/training): days until one closes unless extended, and the scheduled reset. */
  readonly sandbox!: { days: number; resetCron: string };
  readonly provisioning!: { concurrency: number; retryAfterSeconds: number };
  readonly migrationConcurrency!: number;
  /**
   * A console migration run that has shown no progress this long (its worker or CLI died) no longer
   * blocks a new one; it is marked failed when the next run starts.
   */
  readonly migrationRunStaleMinutes!: number;
  readonly argon2!: { memoryCost: number; timeCost: number; parallelism: number };
  /** Failed sign-ins allowed per account and per client address within the window. */
  readonly loginThrottle!: { maxPerAccount: number; maxPerAddress: number; windowSeconds: number };
  /** How long one-time links stay valid. */
  readonly oneTimeLinks!: { invitationSeconds: number; passwordResetSeconds: number };
  readonly shutdownTimeoutMs!: number;
  readonly logLevel!: string;
  /**
   * Request bodies: size cap (larger gets 413) and nesting cap (deeper gets 400); the Retry-After of
   * a 503 answered when Postgres or Redis cannot be reached.
   */
  readonly http!: { bodyLimitKb: number; jsonMaxDepth: number; unavailableRetryAfterSeconds: number };
  /** Compiled form validators kept in memory (keyed by content hash, shared by provinces). */
  readonly formValidatorCacheSize!: number;
  /** Attachments: the folder (one sub-folder per province) and the largest file accepted. */
  readonly storage!: { dir: string; maxBytes: number };
  /** The time zone whose calendar dates approvals, due dates and forum rules (IANA name). */
  readonly timeZone!: string;
  /** The built browser app (index.html, assets/): an absolute path, WEB_DIST_DIR resolved from the project root. */
  readonly webDistDir!: string;
  /** PDF rendering in the worker: Chromium (found when not given), pages at once per worker, time per render. */
  readonly pdf!: { chromiumPath: string | undefined; concurrency: number; timeoutMs: number };
  /**
   * Outgoing mail. Without smtpUrl (development and tests that do not send) messages wait in the
   * outbox; production requires it. digestHour is the local hour of the daily digest.
   * retryDelayMs is the first retry's delay (doubling after), leaseSeconds how long a claimed
   * message is left to its worker before another may take it, sweepSeconds how often undelivered
   * rows are looked for, concurrency the messages one worker sends at once.
   */
  readonly mail!: {
    smtpUrl: string | undefined;
    from: string;
    maxAttempts: number;
    digestHour: number;
    retryDelayMs: number;
    leaseSeconds: number;
    sweepSeconds: number;
    concurrency: number;
  };
  /** Reporting reminders: local hour they go out, and how many days ahead "due soon" looks. */
  readonly reminders!: { hour: number; dueSoonDays: number };
  /**
   * Webhooks: plain http only when allowed; allowedHosts (host names, IPs or CIDRs) may be private
   * or loopback addresses (for a deployment's own receivers); retries wait retryBaseMs, doubling
   * (with jitter, at most an hour), and stop after retryHours.
   */
  readonly webhooks!: {
    allowHttp: boolean;
    allowedHosts: string[];
    timeoutMs: number;
    retryHours: number;
    disableAfterFailures: number;
    retryBaseMs: number;
  };
  /** Largest list export (rows). */
  readonly exports!: { maxRows: number };
  /** Province archives: their folder (exports, uploads, work space), the largest upload, how long archives are kept. */
  readonly portability!: { dir: string; uploadMaxBytes: number; unpackedMaxBytes: number; retentionHours: number };
  /**
   * /metrics: client networks (CIDR) that may scrape it on any host without a token; the most
   * provinces given their own `province` label (the rest share `other`); how often each worker
   * publishes its job metrics to Redis for the API to expose (README, "Metrics and the queue
   * dashboard").
   */
  readonly metrics!: { allowedNetworks: string[]; provinceLabelLimit: number; workerPushSeconds: number };
  /** How long the console's per-province figures (users, documents, attachments …) are reused. */
  readonly provinceStatsCacheSeconds!: number;
  /** The host's portfolio view: the hour (TIME_ZONE) the daily job recomputes every opted-in province's aggregates. */
  readonly portfolio!: { hour: number };
  /**
   * Per-province request limit (README, "Rate limit per province"): whether requests are counted
   * at all (off where a proxy in front already limits), requests a minute for a province without
   * its own, and how long a request waits on Redis for its count before it is let through
   * uncounted (the limit fails open).
   */
  readonly rateLimit!: { enabled: boolean; defaultPerMinute: number; redisTimeoutMs: number };

  /** Public URL of a host served by this deployment, e.g. `http://gb.localhost:3000`. */
  urlFor(host: string): string {
    const defaultPort = this.publicUrlScheme === 'https' ? 443 : 80;
    return `${this.publicUrlScheme}://${host}${this.port === defaultPort ? '' : `:${this.port}`}`;
  }
}

/**
 * Express' `trust proxy` for TRUST_PROXY: one hop (our own reverse proxy), never "trust every hop".
 * With `true`, req.ip would be the left-most X-Forwarded-For entry, which the client writes itself
 * (a proxy appends to it): anyone could then claim an address in METRICS_ALLOWED_NETWORKS, or a new
 * one for each sign-in attempt. With one hop, req.ip is the address our proxy saw.
 */
export function expressTrustProxy(config: Pick<AppConfig, 'trustProxy'>): number | false {
  return config.trustProxy ? 1 : false;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings count as unset so `FOO=` in a .env file falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dbName = decodeURIComponent(new URL(e.DATABASE_URL).pathname.replace(/^\//, '')) || 'postgres';
  return Object.assign(new AppConfig(), {
    env: e.NODE_ENV,
    port: e.PORT,
    database: { url: e.DATABASE_URL, poolSize: e.DB_POOL_SIZE, applicationName: e.DB_APPLICATION_NAME, name: dbName },
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX, commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS },
    baseDomain: e.BASE_DOMAIN,
    platformHost: `admin.${e.BASE_DOMAIN}`,
    trustProxy: e.TRUST_PROXY,
    publicUrlScheme: e.PUBLIC_URL_SCHEME,
    platformAdmin: {
      email: e.PLATFORM_ADMIN_EMAIL ?? 'operator@daftar.local',
      password: e.PLATFORM_ADMIN_PASSWORD ?? DEV_OPERATOR_PASSWORD,
    },
    jwt: {
      secret: e.JWT_SECRET ?? DEV_JWT_SECRET,
      key: createSecretKey(Buffer.from(e.JWT_SECRET ?? DEV_JWT_SECRET)),
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
      refreshReuseGraceSeconds: e.REFRESH_REUSE_GRACE_SECONDS,
      issuer: 'daftar',
    },
    tenantCacheTtlMs: e.TENANT_CACHE_TTL_MS,
    userTokens: {
      check: e.USER_TOKEN_CHECK,
      cacheTtlMs: e.USER_TOKEN_CACHE_TTL_MS,
      cacheSize: e.USER_TOKEN_CACHE_SIZE,
    },
    sandbox: { days: e.SANDBOX_DAYS, resetCron: e.SANDBOX_RESET_CRON },
    provisioning: { concurrency: e.PROVISIONING_CONCURRENCY, retryAfterSeconds: e.PROVISIONING_RETRY_AFTER_SECONDS },
    migrationConcurrency: e.MIGRATION_CONCURRENCY,
    migrationRunStaleMinutes: e.MIGRATION_RUN_STALE_MINUTES,
    // OWASP's argon2id baseline (19 MiB, t=2, p=1): ~20-40 ms a hash here, costly to brute-force.
    argon2: { memoryCost: e.ARGON2_MEMORY_KIB, timeCost: e.ARGON2_TIME_COST, parallelism: 1 },
    loginThrottle: {
      maxPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: e.LOGIN_FAILURE_WINDOW_SECONDS,
    },
    oneTimeLinks: {
      invitationSeconds: e.INVITATION_TTL_HOURS * 3600,
      passwordResetSeconds: e.PASSWORD_RESET_TTL_MINUTES * 60,
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    http: {
      bodyLimitKb: e.HTTP_BODY_LIMIT_KB,
      jsonMaxDepth: e.JSON_MAX_DEPTH,
      unavailableRetryAfterSeconds: e.UNAVAILABLE_RETRY_AFTER_SECONDS,
    },
    formValidatorCacheSize: e.FORM_VALIDATOR_CACHE_SIZE,
    storage: { dir: e.STORAGE_DIR, maxBytes: e.ATTACHMENT_MAX_MB * 1024 * 1024 },
    timeZone: e.TIME_ZONE,
    webDistDir: path.resolve(PROJECT_ROOT, e.WEB_DIST_DIR),
    pdf: { chromiumPath: e.CHROMIUM_PATH, concurrency: e.PDF_CONCURRENCY, timeoutMs: e.PDF_TIMEOUT_MS },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? `Daftar <no-reply@${e.BASE_DOMAIN}>`,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      digestHour: e.MAIL_DIGEST_HOUR,
      retryDelayMs: e.MAIL_RETRY_DELAY_MS,
      leaseSeconds: e.MAIL_LEASE_SECONDS,
      sweepSeconds: e.MAIL_SWEEP_SECONDS,
      concurrency: e.MAIL_CONCURRENCY,
    },
    reminders: { hour: e.REMINDER_HOUR, dueSoonDays: e.REMINDER_DUE_SOON_DAYS },
    webhooks: {
      allowHttp: e.WEBHOOK_ALLOW_HTTP,
      allowedHosts: e.WEBHOOK_ALLOWED_HOSTS.split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      retryHours: e.WEBHOOK_RETRY_HOURS,
      disableAfterFailures: e.WEBHOOK_DISABLE_AFTER_FAILURES,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
    },
    exports: { maxRows: e.EXPORT_MAX_ROWS },
    portability: {
      dir: e.PORTABILITY_DIR,
      uploadMaxBytes: e.PORTABILITY_UPLOAD_MAX_MB * 1024 * 1024,
      unpackedMaxBytes: e.PORTABILITY_UNPACKED_MAX_MB * 1024 * 1024,
      retentionHours: e.PORTABILITY_RETENTION_HOURS,
    },
    metrics: {
      allowedNetworks: e.METRICS_ALLOWED_NETWORKS,
      provinceLabelLimit: e.METRICS_PROVINCE_LABEL_LIMIT,
      workerPushSeconds: e.WORKER_METRICS_PUSH_SECONDS,
    },
    provinceStatsCacheSeconds: e.PROVINCE_STATS_CACHE_SECONDS,
    portfolio: { hour: e.PORTFOLIO_HOUR },
    rateLimit: {
      enabled: e.RATE_LIMIT_ENABLED,
      defaultPerMinute: e.RATE_LIMIT_PER_PROVINCE_PER_MINUTE,
      redisTimeoutMs: e.RATE_LIMIT_REDIS_TIMEOUT_MS,
    },
  });
}
