import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One row of bench/results/latest.json. `ratio` is value / baseline. */
export interface BenchCase {
  name: string;
  metric: string;
  value: number | null;
  baseline: number | null;
  ratio: number | null;
  goal: string;
  met: boolean | null;
  note?: string;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function makeCase(name: string, metric: string, value: number, baseline: number | null, goal: string, check?: (ratio: number, value: number) => boolean, note?: string): BenchCase {
  const ratio = baseline ? value / baseline : null;
  return {
    name,
    metric,
    value: round(value),
    baseline: baseline === null ? null : round(baseline),
    ratio: ratio === null ? null : round(ratio, 3),
    goal,
    met: check ? check(ratio ?? NaN, value) : null,
    ...(note ? { note } : {}),
  };
}

export function failedCase(name: string, reason: string): BenchCase {
  return { name, metric: 'could not run', value: null, baseline: null, ratio: null, goal: '-', met: false, note: reason };
}

/** Resident memory of a process, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${stderr || err.message}`));
      else resolve({ stdout, ms: performance.now() - t0 });
    }),
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
