import { appendFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Records how many of one province's rows a check saw while asking as another province (0 when
 * isolation holds) and how many answers it looked at. scripts/pooled-isolation.mjs sets
 * TEST_ISOLATION_REPORT, adds the lines up and fails unless the total is 0; in a plain Jest run
 * nothing is written. Call it before the check's expectations, so a failing check is counted too.
 */
export function recordCrossProvinceRows(check: string, crossProvinceRows: number, answers: number): void {
  const file = process.env.TEST_ISOLATION_REPORT;
  if (!file) return;
  const spec = path.basename(expect.getState().testPath ?? 'unknown');
  appendFileSync(file, `${JSON.stringify({ spec, check, crossProvinceRows, answers })}\n`);
}
