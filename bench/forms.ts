import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_CATALOGUE } from '../src/forms/catalogue';
import { compileForm, MasterSnapshot } from '../src/forms/compile';
import { MASTER_LISTS } from '../src/forms/definition';
import { createFormAjv } from '../src/forms/form-ajv';
import { FormValidator } from '../src/forms/form-validator';
import { seedFor } from '../src/master-data/master-data-seed';
import { BenchCase, makeCase, median } from './lib';

/*
 * Forms: validations per second of a full PC-I payload through the cached compiled validator
 * (schema + rules + decimal calculations + cross-checks), against Ajv validating the same
 * compiled JSON Schema directly — alternating, several rounds, in this one process. And the
 * time to compile a version cold (overlay applied, schema built, Ajv compiled).
 */

const FORM = 'pc1-infrastructure';

function kpMaster(): MasterSnapshot {
  const seed = seedFor('kp');
  const snapshot: MasterSnapshot = {};
  for (const list of MASTER_LISTS) {
    snapshot[list] = (seed[list as keyof typeof seed] ?? []).map((i) => ({
      value: i.code,
      label: { en: i.en, ur: i.ur },
    }));
  }
  return snapshot;
}

/** Calls `work` for `ms` milliseconds; returns calls per second. */
function rate(ms: number, work: () => unknown): number {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let i = 0; i < 20; i++) work();
    n += 20;
    t = performance.now();
  }
  return (n * 1000) / (t - t0);
}

export function formsBench(root: string, rounds: number, durationMs: number): BenchCase[] {
  const def = BASE_CATALOGUE.find((d) => d.key === FORM)!;
  const payload = JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'forms', `${FORM}.json`), 'utf8')) as {
    capitalCost?: { estimate?: { rows?: unknown[] } };
  };
  const master = kpMaster();
  const overlay = { baseVersion: def.version, operations: [] };

  const coldMs: number[] = [];
  let validator: FormValidator | undefined;
  for (let i = 0; i < Math.max(rounds, 5); i++) {
    const t0 = performance.now();
    validator = new FormValidator(compileForm(def, overlay, master).compiled);
    coldMs.push(performance.now() - t0);
  }
  const ours = validator!;
  if (!ours.validate(payload).valid)
    throw new Error(`the ${FORM} example does not validate; the bench would measure error paths`);
  const ajv = createFormAjv().compile(ours.compiled.schema);
  if (!ajv(payload)) throw new Error('Ajv refuses the example');

  const oursRates: number[] = [];
  const ajvRates: number[] = [];
  rate(durationMs / 2, () => ours.validate(payload)); // warm-up (JIT)
  rate(durationMs / 2, () => ajv(payload));
  for (let r = 0; r < rounds; r++) {
    oursRates.push(rate(durationMs, () => ours.validate(payload)));
    ajvRates.push(rate(durationMs, () => ajv(payload)));
  }
  const rowCount = (payload.capitalCost?.estimate?.rows ?? []).length;
  return [
    makeCase(
      `forms: validate a full PC-I (${rowCount} cost rows) with the cached validator vs Ajv alone on the same schema`,
      'validations/s',
      median(oursRates),
      median(ajvRates),
      'report',
      undefined,
      'ours adds rules, decimal totals and cross-checks, and copies the input',
    ),
    makeCase(`forms: compile ${FORM} cold (overlay, master data, schema, Ajv)`, 'ms', median(coldMs), null, 'report'),
  ];
}
