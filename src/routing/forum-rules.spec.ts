import { conflictingRules, decideForum, ForumRuleData, RoutingInput, rulesOverlap, seedForumRules } from './forum-rules';

const rule = (over: Partial<ForumRuleData>): ForumRuleData => ({
  code: 'r', forum: 'f', minCost: null, maxCost: null, formKinds: null, foreignFunding: null, whollyProvincial: null, maxIncreasePct: null,
  effectiveFrom: '2020-01-01', effectiveTo: null, priority: 20, source: 'test', verify: false, ...over,
});
const input = (over: Partial<RoutingInput> = {}): RoutingInput => ({
  formKind: 'pc1', totalCost: '500', foreignFunding: false, whollyProvincial: true, increasePct: null, on: '2026-11-28', ...over,
});

describe('forum rules', () => {
  test.each(['kp', 'gb', 'punjab'])('the %s seed has no two rules that tie with different forums', (slug) => {
    const rules = seedForumRules(slug);
    for (const r of rules) expect([r.code, conflictingRules(rules, r).map((c) => c.code)]).toEqual([r.code, []]);
  });

  test('a tie at equal priority goes to the newer rule, whatever the order rules are stored in', () => {
    const older = rule({ code: 'old', forum: 'a', effectiveFrom: '2020-01-01' });
    const newer = rule({ code: 'new', forum: 'b', effectiveFrom: '2025-07-01' });
    expect(decideForum([older, newer], input())?.code).toBe('new');
    expect(decideForum([newer, older], input())?.code).toBe('new');
    expect(decideForum([newer, older], input({ on: '2024-01-01' }))?.code).toBe('old');
    expect(decideForum([rule({ code: 'b', priority: 20 }), rule({ code: 'a', priority: 20 })], input())?.code).toBe('a');
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
});
