// A throw-away deployment of the built platform for browser tests and browser benchmarks: its
// own database with the demo provinces (KP and GB), its own Redis prefix and attachment folder,
// the real API and worker as child processes. stop() ends them and removes the folder.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import pg from 'pg';
import { startMailSink } from './mail-sink.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (msg) => process.stderr.write(`[deployment] ${msg}\n`);

async function recreateDatabase(name) {
  const base = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/daftar');
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The database is new, so Redis must be too: jobs, throttles and caches an earlier run left under
 * the same prefix would otherwise meet runs and provinces that no longer exist. Keys are
 * `{prefix}:…` (BullMQ, hash-tagged) and `prefix:…` (src/redis/redis.service.ts).
 */
async function clearRedisPrefix(prefix) {
  const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  await redis.connect();
  try {
    for (const pattern of [`{${prefix}}:*`, `${prefix}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        if (keys.length) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}

async function waitForHealth(url, children) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (children.some((c) => c.exitCode !== null))
      throw new Error('the API or the worker exited during start-up (see its log above)');
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not answer ${url} within 60 s`);
}

/**
 * Builds what is stale, seeds a fresh database and starts API + worker on `port`. With `mail`, a
 * real SMTP server (scripts/mail-sink.mjs) on a free port receives what the app sends, each
 * message an .eml file in its own temporary folder, given to the tests as E2E_MAIL_DIR.
 */
export async function startDeployment({ port, database, redisPrefix, extraEnv = {}, mail = false }) {
  // A server left over on the port would answer the health check and be tested instead of ours.
  if (
    await fetch(`http://127.0.0.1:${port}/health`).then(
      () => true,
      () => false,
    )
  ) {
    throw new Error(
      `port ${port} is already in use by another server: stop it, or choose another port (E2E_PORT / BENCH_WEB_PORT)`,
    );
  }
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.mjs')], { cwd: root, stdio: 'inherit' });
  const storage = mkdtempSync(path.join(os.tmpdir(), `${database}-`));
  await clearRedisPrefix(redisPrefix);
  const sink = mail
    ? await startMailSink({ dir: mkdtempSync(path.join(os.tmpdir(), `${database}-mail-`)), port: 0 })
    : null;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: await recreateDatabase(database),
    REDIS_PREFIX: redisPrefix,
    BASE_DOMAIN: 'localhost',
    STORAGE_DIR: storage,
    LOG_LEVEL: 'warn',
    // Many sign-ins from one address within minutes are the tests, not an attack.
    LOGIN_MAX_FAILURES_PER_ADDRESS: '10000',
    // Likewise the demo provinces' requests: the console's rate-limit card sets its own.
    RATE_LIMIT_PER_PROVINCE_PER_MINUTE: '1000000',
    ...(sink ? { SMTP_URL: sink.url, E2E_MAIL_DIR: sink.dir } : {}),
    ...extraEnv,
  };
  log(`database ${database}: migrating and seeding the demo provinces`);
  execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'demo:seed'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const children = ['main', 'worker'].map((entry) =>
    spawn(process.execPath, [path.join(root, 'dist', `${entry}.js`)], {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    }),
  );
  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))));
    rmSync(storage, { recursive: true, force: true });
    if (sink) {
      await sink.close();
      rmSync(sink.dir, { recursive: true, force: true });
    }
  };
  try {
    await waitForHealth(`http://127.0.0.1:${port}/health`, children);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`API and worker up on port ${port}${sink ? `; mail to ${sink.url}` : ''}`);
  return { env, stop, root };
}
