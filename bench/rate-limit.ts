import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { ProvinceRateLimiter } from '../src/rate-limit/province-rate-limiter.service';
import { RedisService } from '../src/redis/redis.service';
import { schemaNameFor } from '../src/tenancy/slug';
import { TenantRecord } from '../src/tenancy/tenant-context';
import { BenchCase, logger, makeCase, median, round, runMain, writeResults } from './lib';
import { startWithProvince } from './province';

/*
 * `npm run bench:rate-limit`: what the per-province rate limit (src/rate-limit) costs a request.
 * Two API servers side by side on one database and Redis, identical but for RATE_LIMIT_ENABLED:
 * the same province, the same token, the same requests, alternating rounds; the limit is set far
 * above the load so nothing is refused and only the counting is measured (one Redis round trip
 * a request). Two requests: GET /api/tenant (the cheapest province request, so the largest share)
 * and GET /api/departments/:id (one read, as the tenancy bench). Ratio = limited / unlimited;
 * server CPU per request is the steadier figure on a shared machine. On a loaded machine two
 * identical servers differ by more than the limiter costs (see BENCH_RATE_LIMIT_CALIBRATE), so the
 * limiter is also measured alone, in this process (inProcess).
 */
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 16;
const DATABASE = process.env.BENCH_RATE_LIMIT_DATABASE ?? 'daftar_bench_rate_limit';
const PORTS = {
  limited: Number(process.env.BENCH_API_PORT ?? 3911),
  unlimited: Number(process.env.BENCH_RAW_PORT ?? 3912),
};
const BASE = 'bench.test';
const SLUG = 'rl';
const log = logger('bench:rate-limit');
/**
 * BENCH_RATE_LIMIT_CALIBRATE=true|false: both servers alike (an A/A run), to see how far two
 * identical servers differ on this machine before reading the A/B ratio.
 */
const CALIBRATION = process.env.BENCH_RATE_LIMIT_CALIBRATE;

interface Load {
  rps: number;
  cpuUs: number;
  errors: number;
}

/** User + system CPU time of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(port: number, pid: number, requestPath: string, headers: Record<string, string>): Promise<Load> {
  const cpu0 = cpuMs(pid);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${requestPath}`,
    headers,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  return {
    rps: result.requests.average,
    cpuUs: ((cpuMs(pid) - cpu0) * 1000) / Math.max(result.requests.total, 1),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * The limiter alone, in this process: CPU and wall time per consume() (the guard's whole work but
 * for three setHeader calls) against a PING on the same Redis connection, the floor of any round
 * trip. In batches of CONNECTIONS at once, like the HTTP load; alternating rounds.
 */
async function inProcess(
  limiter: ProvinceRateLimiter,
  redis: RedisService,
  province: TenantRecord,
): Promise<BenchCase[]> {
  // Waits for the fail-fast connection, which the PINGs share.
  await limiter.onModuleInit();
  const calls = 20_000;
  const measure = async (call: () => Promise<unknown>) => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < calls; i += CONNECTIONS) await Promise.all(Array.from({ length: CONNECTIONS }, call));
    const cpu = process.cpuUsage(cpu0);
    return { cpuUs: (cpu.user + cpu.system) / calls, wallUs: ((performance.now() - t0) * 1000) / calls };
  };
  const consume = () => limiter.consume(province);
  const ping = () => redis.failFastClient.ping();
  await measure(consume);
  await measure(ping);
  const runs = { consume: [] as { cpuUs: number; wallUs: number }[], ping: [] as { cpuUs: number; wallUs: number }[] };
  for (let r = 0; r < ROUNDS; r++) {
    log(`in process: consume() vs PING, round ${r + 1}/${ROUNDS}`);
    runs.consume.push(await measure(consume));
    runs.ping.push(await measure(ping));
  }
  const med = (k: 'consume' | 'ping', f: 'cpuUs' | 'wallUs') => median(runs[k].map((x) => x[f]));
  return [
    makeCase(
      'limiter alone: CPU per consume() vs a Redis PING on the same connection',
      'µs',
      med('consume', 'cpuUs'),
      med('ping', 'cpuUs'),
      'report',
      undefined,
      `${calls} calls, ${CONNECTIONS} at once`,
    ),
    makeCase(
      'limiter alone: wall time per consume() vs a Redis PING',
      'µs',
      med('consume', 'wallUs'),
      med('ping', 'wallUs'),
      'report',
    ),
  ];
}

function start(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, 'server.js'), [], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.on('message', (m: { ready?: boolean }) => m.ready && resolve(child));
  });
}

async function main(): Promise<void> {
  const servers: ChildProcess[] = [];
  const { cli, config, tenantId, province } = await startWithProvince({
    database: DATABASE,
    redisPrefix: `bench-rl-${process.pid}`,
    env: {
      BASE_DOMAIN: BASE,
      LOG_LEVEL: 'warn',
      // Far above the load: nothing is refused, every request is counted.
      RATE_LIMIT_PER_PROVINCE_PER_MINUTE: '10000000',
    },
    province: { slug: SLUG, name: 'Rate limit bench', adminEmail: `admin@${SLUG}.bench` },
  });
  const cases: BenchCase[] = [];
  try {
    const schema = schemaNameFor(SLUG);
    const ds = cli.get<DataSource>(getDataSourceToken());
    const [{ id: userId, email }] = await ds.query(`SELECT id, email FROM ${schema}.users LIMIT 1`);
    const [{ id: departmentId }] = await ds.query(
      `INSERT INTO ${schema}.departments (code, name) VALUES ('RL', 'bench') RETURNING id`,
    );
    const token = await new JwtService({ secret: config.jwt.secret }).signAsync(
      { tid: tenantId, email, roles: ['tenant_admin'], typ: 'access' },
      { audience: 'tenant', subject: userId, issuer: config.jwt.issuer, expiresIn: 3600 },
    );
    const redis = cli.get(RedisService);
    cases.push(...(await inProcess(new ProvinceRateLimiter(redis, config), redis, province)));
    await cli.close();

    const pids: Record<keyof typeof PORTS, number> = { limited: 0, unlimited: 0 };
    for (const [name, enabled] of [
      ['limited', 'true'],
      ['unlimited', 'false'],
    ] as const) {
      const child = await start({
        ...process.env,
        PORT: String(PORTS[name]),
        RATE_LIMIT_ENABLED: CALIBRATION ?? enabled,
      });
      servers.push(child);
      pids[name] = child.pid!;
    }
    const headers = { host: `${SLUG}.${BASE}`, authorization: `Bearer ${token}` };
    const requests = { profile: '/api/tenant', 'read by id': `/api/departments/${departmentId}` };
    for (const [label, requestPath] of Object.entries(requests)) {
      const runs: Record<keyof typeof PORTS, Load[]> = { limited: [], unlimited: [] };
      const once = (name: keyof typeof PORTS) => load(PORTS[name], pids[name], requestPath, headers);
      await once('limited'); // warm-up, both
      await once('unlimited');
      for (let r = 0; r < ROUNDS; r++) {
        // Alternating which goes first, so neither always meets the machine after the other.
        const order: (keyof typeof PORTS)[] = r % 2 ? ['unlimited', 'limited'] : ['limited', 'unlimited'];
        for (const name of order) {
          log(`${label}: ${name}, round ${r + 1}/${ROUNDS}`);
          runs[name].push(await once(name));
        }
      }
      const errors = [...runs.limited, ...runs.unlimited].reduce((n, l) => n + l.errors, 0);
      const med = (name: keyof typeof PORTS, k: 'rps' | 'cpuUs') => median(runs[name].map((l) => l[k]));
      const note = errors ? `${errors} errors or non-2xx during load` : undefined;
      cases.push(
        makeCase(
          `rate limit on vs off: ${label}, req/s`,
          'req/s',
          med('limited', 'rps'),
          med('unlimited', 'rps'),
          'ratio ≥ 0.90',
          (ratio) => ratio >= 0.9 && !errors,
          note,
        ),
        makeCase(
          `rate limit on vs off: ${label}, server CPU per request`,
          'µs',
          med('limited', 'cpuUs'),
          med('unlimited', 'cpuUs'),
          'report',
          undefined,
          `+${round(med('limited', 'cpuUs') - med('unlimited', 'cpuUs'))} µs a request`,
        ),
      );
    }
  } finally {
    for (const child of servers) child.kill();
  }
  writeResults(CALIBRATION ? `rate-limit-calibration-${CALIBRATION}` : 'rate-limit', {
    title: 'Per-province rate limit: cost per request',
    method:
      `Two API servers side by side (RATE_LIMIT_ENABLED true / false), ${CONNECTIONS} connections, ` +
      `${ROUNDS} alternating rounds of ${DURATION_S}s after a warm-up; medians. Ratio = limited / unlimited.`,
    cases,
    figures: { rounds: ROUNDS, durationSeconds: DURATION_S, connections: CONNECTIONS },
    load: true,
  });
}

runMain(main());
