import {
  conflictingRules,
  decideForum,
  decideRouting,
  defaultLevel,
  forumSeedFor,
  ForumRuleData,
  ownTierInForce,
  RoutingInput,
  rulesOverlap,
  seedForumRules,
  summariseRules,
} from './forum-rules';

const rule = (over: Partial<ForumRuleData>): ForumRuleData => ({
  code: 'r',
  level: 'provincial',
  forum: 'f',
  minCost: null,
  maxCost: null,
  formKinds: null,
  foreignFunding: null,
  whollyProvincial: null,
  maxIncreasePct: null,
  effectiveFrom: '2020-01-01',
  effectiveTo: null,
  priority: 20,
  source: 'test',
  verify: false,
  ...over,
});
const input = (over: Partial<RoutingInput> = {}): RoutingInput => ({
  formKind: 'pc1',
  totalCost: '500',
  foreignFunding: false,
  whollyProvincial: true,
  increasePct: null,
  on: '2026-11-28',
  ...over,
});

describe('forum rules', () => {
  test.each(['kp', 'gb', 'punjab', 'sindh', 'balochistan', 'ajk', 'ict', 'somewhere-new'])(
    'the %s seed has no two rules that tie with different forums',
    (slug) => {
      const rules = seedForumRules(slug);
      for (const r of rules) expect([r.code, conflictingRules(rules, r).map((c) => c.code)]).toEqual([r.code, []]);
    },
  );

  test('a tie at equal priority goes to the newer rule, whatever the order rules are stored in', () => {
    const older = rule({ code: 'old', forum: 'a', effectiveFrom: '2020-01-01' });
    const newer = rule({ code: 'new', forum: 'b', effectiveFrom: '2025-07-01' });
    expect(decideForum([older, newer], input())?.code).toBe('new');
    expect(decideForum([newer, older], input())?.code).toBe('new');
    expect(decideForum([newer, older], input({ on: '2024-01-01' }))?.code).toBe('old');
    expect(decideForum([rule({ code: 'b', priority: 20 }), rule({ code: 'a', priority: 20 })], input())?.code).toBe(
      'a',
    );
  });

  test('whollyProvincial false matches only projects that are not wholly provincial', () => {
    const r = rule({ whollyProvincial: false });
    expect(decideForum([r], input({ whollyProvincial: true }))).toBeNull();
    expect(decideForum([r], input({ whollyProvincial: false }))?.code).toBe('r');
  });

  test('overlap needs dates, conditions and (min, max] cost bands all to meet', () => {
    const low = rule({ maxCost: '400' });
    expect(rulesOverlap(low, rule({ minCost: '400' }))).toBe(false);
    expect(rulesOverlap(low, rule({ minCost: '399.999' }))).toBe(true);
    expect(rulesOverlap(low, rule({ effectiveFrom: '2010-01-01', effectiveTo: '2019-12-31' }))).toBe(false);
    expect(rulesOverlap(low, rule({ effectiveFrom: '2010-01-01', effectiveTo: '2020-01-01' }))).toBe(true);
    expect(rulesOverlap(rule({ formKinds: ['pc2'] }), rule({ formKinds: ['pc1', 'pc1-revised'] }))).toBe(false);
    expect(rulesOverlap(rule({ foreignFunding: true }), rule({ foreignFunding: false }))).toBe(false);
    expect(rulesOverlap(rule({ whollyProvincial: true }), rule({ whollyProvincial: null }))).toBe(true);
  });

  test('every seed rule has a source, a unique code, a level matching its code and dates in order', () => {
    for (const slug of ['kp', 'gb', 'punjab', 'sindh', 'balochistan', 'ajk', 'ict', 'somewhere-new']) {
      const rules = seedForumRules(slug);
      expect(new Set(rules.map((r) => r.code)).size).toBe(rules.length);
      for (const r of rules) {
        expect([r.code, r.source.length > 20]).toEqual([r.code, true]);
        expect([r.code, r.level]).toEqual([r.code, r.code.startsWith('federal-') ? 'federal' : 'provincial']);
        if (r.effectiveTo) expect([r.code, r.effectiveTo >= r.effectiveFrom]).toEqual([r.code, true]);
      }
    }
  });

  test('seed selection: the slug, else its first segment, else the general provincial defaults', () => {
    expect(
      ['kp', 'punjab', 'punjab-3f9a1c', 'gb-x1', 'ict', 'sindh', 'balochistan-1', 'ajk', 'mars', 'kpk'].map(
        forumSeedFor,
      ),
    ).toEqual(['kp', 'punjab', 'punjab', 'gb', 'ict', 'sindh', 'balochistan', 'ajk', 'general', 'general']);
    const general = seedForumRules('mars');
    expect(
      general
        .filter(
          (r) =>
            r.level === 'provincial' &&
            r.formKinds === null &&
            r.maxIncreasePct === null &&
            r.whollyProvincial === null,
        )
        .map((r) => [r.code, r.forum, r.minCost, r.maxCost, r.verify]),
    ).toEqual([
      ['general-ddwp', 'ddwp', null, '400', true],
      ['general-pdwp', 'pdwp', '400', '10000', true],
    ]);
    // The ministries' DDWP is for federal projects only.
    expect(seedForumRules('ict').some((r) => r.code.startsWith('federal-ddwp'))).toBe(true);
    for (const slug of ['kp', 'gb', 'punjab', 'sindh', 'balochistan', 'ajk', 'mars'])
      expect(seedForumRules(slug).some((r) => r.code.startsWith('federal-ddwp'))).toBe(false);
  });

  test(
    'with no provincial band in force nothing is routed, ' +
      "with a warning; federal DDWP is a federal territory's own tier",
    () => {
      const federalCdwp = rule({ code: 'federal-cdwp', level: 'federal', forum: 'cdwp', priority: 10 });
      const band = rule({ code: 'band', forum: 'pdwp', maxCost: '400', effectiveTo: '2025-12-31' });
      const pc2 = rule({ code: 'pc2', forum: 'pdwp', formKinds: ['pc2'], priority: 30 });
      expect(decideRouting([federalCdwp, band, pc2], input({ on: '2025-12-31' })).rule?.code).toBe('federal-cdwp');
      const after = decideRouting([federalCdwp, band, pc2], input({ on: '2026-01-01' }));
      expect(after).toMatchObject({ rule: null, warnings: [{ code: 'no-provincial-rules' }] });
      expect(after.reason).toMatch(/No provincial forum rule .* in force on 2026-01-01/);
      expect(after.warnings[0].messageUr.length).toBeGreaterThan(10);
      // A special rule alone (PC-II) is not a band: still refused.
      expect(decideRouting([federalCdwp, pc2], input({ formKind: 'pc2' })).rule).toBeNull();
      const ministryDdwp = rule({
        code: 'federal-ddwp',
        level: 'federal',
        forum: 'ddwp',
        maxCost: '1000',
        priority: 15,
      });
      expect(ownTierInForce([federalCdwp], '2026-01-01')).toBe(false);
      // A CDWP band a province added without saying it is federal is still no tier of its own.
      const mislabelled = rule({
        code: 'my-cdwp',
        level: 'provincial',
        forum: 'cdwp',
        minCost: '400',
        maxCost: '7500',
      });
      expect(ownTierInForce([federalCdwp, mislabelled], '2026-01-01')).toBe(false);
      expect(defaultLevel(mislabelled)).toBe('federal');
      expect(defaultLevel(rule({ code: 'kp-foreign-cdwp', forum: 'cdwp', foreignFunding: true }))).toBe('provincial');
      expect(defaultLevel(band)).toBe('provincial');
      expect(decideRouting([federalCdwp, ministryDdwp], input({ totalCost: '1000' })).rule?.code).toBe('federal-ddwp');
      expect(decideRouting([federalCdwp, ministryDdwp], input({ totalCost: '1000.001' }))).toMatchObject({
        rule: { code: 'federal-cdwp' },
        warnings: [],
        reason: null,
      });
      expect(summariseRules([federalCdwp, band, rule({ code: 'v', verify: true })], '2026-01-01')).toEqual({
        provincialInForce: true,
        verifyCount: 1,
        total: 3,
      });
      expect(summariseRules([federalCdwp, band], '2026-01-01')).toEqual({
        provincialInForce: false,
        verifyCount: 0,
        total: 2,
      });
    },
  );
});
