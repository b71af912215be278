import { installDefaults } from '../../src/cli/commands';
import { Calendar } from '../../src/common/calendar';
import { schemaNameFor } from '../../src/tenancy/slug';
import { fixture } from '../projects/support';
import { Harness, ProvisionedProvince } from '../support/harness';

/**
 * Forum rules of every era: federal (ministries' DDWP, CDWP, ECNEC) in a federal territory,
 * KP and GB back to the 1997 Manual, and the seeds of the other provinces; each change tested
 * the day before and the day it took effect, each limit at the limit and 0.001 above it.
 * Provinces are provisioned with unique slugs ("kp-3f9a1c"): the seed is chosen by the slug's
 * first segment, so "kp-…" gets KP's rules and an unknown slug the general provincial bands.
 */
type Province = ProvisionedProvince & { adminToken: string };
type Expectation = [cost: string, answer: string, query?: string];

const NO_PROVINCIAL_RULES = 'none [no-provincial-rules]';
const NO_RULE = 'none []';

describe('forum rules of every era (federal, KP, GB) and the seeds of new provinces', () => {
  let h: Harness;
  let ict: Province;
  let kp: Province;
  let gb: Province;
  let punjab: Province;
  let ajk: Province;
  let general: Province;

  beforeAll(async () => {
    h = await Harness.start();
    [ict, kp, gb, punjab, ajk, general] = await Promise.all(
      ['ict', 'kp', 'gb', 'punjab', 'ajk', 'mars'].map((p) => h.provinceWithAdmin(p)),
    );
  });
  afterAll(() => h?.close());

  /** "forum (rule code)", or "none [warning codes]" when nothing decides. */
  async function route(p: Province, cost: string, on: string, query = ''): Promise<string> {
    const res = await h
      .on(p.host)
      .get(`/api/forum-rules/route?cost=${cost}&on=${on}${query ? `&${query}` : ''}`, p.adminToken)
      .expect(200);
    if (res.body.rule) {
      expect(res.body.warnings).toEqual([]);
      return `${res.body.forum} (${res.body.rule.code})`;
    }
    expect(res.body.reason).toEqual(expect.any(String));
    return `none [${res.body.warnings.map((w: { code: string }) => w.code).join(',')}]`;
  }

  /** Every expectation on one date, compared as one table so a failure shows all of them. */
  async function expectOn(p: Province, on: string, expectations: Expectation[]): Promise<void> {
    const actual = await Promise.all(expectations.map(([cost, , query]) => route(p, cost, on, query)));
    expect(expectations.map(([cost, , query], i) => [on, cost, query ?? '', actual[i]])).toEqual(
      expectations.map(([cost, answer, query]) => [on, cost, query ?? '', answer]),
    );
  }

  test('federal (ICT): the ministries’ DDWP, CDWP and ECNEC by the limits of each period', async () => {
    await expectOn(ict, '1999-12-31', [['10', NO_PROVINCIAL_RULES]]);
    await expectOn(ict, '2000-01-01', [
      ['60', 'ddwp (federal-ddwp-2000)'],
      ['60.001', 'cdwp (federal-cdwp-2000)'],
      ['500', 'cdwp (federal-cdwp-2000)'],
      ['500.001', 'ecnec (federal-ecnec-2000)'],
    ]);
    await expectOn(ict, '2009-05-31', [
      ['500', 'cdwp (federal-cdwp-2000)'],
      ['500.001', 'ecnec (federal-ecnec-2000)'],
    ]);
    await expectOn(ict, '2009-06-01', [
      ['60', 'ddwp (federal-ddwp-2000)'],
      ['60.001', 'cdwp (federal-cdwp-2009)'],
      ['500.001', 'cdwp (federal-cdwp-2009)'],
      ['1000', 'cdwp (federal-cdwp-2009)'],
      ['1000.001', 'ecnec (federal-ecnec-2009)'],
    ]);
    await expectOn(ict, '2013-06-30', [
      ['1000', 'cdwp (federal-cdwp-2009)'],
      ['1000.001', 'ecnec (federal-ecnec-2009)'],
    ]);
    await expectOn(ict, '2013-07-01', [
      ['60', 'ddwp (federal-ddwp-2000)'],
      ['60.001', 'cdwp (federal-cdwp-pre-2019)'],
      ['1000.001', 'cdwp (federal-cdwp-pre-2019)'],
      ['3000', 'cdwp (federal-cdwp-pre-2019)'],
      ['3000.001', 'ecnec (federal-ecnec-pre-2019)'],
    ]);
    await expectOn(ict, '2019-09-25', [
      ['60', 'ddwp (federal-ddwp-2000)'],
      ['60.001', 'cdwp (federal-cdwp-pre-2019)'],
      ['3000', 'cdwp (federal-cdwp-pre-2019)'],
      ['3000.001', 'ecnec (federal-ecnec-pre-2019)'],
    ]);
    await expectOn(ict, '2019-09-26', [
      ['60.001', 'ddwp (federal-ddwp-2019)'],
      ['2000', 'ddwp (federal-ddwp-2019)'],
      ['2000.001', 'cdwp (federal-cdwp-2019)'],
      ['3000.001', 'cdwp (federal-cdwp-2019)'],
      ['10000', 'cdwp (federal-cdwp-2019)'],
      ['10000.001', 'ecnec (federal-ecnec-2019)'],
    ]);
    await expectOn(ict, '2022-08-24', [
      ['1000.001', 'ddwp (federal-ddwp-2019)'],
      ['2000', 'ddwp (federal-ddwp-2019)'],
      ['2000.001', 'cdwp (federal-cdwp-2019)'],
      ['7500.001', 'cdwp (federal-cdwp-2019)'],
      ['10000', 'cdwp (federal-cdwp-2019)'],
      ['10000.001', 'ecnec (federal-ecnec-2019)'],
    ]);
    await expectOn(ict, '2022-08-25', [
      ['1000', 'ddwp (federal-ddwp-2022)'],
      ['1000.001', 'cdwp (federal-cdwp-2022)'],
      ['2000', 'cdwp (federal-cdwp-2022)'],
      ['7500', 'cdwp (federal-cdwp-2022)'],
      ['7500.001', 'ecnec (federal-ecnec-2022)'],
      ['10000', 'ecnec (federal-ecnec-2022)'],
    ]);
    // The federal rules carry their level; the DDWP is federal, and a federal territory's own tier.
    const rules = (await h.on(ict.host).get('/api/forum-rules', ict.adminToken).expect(200)).body as {
      code: string;
      level: string;
    }[];
    expect(rules.every((r) => r.level === 'federal')).toBe(true);
    expect(rules.map((r) => r.code).sort()).toEqual([
      'federal-cdwp-2000',
      'federal-cdwp-2009',
      'federal-cdwp-2019',
      'federal-cdwp-2022',
      'federal-cdwp-pre-2019',
      'federal-ddwp-2000',
      'federal-ddwp-2019',
      'federal-ddwp-2022',
      'federal-ecnec-2000',
      'federal-ecnec-2009',
      'federal-ecnec-2019',
      'federal-ecnec-2022',
      'federal-ecnec-pre-2019',
    ]);
  });

  test(
    'federal forums for a province: no ministries’ DDWP, ' + 'CDWP/ECNEC only above the province’s highest forum',
    async () => {
      const kpRules = (await h.on(kp.host).get('/api/forum-rules', kp.adminToken).expect(200)).body as {
        code: string;
        level: string;
      }[];
      expect(kpRules.filter((r) => r.code.startsWith('federal-ddwp'))).toEqual([]);
      expect(
        kpRules
          .filter((r) => r.level === 'federal')
          .map((r) => r.code)
          .every((c) => /^federal-(cdwp|ecnec)-/.test(c)),
      ).toBe(true);
      expect(kpRules.filter((r) => r.level === 'provincial').every((r) => !r.code.startsWith('federal-'))).toBe(true);
    },
  );

  test(
    'KP: 1997 Manual (PDWP to Rs 60 m), Rs 10 bn from 2010, ' +
      'DDWP/PDWP bands from 2016, then the federal limits of the date',
    async () => {
      await expectOn(kp, '1997-04-30', [['60', NO_PROVINCIAL_RULES]]);
      // Above the province's Rs 60 m and before any federal rule on file: no rule, and no warning (the province's band
      // is in force).
      await expectOn(kp, '1997-05-01', [
        ['60', 'kp-pdwp (kp-pdwp-1997)'],
        ['60.001', NO_RULE],
      ]);
      await expectOn(kp, '1999-12-31', [['60.001', NO_RULE]]);
      await expectOn(kp, '2000-01-01', [
        ['60', 'kp-pdwp (kp-pdwp-1997)'],
        ['60.001', 'cdwp (federal-cdwp-2000)'],
        ['500', 'cdwp (federal-cdwp-2000)'],
        ['500.001', 'ecnec (federal-ecnec-2000)'],
      ]);
      await expectOn(kp, '2009-05-31', [['500.001', 'ecnec (federal-ecnec-2000)']]);
      await expectOn(kp, '2009-06-01', [
        ['500.001', 'cdwp (federal-cdwp-2009)'],
        ['1000', 'cdwp (federal-cdwp-2009)'],
        ['1000.001', 'ecnec (federal-ecnec-2009)'],
      ]);
      await expectOn(kp, '2010-06-30', [
        ['60', 'kp-pdwp (kp-pdwp-1997)'],
        ['60.001', 'cdwp (federal-cdwp-2009)'],
        ['1000.001', 'ecnec (federal-ecnec-2009)'],
      ]);
      await expectOn(kp, '2010-07-01', [
        ['60.001', 'kp-pdwp (kp-pdwp-2010)'],
        ['10000', 'kp-pdwp (kp-pdwp-2010)'],
        ['10000.001', 'ecnec (federal-ecnec-2009)'],
      ]);
      await expectOn(kp, '2013-06-30', [['10000.001', 'ecnec (federal-ecnec-2009)']]);
      await expectOn(kp, '2013-07-01', [
        ['10000', 'kp-pdwp (kp-pdwp-2010)'],
        ['10000.001', 'ecnec (federal-ecnec-pre-2019)'],
      ]);
      await expectOn(kp, '2015-12-31', [
        ['400', 'kp-pdwp (kp-pdwp-2010)'],
        ['400.001', 'kp-pdwp (kp-pdwp-2010)'],
        ['50', 'kp-pdwp (kp-pdwp-2010)', 'form=pc2'],
      ]);
      await expectOn(kp, '2016-01-01', [
        ['400', 'kp-ddwp (kp-ddwp)'],
        ['400.001', 'kp-pdwp (kp-pdwp)'],
        ['10000', 'kp-pdwp (kp-pdwp)'],
        ['10000.001', 'ecnec (federal-ecnec-pre-2019)'],
        ['50', 'kp-pdwp (kp-pc2-pdwp)', 'form=pc2'],
      ]);
      await expectOn(kp, '2019-09-25', [['10000.001', 'ecnec (federal-ecnec-pre-2019)']]);
      await expectOn(kp, '2019-09-26', [
        ['10000', 'kp-pdwp (kp-pdwp)'],
        ['10000.001', 'ecnec (federal-ecnec-2019)'],
      ]);
      await expectOn(kp, '2022-08-24', [
        ['400.001', 'kp-pdwp (kp-pdwp)', 'foreign=true'],
        ['10000.001', 'ecnec (federal-ecnec-2019)'],
      ]);
      await expectOn(kp, '2022-08-25', [
        ['400', 'kp-ddwp (kp-ddwp)', 'foreign=true'],
        ['400.001', 'cdwp (kp-foreign-cdwp)', 'foreign=true'],
        ['7500', 'cdwp (kp-foreign-cdwp)', 'foreign=true'],
        ['7500.001', 'ecnec (kp-foreign-ecnec)', 'foreign=true'],
        ['10000.001', 'ecnec (federal-ecnec-2022)'],
      ]);
      await expectOn(kp, '2025-05-31', [['10000.001', 'ecnec (federal-ecnec-2022)', 'provincial=true']]);
      await expectOn(kp, '2025-06-01', [
        ['10000', 'kp-pdwp (kp-pdwp)', 'provincial=true'],
        ['10000.001', 'kp-pdwp (kp-pdwp-provincial-2025)', 'provincial=true'],
        ['10000.001', 'ecnec (federal-ecnec-2022)'],
      ]);
      await expectOn(kp, '2025-08-24', [['10000.001', 'kp-pdwp (kp-pdwp-provincial-2025)', 'provincial=true']]);
      await expectOn(kp, '2025-08-25', [['10000.001', 'ecnec (federal-ecnec-2022)', 'provincial=true']]);
    },
  );

  test(
    'GB: Northern Areas DWP below Rs 20 m (1997), no rules on file 2009-2018 (warned), ' +
      'NEC 2018 bands, then the federal limits',
    async () => {
      await expectOn(gb, '1997-04-30', [['19.999', NO_PROVINCIAL_RULES]]);
      await expectOn(gb, '1997-05-01', [
        ['19.999', 'gbdwp (gb-nadwp-1997)'],
        ['20', NO_RULE],
      ]);
      await expectOn(gb, '2000-01-01', [
        ['19.999', 'gbdwp (gb-nadwp-1997)'],
        ['20', 'cdwp (federal-cdwp-2000)'],
        ['500.001', 'ecnec (federal-ecnec-2000)'],
      ]);
      await expectOn(gb, '2009-09-08', [
        ['19.999', 'gbdwp (gb-nadwp-1997)'],
        ['20', 'cdwp (federal-cdwp-2009)'],
        ['1000.001', 'ecnec (federal-ecnec-2009)'],
      ]);
      // Never silently to the federal forums: with no GB band in force, nothing is routed.
      await expectOn(gb, '2009-09-09', [
        ['19.999', NO_PROVINCIAL_RULES],
        ['5000', NO_PROVINCIAL_RULES],
      ]);
      await expectOn(gb, '2018-03-06', [['400', NO_PROVINCIAL_RULES]]);
      await expectOn(gb, '2018-03-07', [
        ['400', 'gb-ddwp (gb-ddwp)'],
        ['400.001', 'gbdwp (gbdwp)'],
        ['1000', 'gbdwp (gbdwp)'],
        ['1000.001', 'cdwp (federal-cdwp-pre-2019)'],
        ['3000', 'cdwp (federal-cdwp-pre-2019)'],
        ['3000.001', 'ecnec (federal-ecnec-pre-2019)'],
      ]);
      await expectOn(gb, '2019-09-25', [['3000.001', 'ecnec (federal-ecnec-pre-2019)']]);
      await expectOn(gb, '2019-09-26', [
        ['3000.001', 'cdwp (federal-cdwp-2019)'],
        ['10000', 'cdwp (federal-cdwp-2019)'],
        ['10000.001', 'ecnec (federal-ecnec-2019)'],
      ]);
      await expectOn(gb, '2022-08-24', [['7500.001', 'cdwp (federal-cdwp-2019)']]);
      await expectOn(gb, '2022-08-25', [
        ['1000.001', 'cdwp (federal-cdwp-2022)'],
        ['7500', 'cdwp (federal-cdwp-2022)'],
        ['7500.001', 'ecnec (federal-ecnec-2022)'],
      ]);
      const warned = await h
        .on(gb.host)
        .get('/api/forum-rules/route?cost=100&on=2012-01-01', gb.adminToken)
        .expect(200);
      expect(warned.body).toMatchObject({
        forum: null,
        rule: null,
        warnings: [{ code: 'no-provincial-rules', message: expect.stringContaining('2012-01-01') }],
      });
      expect(warned.body.warnings[0].messageUr).toMatch(/صوبائی/);
    },
  );

  test(
    'a new province gets its own seed (Punjab, AJK) or the general provincial bands, ' +
      'flagged to verify, never only federal rules',
    async () => {
      const on = '2026-11-28';
      await expectOn(punjab, on, [
        ['200', 'ddc (punjab-ddc)'],
        ['200.001', 'ddsc (punjab-ddsc)'],
        ['400', 'ddsc (punjab-ddsc)'],
        ['400.001', 'pdwp (punjab-pdwp)'],
        ['10000', 'pdwp (punjab-pdwp)'],
        ['10000.001', 'ecnec (federal-ecnec-2022)'],
        ['50000', 'pdwp (punjab-pc2-pdwp)', 'form=pc2'],
        ['100', 'ecnec (punjab-foreign-ecnec)', 'foreign=true'],
      ]);
      await expectOn(ajk, on, [
        ['400', 'akdwp (ajk-akdwp)'],
        ['400.001', 'ajkcdc (ajk-ajkcdc)'],
        ['1000', 'ajkcdc (ajk-ajkcdc)'],
        ['1000.001', 'cdwp (federal-cdwp-2022)'],
      ]);
      await expectOn(general, on, [
        ['400', 'ddwp (general-ddwp)'],
        ['400.001', 'pdwp (general-pdwp)'],
        ['10000', 'pdwp (general-pdwp)'],
        ['10000.001', 'ecnec (federal-ecnec-2022)'],
      ]);
      // The general bands start where a source first confirms them; before that the province is warned.
      await expectOn(general, '2015-10-14', [['100', NO_PROVINCIAL_RULES]]);
      await expectOn(general, '2015-10-15', [['100', 'ddwp (general-ddwp)']]);
      const rules = (await h.on(general.host).get('/api/forum-rules', general.adminToken).expect(200)).body as {
        code: string;
        level: string;
        verify: boolean;
        source: string;
      }[];
      const own = rules.filter((r) => r.level === 'provincial');
      expect(own.map((r) => r.code).sort()).toEqual([
        'ddwp-revision-within-15',
        'general-ddwp',
        'general-pdwp',
        'general-pdwp-provincial-2025',
      ]);
      expect(own.every((r) => r.verify)).toBe(true);
      expect(rules.find((r) => r.code === 'general-pdwp')!.source).toMatch(
        /Defaults for a province without its own seed, to confirm/,
      );
    },
  );

  test('the API takes and returns a rule’s level; a bad level is a 400 naming the field', async () => {
    const add = (body: object) =>
      h
        .on(general.host)
        .post('/api/forum-rules', general.adminToken)
        .send({ effectiveFrom: '2040-01-01', priority: 50, source: 'Test notification', ...body });
    const federal = await add({ code: 'cdwp-test-2040', forum: 'cdwp', level: 'federal', formKinds: ['pc2'] }).expect(
      201,
    );
    expect(federal.body).toMatchObject({ code: 'cdwp-test-2040', level: 'federal' });
    const byDefault = await add({ code: 'pdwp-test-2040', forum: 'pdwp', formKinds: ['pc1-revised'] }).expect(201);
    expect(byDefault.body.level).toBe('provincial');
    const bad = await add({ code: 'bad-level', forum: 'pdwp', level: 'district' }).expect(400);
    expect(bad.body.message).toEqual(['level must be federal or provincial']);
  });

  test(
    'a province whose provincial rules have ended is warned in ' +
      'routing and in the operator API, and not routed to CDWP/ECNEC',
    async () => {
      const ended = await h.provinceWithAdmin('ended');
      const today = h.api.get(Calendar).today();
      const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const operator = await h.operatorToken();
      const detail = async () =>
        (await h.on(h.platformHost).get(`/api/platform/tenants/${ended.slug}`, operator).expect(200)).body.forumRules;
      const rules = (await h.on(ended.host).get('/api/forum-rules', ended.adminToken).expect(200)).body as {
        id: string;
        code: string;
        verify: boolean;
      }[];
      expect(await detail()).toEqual({
        provincialInForce: true,
        verifyCount: rules.filter((r) => r.verify).length,
        total: rules.length,
      });
      expect(await route(ended, '100', today)).toBe('ddwp (general-ddwp)');

      // Another province cannot end them: its host does not know this province's rules.
      await h
        .on(general.host)
        .post(`/api/forum-rules/${rules.find((r) => r.code === 'general-ddwp')!.id}/end`, general.adminToken)
        .send({ effectiveTo: yesterday })
        .expect(404);
      for (const code of ['general-ddwp', 'general-pdwp']) {
        await h
          .on(ended.host)
          .post(`/api/forum-rules/${rules.find((r) => r.code === code)!.id}/end`, ended.adminToken)
          .send({ effectiveTo: yesterday })
          .expect(201);
      }
      expect(await detail()).toEqual({
        provincialInForce: false,
        verifyCount: rules.filter((r) => r.verify).length,
        total: rules.length,
      });
      // Small and large alike: no silent fall-through to the federal bands (which have no lower limit).
      for (const cost of ['100', '5000', '20000']) expect(await route(ended, cost, today)).toBe(NO_PROVINCIAL_RULES);
      const answer = await h.on(ended.host).get(`/api/forum-rules/route?cost=5000`, ended.adminToken).expect(200);
      expect(answer.body).toMatchObject({
        forum: null,
        rule: null,
        reason: expect.stringMatching(/No provincial forum rule/),
        warnings: [{ code: 'no-provincial-rules' }],
      });
      // The document's routing answer says the same.
      const preparer = await h.userWithRole(ended, 'preparer');
      const created = await h
        .on(ended.host)
        .post('/api/projects', preparer.token)
        .send({ title: 'Ring road', formKey: 'pc1-infrastructure' })
        .expect(201);
      const documentId = created.body.document.id as string;
      await h
        .on(ended.host)
        .put(`/api/documents/${documentId}`, preparer.token)
        .send({ revision: 1, data: fixture('pc1-infrastructure') })
        .expect(200);
      const documentRouting = await h
        .on(ended.host)
        .get(`/api/documents/${documentId}/routing`, preparer.token)
        .expect(200);
      expect(documentRouting.body).toMatchObject({
        rule: null,
        warnings: [{ code: 'no-provincial-rules' }],
        reason: expect.stringMatching(/No provincial forum rule/),
      });
      // Yesterday the bands were still in force.
      expect(await route(ended, '100', yesterday)).toBe('ddwp (general-ddwp)');
      // Another province is unaffected.
      expect(
        (await h.on(h.platformHost).get(`/api/platform/tenants/${general.slug}`, operator).expect(200)).body.forumRules
          .provincialInForce,
      ).toBe(true);
    },
  );

  test(
    'an existing province is topped up with the seed rules it lacks, ' +
      'rules that would tie are reported not added, and again changes nothing',
    async () => {
      const old = await h.provinceWithAdmin('kp');
      const schema = schemaNameFor(old.slug);
      // As provisioned before this release: no pre-2016 KP eras, no 2000 federal era, the Rs 3 bn CDWP era from 2000.
      await h.dataSource.query(
        `DELETE FROM ${schema}.forum_rules WHERE code IN ('kp-pdwp-1997', 'kp-pdwp-2010', ` +
          `'federal-cdwp-2000', 'federal-ecnec-2000', 'federal-cdwp-2009', 'federal-ecnec-2009')`,
      );
      await h.dataSource.query(
        `UPDATE ${schema}.forum_rules SET effective_from = '2000-01-01' ` +
          `WHERE code IN ('federal-cdwp-pre-2019', 'federal-ecnec-pre-2019')`,
      );
      const count = async () =>
        (await h.dataSource.query(`SELECT count(*)::int AS n FROM ${schema}.forum_rules`))[0].n as number;
      const before = await count();

      const run = async () => {
        const lines: string[] = [];
        expect(await installDefaults(h.api, old.slug, (line) => lines.push(line))).toBe(0);
        return lines.filter((l) => l.includes('forum rule'));
      };
      const skipped = ['federal-ecnec-2000', 'federal-ecnec-2009'].map(
        (code) =>
          `  ${old.slug}: forum rule ${code} not added: ` +
          `it would tie with federal-cdwp-pre-2019 (review it: POST /api/forum-rules)`,
      );
      expect(await run()).toEqual([
        `  ${old.slug}: forum rules added (seed kp): kp-pdwp-1997, kp-pdwp-2010, federal-cdwp-2000, federal-cdwp-2009`,
        ...skipped,
      ]);
      expect(await count()).toBe(before + 4);
      expect(await run()).toEqual(skipped);
      expect(await count()).toBe(before + 4);
      // The added eras route; the old CDWP era keeps the province's own reading where the new one was left out.
      await expectOn(old, '2005-01-01', [
        ['60', 'kp-pdwp (kp-pdwp-1997)'],
        ['500.001', 'cdwp (federal-cdwp-pre-2019)'],
      ]);
      await expectOn(old, '2012-01-01', [['10000', 'kp-pdwp (kp-pdwp-2010)']]);
    },
  );
});
