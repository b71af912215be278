import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_CATALOGUE } from '../../src/forms/catalogue';
import { compileForm, MasterSnapshot } from '../../src/forms/compile';
import { FormDefinition, MASTER_LISTS, MasterList } from '../../src/forms/definition';
import { FormValidator, warningKey } from '../../src/forms/form-validator';
import { localizeCompiled } from '../../src/forms/form-view';
import { seedFor } from '../../src/master-data/master-data-seed';
import { checkDecision, decisionInput, newDecisionDraft, today } from '../../web/src/approvals/decision';
import { runCheck, validatorFor } from '../../web/src/editor/live-check';
import { setAt } from '../../web/src/editor/pointer';
import type { FormVersionView } from '../../web/src/editor/types';

/*
 * What the browser adds for warnings and forum decisions, outside the browser: the live check
 * reports the server's warnings (same keys, items and messages, apart from the errors), and the
 * decision dialog checks and sends what the API takes.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function kpMaster(): MasterSnapshot {
  const seed = seedFor('kp');
  const snapshot: MasterSnapshot = {};
  for (const list of MASTER_LISTS) {
    const items = seed[list as MasterList & keyof typeof seed] ?? [];
    snapshot[list] = items.map((i) => ({
      value: i.code,
      label: { en: i.en, ur: i.ur },
      ...(i.parent ? { parent: i.parent } : {}),
    }));
  }
  return snapshot;
}

const fixture = (key: string): Data =>
  JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'forms', `${key}.json`), 'utf8'));

const semver = (v: string) => v.split('.').map(Number);
const newer = (a: FormDefinition, b: FormDefinition) => {
  const [x, y] = [semver(a.version), semver(b.version)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};
/**
 * The newest definition of each key (the catalogue keeps released versions too): what new documents and the fixtures
 * follow.
 */
const NEWEST = [...new Set(BASE_CATALOGUE.map((d) => d.key))].map((key) =>
  BASE_CATALOGUE.filter((d) => d.key === key)
    .sort(newer)
    .at(-1)!,
);

function versionView(key: string, locale: 'en' | 'ur' = 'en'): { view: FormVersionView; server: FormValidator } {
  const base = NEWEST.find((d) => d.key === key)!;
  const { compiled, contentHash } = compileForm(
    structuredClone(base),
    { baseVersion: base.version, operations: [] },
    kpMaster(),
  );
  const view = JSON.parse(
    JSON.stringify({ id: key, formKey: key, number: 1, contentHash, ...localizeCompiled(compiled, locale) }),
  ) as FormVersionView;
  return { view, server: new FormValidator(compiled) };
}

describe('live warnings in the browser', () => {
  it.each(NEWEST.map((d) => d.key))('%s: the same warnings as the server, none counted as errors', (key) => {
    const { view, server } = versionView(key);
    const data = fixture(key);
    const expected = server.validate(data, 'en');
    const live = runCheck(validatorFor(view)!, view.definition, data, data, 'en');
    expect(live.warnings).toEqual(expected.warnings);
    expect(live.errors).toEqual(expected.errors);
    expect(live.errors.some((e) => e.severity === 'warning')).toBe(false);
  });

  it.each(['pc1-infrastructure', 'pc1-infrastructure-2005'])(
    '%s: a cost estimate dated after the PC-I is a warning with its item, in English and Urdu',
    (key) => {
      const data = setAt(fixture(key), '/capitalCost/estimateDate', '2025-12-01');
      const answers: Record<string, unknown> = {};
      for (const locale of ['en', 'ur'] as const) {
        const { view, server } = versionView(key, locale);
        const live = runCheck(validatorFor(view)!, view.definition, data, data, locale);
        const warning = live.warnings.find((w) => w.params?.check === 'estimate-before-preparation');
        expect(warning).toMatchObject({ pointer: '/capitalCost/estimateDate', severity: 'warning' });
        expect(warning!.item).toBeTruthy();
        expect(warningKey(warning!)).toBe('estimate-before-preparation@/capitalCost/estimateDate');
        // Still valid: a warning never blocks a save.
        expect(live.errors).toEqual(server.validate(data, locale).errors);
        answers[locale] = warning!.message;
      }
      expect(answers.ur).not.toEqual(answers.en);
      expect(String(answers.ur)).toMatch(/[\u0600-\u06FF]/);
    },
  );
});

describe('the decision dialog', () => {
  const t = (key: string) => key;

  it('starts on today with the document’s cost and sends only what is filled in', () => {
    const draft = newDecisionDraft('3128.200');
    expect(draft).toMatchObject({ decisionDate: today(), approvedCost: '3128.200', outcome: 'approved' });
    expect(checkDecision(draft, true, t)).toEqual({});
    expect(decisionInput(draft, true)).toEqual({
      decisionDate: today(),
      approvedCost: '3128.200',
      outcome: 'approved',
    });
    // A deferral has no cost or outcome.
    expect(decisionInput(draft, false)).toEqual({ decisionDate: today() });
  });

  it('takes a past date and another cost, refuses a future date, a bad amount and a meeting after the decision', () => {
    const past = {
      ...newDecisionDraft('3128.200'),
      decisionDate: '2019-03-14',
      meetingDate: '2019-03-12',
      meetingNumber: ' 3rd PDWP 2018-19 ',
      approvedCost: '2,950.5',
      outcome: 'approved-with-changes' as const,
      conditions: 'Scope reduced to 30 km',
    };
    expect(checkDecision(past, true, t)).toEqual({});
    expect(decisionInput(past, true)).toEqual({
      decisionDate: '2019-03-14',
      meetingDate: '2019-03-12',
      meetingNumber: '3rd PDWP 2018-19',
      approvedCost: '2950.5',
      outcome: 'approved-with-changes',
      conditions: 'Scope reduced to 30 km',
    });
    // A forum is sent only when the approver names one (a past decision no rule of its date covers).
    expect(decisionInput({ ...past, forum: 'gbdwp' }, true)).toMatchObject({
      decisionDate: '2019-03-14',
      forum: 'gbdwp',
    });
    expect(decisionInput(past, true)).not.toHaveProperty('forum');
    expect(checkDecision({ ...past, decisionDate: '2999-01-01' }, true, t)).toEqual({
      decisionDate: 'approvals.error.future',
    });
    expect(checkDecision({ ...past, approvedCost: '-5' }, true, t)).toEqual({ approvedCost: 'approvals.error.amount' });
    expect(checkDecision({ ...past, approvedCost: '12.3456' }, true, t)).toEqual({
      approvedCost: 'approvals.error.amount',
    });
    expect(checkDecision({ ...past, meetingDate: '2019-03-20' }, true, t)).toEqual({
      meetingDate: 'approvals.error.meetingAfterDecision',
    });
    expect(checkDecision({ ...past, conditions: ' ' }, true, t)).toEqual({ conditions: 'approvals.error.conditions' });
    // Not an approval: the cost is not checked (nor sent).
    expect(checkDecision({ ...past, approvedCost: 'x' }, false, t)).toEqual({});
  });
});
