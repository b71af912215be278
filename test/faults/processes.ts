import { ChildProcess, spawn } from 'node:child_process';
import { createServer, AddressInfo } from 'node:net';
import path from 'node:path';
import { AppConfig } from '../../src/config/app-config';
import { OPERATOR } from '../support/harness';

const ROOT = path.resolve(__dirname, '..', '..');
const REGISTER = path.join(ROOT, 'test', 'support', 'ts-register.js');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** The environment of a process of the same deployment as the harness `config` (same database, Redis prefix). */
export function deploymentEnv(config: AppConfig, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: config.database.url,
    REDIS_URL: config.redis.url,
    REDIS_PREFIX: config.redis.prefix,
    BASE_DOMAIN: config.baseDomain,
    PLATFORM_ADMIN_EMAIL: OPERATOR.email,
    PLATFORM_ADMIN_PASSWORD: OPERATOR.password,
    ARGON2_MEMORY_KIB: '8192',
    ARGON2_TIME_COST: '1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...extra,
  };
}

/** A real API (`src/main.ts`) or worker (`src/worker.ts`) process; its output is kept for a failure's message. */
export class AppProcess {
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly child: ChildProcess,
    readonly port?: number,
  ) {
    for (const stream of [child.stdout, child.stderr])
      stream?.on('data', (d: Buffer) => this.output.push(d.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  static async api(env: NodeJS.ProcessEnv): Promise<AppProcess> {
    const port = await freePort();
    const p = new AppProcess(AppProcess.spawn('main', { ...env, PORT: String(port) }), port);
    await p.until(async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.ok === true);
    return p;
  }

  static async worker(env: NodeJS.ProcessEnv): Promise<AppProcess> {
    const child = AppProcess.spawn('worker', env, true);
    const p = new AppProcess(child);
    let ready = false;
    child.on('message', (m: { ready?: boolean }) => (ready ||= m?.ready === true));
    await p.until(async () => ready);
    return p;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  kill(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }

  async stop(): Promise<void> {
    this.kill('SIGTERM');
    await this.exited;
  }

  private static spawn(entry: 'main' | 'worker', env: NodeJS.ProcessEnv, ipc = false): ChildProcess {
    return spawn(process.execPath, ['-r', REGISTER, path.join(ROOT, 'src', `${entry}.ts`)], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])],
    });
  }

  /** Waits for start-up (a hang guard, not a speed check). */
  private async until(ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!(await ready())) {
      if (this.child.exitCode !== null || Date.now() > until) {
        this.kill('SIGKILL');
        throw new Error(`process did not start:\n${this.output.join('').slice(-3000)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
