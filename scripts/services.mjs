#!/usr/bin/env node
// Finds or starts the Postgres and Redis that DATABASE_URL and REDIS_URL point at:
// 1. a server already listening there; 2. `docker compose up` when a Docker engine answers;
// 3. local `postgres`/`redis-server` binaries with their data under .data/; else a message
// saying exactly what to install. Used by `npm run dev` and `npm test`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, '.data');
const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/daftar';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const WAIT_MS = 30_000;

const log = (msg) => process.stderr.write(`[services] ${msg}\n`);

function endpoint(url, defaultPort) {
  const u = new URL(url);
  return {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: Number(u.port || defaultPort),
    user: decodeURIComponent(u.username || 'postgres'),
  };
}

function listening({ host, port }, timeout = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeout, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(ep, name) {
  const until = Date.now() + WAIT_MS;
  while (Date.now() < until) {
    if (await listening(ep)) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} did not start listening on ${ep.host}:${ep.port} within ${WAIT_MS / 1000}s`);
}

const isLocal = (host) => ['127.0.0.1', 'localhost', '::1'].includes(host);

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function dockerEngine() {
  if (!which('docker')) return false;
  return spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

function dockerCompose(service) {
  log(`starting ${service} with docker compose`);
  execFileSync('docker', ['compose', 'up', '-d', service], { cwd: root, stdio: 'inherit' });
}

function postgresBin(name) {
  const found = which(name);
  if (found) return found;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const p = path.join(base, v, 'bin', name);
    if (existsSync(p)) return p;
  }
  return null;
}

function startLocalPostgres(ep) {
  const initdb = postgresBin('initdb');
  const pgCtl = postgresBin('pg_ctl');
  if (!initdb || !pgCtl) return false;
  if (process.getuid?.() === 0) {
    throw new Error(
      'Postgres refuses to run as root. Start it with your system service manager, ' +
        'run as a normal user, or use Docker.',
    );
  }
  const dir = path.join(dataDir, 'postgres');
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`initialising a local Postgres cluster in ${dir}`);
    mkdirSync(dir, { recursive: true });
    execFileSync(initdb, ['-D', dir, '-U', ep.user, '--auth=trust', '--encoding=UTF8', '--no-locale'], {
      stdio: 'ignore',
    });
  }
  log(`starting local Postgres on port ${ep.port}`);
  execFileSync(
    pgCtl,
    [
      '-D',
      dir,
      '-l',
      path.join(dataDir, 'postgres.log'),
      '-o',
      `-p ${ep.port} -k ${os.tmpdir()} -c listen_addresses=127.0.0.1`,
      '-w',
      'start',
    ],
    { stdio: 'inherit' },
  );
  return true;
}

function startLocalRedis(ep) {
  const server = which('redis-server');
  if (!server) return false;
  const dir = path.join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  log(`starting local Redis on port ${ep.port}`);
  execFileSync(
    server,
    [
      '--daemonize',
      'yes',
      '--port',
      String(ep.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--logfile',
      path.join(dataDir, 'redis.log'),
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: 'inherit' },
  );
  return true;
}

async function ensure(name, ep, dockerService, startLocal, installHint) {
  if (await listening(ep)) {
    log(`${name}: using the server listening on ${ep.host}:${ep.port}`);
    return;
  }
  if (!isLocal(ep.host))
    throw new Error(
      `${name} at ${ep.host}:${ep.port} is not reachable, and it is not on this machine so it can't be started here.`,
    );
  if (dockerEngine()) {
    dockerCompose(dockerService);
  } else if (!startLocal(ep)) {
    throw new Error(
      `${name} is not running on ${ep.host}:${ep.port}, Docker is not available, ` +
        `and no local ${name} binaries were found.\n${installHint}`,
    );
  }
  await waitFor(ep, name);
}

try {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, '.gitignore'), '*\n');
  await ensure(
    'Postgres',
    endpoint(DATABASE_URL, 5432),
    'postgres',
    startLocalPostgres,
    'Install one of: Docker (then `docker compose up -d`), or PostgreSQL 15+ (Debian/Ubuntu: ' +
      '`sudo apt-get install postgresql`; macOS: `brew install postgresql@16`).',
  );
  await ensure(
    'Redis',
    endpoint(REDIS_URL, 6379),
    'redis',
    startLocalRedis,
    'Install one of: Docker (then `docker compose up -d`), or Redis 7+ (Debian/Ubuntu: ' +
      '`sudo apt-get install redis-server`; macOS: `brew install redis`).',
  );
} catch (error) {
  log(`ERROR: ${error.message}`);
  process.exit(1);
}
