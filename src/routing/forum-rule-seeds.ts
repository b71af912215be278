import type { ForumRuleData } from './forum-rules';

/**
 * The forum rules a province starts with, per era, each with its source. `verify: true` marks a
 * figure or a date not confirmed against the official notification (most start dates are the
 * first date a public source confirms the limit, or an assumed boundary, as each source says).
 * Rules are never deleted once used: a change of limits is a new rule and an end date.
 *
 * Which seed a province gets: the one named like its slug, else the one named like the slug's
 * first segment ("punjab-south" → punjab; test provinces are "punjab-3f9a1c"), else the
 * general provincial defaults. Never only the federal rules.
 */

/** Higher decides. Special rules sit above the province's bands, which sit above the federal bands. */
const PRIORITY = {
  federalBand: 10,
  federalDdwp: 15,
  provincialBand: 20,
  foreignFunding: 25,
  special: 30,
  revision: 40,
} as const;

// Sources (public copies; cite the notification number here once a province confirms it).
const MANUAL_1997 =
  'Manual for Development Projects (Planning & Development Division, revised May 1997), ch.6 §6.10 sanctioning ' +
  'powers table (https://yumpu.com/en/document/view/6998869/manual-for-development-projects-planning-commission/62)';
const BR_2009 =
  'Business Recorder 15-05-2009: "Presently the CDWP is authorised to sanction projects costing up to Rs 500 ' +
  'million"; ' +
  'ECNEC above ' +
  '(https://brecorder.com/news/3636250/sanctioning-of-schemes-nec-likely-to-enhance-cdwps-powers-2009051538395)';
const PC_2011 =
  'Planning Commission press release 07-04-2011: "The CDWP is authorized to approve projects ' +
  'costing upto Rs 1.0 billion" (https://studylib.net/doc/8730399/press-release); ' +
  'also Express Tribune 2012: "CDWP has authority to approve projects worth up to Rs1 billion ' +
  'and the rest are recommended to Ecnec" (https://tribune.com.pk/story/353285/entertainment)';
const NATION_2015 =
  'The Nation 15-10-2015: DDWP Rs 60 m; PDWPs approve provincially funded projects up to Rs 10 bn, ' +
  'an exemption from CDWP granted by the 2008-13 government ' +
  '(https://nation.com.pk/15-Oct-2015/water-projects-above-rs1b-cost-need-cdwp-approval)';
const NATION_2019 =
  'NEC revision of sanctioning limits reported 26-09-2019: DDWP Rs 60 m → Rs 2 bn, CDWP Rs 3 bn → Rs 10 bn, ' +
  'ECNEC above (https://nation.com.pk/26-Sep-2019/govt-to-fast-track-approval-of-development-projects)';
const NATION_2022 =
  'MoPD&SI notification on NEC approval reported 24/25-08-2022: DDWP up to Rs 1 bn, CDWP above Rs 1 bn up to Rs ' +
  '7.5 bn, ECNEC above (https://www.nation.com.pk/25-Aug-2022/sanctioning-limits-of-cdwp-ddwp-revised-downwards; ' +
  'https://propakistani.pk/2022/08/24/govt-reduces-sanctioning-powers-of-development-authorities/)';
const NATION_2022_PROVINCES =
  'PDWP: projects from Rs 400 m to Rs 10 bn in the provinces (The Nation 30-05-2022, ' +
  'https://nation.com.pk/2022/05/30/govt-likely-to-enhance-sanction-powers-of-pdwp-to-rs20-billion/)';
const NEC_2018 =
  'NEC meeting 07-03-2018 (PM Shahid Khaqan Abbasi): Development Working Party of AJK, GB and FATA up to Rs 400 m, ' +
  'Development Committee up to Rs 1 bn ' +
  '(https://dailytimes.com.pk/211721/pm-abbasi-chairs-nec-meeting-review-govt-progress/; ' +
  'https://english.chitraltimes.com/nec-approved-enhancement-sanctioning-powers-development-aj-kashmir-gb-fata/)';
const NEC_2025 =
  'NEC decision (June 2025) letting PDWPs approve wholly provincially funded projects without CDWP/ECNEC, ' +
  'circulated 13-08-2025 and withdrawn by MoPD&SI notification of 25-08-2025 (https://newsguru.pk/?p=89522)';
const PUNJAB_PND =
  'Punjab P&D Board, "Approval of Development Projects" (http://pndpunjab.gov.pk/dev_projects, page undated)';
const AJK_PND =
  'AJK P&D Department, "Approval of Development Projects" ' +
  '(https://pndajk.gov.pk/whatwedo.php?page=Approval%20Project, page undated)';
const REVISION_15 =
  'Manual for Development Projects ch.4 §4.12-4.13: within the 15 % permissible limit the ' +
  'executing agency proceeds; beyond it the revised PC-I goes back to the competent forum';

// Era boundaries (first day of the new limits; the old ones end the day before).
const MANUAL_1997_FROM = '1997-05-01';
const FEDERAL_2000_FROM = '2000-01-01';
const CDWP_1BN_FROM = '2009-06-01';
const CDWP_3BN_FROM = '2013-07-01';
const PROVINCIAL_10BN_FROM = '2010-07-01';
const GB_ORDER_2009_FROM = '2009-09-09';
const KP_2016_FROM = '2016-01-01';
/** The first date a source confirms PDWPs at Rs 10 bn: the start of the seeds for provinces researched no further. */
const PDWP_CONFIRMED_FROM = '2015-10-15';
const NEC_2018_FROM = '2018-03-07';
const NEC_2019_FROM = '2019-09-26';
const NEC_2022_FROM = '2022-08-25';
const NEC_2025_FROM = '2025-06-01';
const NEC_2025_WITHDRAWN = '2025-08-24';

const dayBefore = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

type RuleSpec = Pick<ForumRuleData, 'code' | 'forum' | 'effectiveFrom' | 'priority' | 'source'> &
  Partial<ForumRuleData>;

const rule = (spec: RuleSpec): ForumRuleData => ({
  level: 'provincial',
  minCost: null,
  maxCost: null,
  formKinds: null,
  foreignFunding: null,
  whollyProvincial: null,
  maxIncreasePct: null,
  effectiveTo: null,
  verify: true,
  ...spec,
});

const federalBand = (
  code: string,
  forum: string,
  minCost: string | null,
  maxCost: string | null,
  from: string,
  to: string | null,
  source: string,
  verify: boolean,
) =>
  rule({
    code,
    forum,
    minCost,
    maxCost,
    effectiveFrom: from,
    effectiveTo: to,
    priority: PRIORITY.federalBand,
    source,
    verify,
    level: 'federal',
  });

/**
 * CDWP and ECNEC: projects above the province's highest forum (and, for federal projects, above
 * the ministry's DDWP). The codes of the eras already shipped stay as they were.
 */
function federalRules(): ForumRuleData[] {
  const to2009 = dayBefore(CDWP_1BN_FROM);
  const to2013 = dayBefore(CDWP_3BN_FROM);
  const to2019 = dayBefore(NEC_2019_FROM);
  const to2022 = dayBefore(NEC_2022_FROM);
  const era2000 =
    `${BR_2009}; in force at least by May 2009, start not found (2000-01-01 assumed), ` +
    `ended on a date not found (the NEC meeting of June 2009 that was to raise it assumed) [verify]`;
  const era2009 =
    `${PC_2011}; the date it replaced Rs 500 m is not found (June 2009 NEC assumed; ` +
    `the 2009 proposal was Rs 750 m, brecorder 15-05-2009) [verify]`;
  const era2013 =
    `Planning Commission limits before Sep 2019: CDWP up to Rs 3 bn, ECNEC above (${NATION_2019}); ` +
    `the date this replaced the Rs 1 bn limit (last confirmed 2012) is not found, FY 2013-14 assumed [verify]`;
  return [
    federalBand('federal-cdwp-2000', 'cdwp', null, '500', FEDERAL_2000_FROM, to2009, era2000, true),
    federalBand('federal-ecnec-2000', 'ecnec', '500', null, FEDERAL_2000_FROM, to2009, era2000, true),
    federalBand('federal-cdwp-2009', 'cdwp', null, '1000', CDWP_1BN_FROM, to2013, era2009, true),
    federalBand('federal-ecnec-2009', 'ecnec', '1000', null, CDWP_1BN_FROM, to2013, era2009, true),
    federalBand('federal-cdwp-pre-2019', 'cdwp', null, '3000', CDWP_3BN_FROM, to2019, era2013, true),
    federalBand('federal-ecnec-pre-2019', 'ecnec', '3000', null, CDWP_3BN_FROM, to2019, era2013, true),
    federalBand('federal-cdwp-2019', 'cdwp', null, '10000', NEC_2019_FROM, to2022, NATION_2019, false),
    federalBand('federal-ecnec-2019', 'ecnec', '10000', null, NEC_2019_FROM, to2022, NATION_2019, false),
    federalBand('federal-cdwp-2022', 'cdwp', null, '7500', NEC_2022_FROM, null, NATION_2022, false),
    federalBand('federal-ecnec-2022', 'ecnec', '7500', null, NEC_2022_FROM, null, NATION_2022, false),
  ];
}

/** The ministries' own forum, for federal projects (a federal territory such as ICT), not for provinces. */
function federalDdwpRules(): ForumRuleData[] {
  const ddwp = (code: string, maxCost: string, from: string, to: string | null, source: string, verify: boolean) =>
    rule({
      code,
      forum: 'ddwp',
      maxCost,
      effectiveFrom: from,
      effectiveTo: to,
      priority: PRIORITY.federalDdwp,
      source,
      verify,
      level: 'federal',
    });
  return [
    ddwp(
      'federal-ddwp-2000',
      '60',
      FEDERAL_2000_FROM,
      dayBefore(NEC_2019_FROM),
      `DDWP (Secretary of the ministry/division) up to Rs 60 m: ${NATION_2015}; ` +
        `${NATION_2019}; start not found (2000-01-01 assumed) [verify]`,
      true,
    ),
    ddwp(
      'federal-ddwp-2019',
      '2000',
      NEC_2019_FROM,
      dayBefore(NEC_2022_FROM),
      `${NATION_2019}; also The Nation 30-05-2022 (Rs 2 bn). ProPakistani 24-08-2022 says Rs 3 bn`,
      false,
    ),
    ddwp('federal-ddwp-2022', '1000', NEC_2022_FROM, null, NATION_2022, false),
  ];
}

/** A revised PC-I within 15 % of the approved cost stays with the department's own forum. */
const withinFifteen = (forum: string): ForumRuleData =>
  rule({
    code: `${forum}-revision-within-15`,
    forum,
    formKinds: ['pc1-revised'],
    maxIncreasePct: '15',
    effectiveFrom: FEDERAL_2000_FROM,
    priority: PRIORITY.revision,
    source: `${REVISION_15} [verify which forum records it]`,
  });

/** The June–August 2025 NEC power of PDWPs over wholly provincially funded projects above Rs 10 bn. */
const provincialPower2025 = (code: string, forum: string): ForumRuleData =>
  rule({
    code,
    forum,
    minCost: '10000',
    whollyProvincial: true,
    effectiveFrom: NEC_2025_FROM,
    effectiveTo: NEC_2025_WITHDRAWN,
    priority: PRIORITY.special,
    source: `${NEC_2025} [verify start date]`,
  });

/** The bands of provinces generally, for a province whose own notification is not on file. */
function generalBands(prefix: string, ddwp: string, pdwp: string, note: string): ForumRuleData[] {
  return [
    rule({
      code: `${prefix}-ddwp`,
      forum: ddwp,
      maxCost: '400',
      effectiveFrom: PDWP_CONFIRMED_FROM,
      priority: PRIORITY.provincialBand,
      source:
        `${note}: DDWP up to Rs 400 m, the band below the PDWP in ` +
        `the provinces generally (${NATION_2022_PROVINCES}) [verify]`,
    }),
    rule({
      code: `${prefix}-pdwp`,
      forum: pdwp,
      minCost: '400',
      maxCost: '10000',
      effectiveFrom: PDWP_CONFIRMED_FROM,
      priority: PRIORITY.provincialBand,
      source: `${note}: PDWP above Rs 400 m up to Rs 10 bn (${NATION_2022_PROVINCES}; ${NATION_2015}) [verify]`,
    }),
    provincialPower2025(`${prefix}-pdwp-provincial-2025`, pdwp),
    withinFifteen(ddwp),
  ];
}

function kpRules(): ForumRuleData[] {
  return [
    rule({
      code: 'kp-pdwp-1997',
      forum: 'kp-pdwp',
      maxCost: '60',
      effectiveFrom: MANUAL_1997_FROM,
      effectiveTo: dayBefore(PROVINCIAL_10BN_FROM),
      priority: PRIORITY.provincialBand,
      source:
        `${MANUAL_1997}: provincial (NWFP) schemes up to and including Rs 60 m sanctioned by ` +
        `the province after the PDWP, above that by the federal forums; ` +
        `when the limit rose before the Rs 10 bn power is not found (July 2010 assumed) [verify]`,
    }),
    rule({
      code: 'kp-pdwp-2010',
      forum: 'kp-pdwp',
      maxCost: '10000',
      effectiveFrom: PROVINCIAL_10BN_FROM,
      effectiveTo: dayBefore(KP_2016_FROM),
      priority: PRIORITY.provincialBand,
      source:
        `${NATION_2015}; start date not found (FY 2010-11, after the 18th Amendment, assumed); ` +
        `KP DDWP band of that period not found, so the PDWP takes the whole band [verify]`,
    }),
    rule({
      code: 'kp-ddwp',
      forum: 'kp-ddwp',
      maxCost: '400',
      effectiveFrom: KP_2016_FROM,
      priority: PRIORITY.provincialBand,
      source: 'KP DDWP band as for the provinces generally (Rs 400 m); KP P&D notification not found [verify]',
    }),
    rule({
      code: 'kp-pdwp',
      forum: 'kp-pdwp',
      minCost: '400',
      maxCost: '10000',
      effectiveFrom: KP_2016_FROM,
      priority: PRIORITY.provincialBand,
      source: 'PDWP up to Rs 10 bn (provinces generally; nation.com.pk 30-05-2022); KP notification not found [verify]',
    }),
    provincialPower2025('kp-pdwp-provincial-2025', 'kp-pdwp'),
    rule({
      code: 'kp-pc2-pdwp',
      forum: 'kp-pdwp',
      formKinds: ['pc2'],
      effectiveFrom: KP_2016_FROM,
      priority: PRIORITY.special,
      source:
        'PC-II (feasibility studies) approved by the PDWP irrespective of cost, ' +
        'as in Punjab (pndpunjab.gov.pk) [verify for KP]',
    }),
    rule({
      code: 'kp-foreign-cdwp',
      forum: 'cdwp',
      minCost: '400',
      maxCost: '7500',
      foreignFunding: true,
      effectiveFrom: NEC_2022_FROM,
      priority: PRIORITY.foreignFunding,
      source:
        'Projects with a foreign-funded component above the DDWP band go to the ' +
        'federal forums (Punjab: ECNEC for any foreign component) [verify for KP]',
    }),
    rule({
      code: 'kp-foreign-ecnec',
      forum: 'ecnec',
      minCost: '7500',
      foreignFunding: true,
      effectiveFrom: NEC_2022_FROM,
      priority: PRIORITY.foreignFunding,
      source: 'As above, above the CDWP limit of Rs 7.5 bn (MoPD&SI 24-08-2022) [verify for KP]',
    }),
    withinFifteen('kp-ddwp'),
    ...federalRules(),
  ];
}

function gbRules(): ForumRuleData[] {
  return [
    // "Below Rs 20 million": bands are inclusive and amounts have three decimals.
    rule({
      code: 'gb-nadwp-1997',
      forum: 'gbdwp',
      maxCost: '19.999',
      effectiveFrom: MANUAL_1997_FROM,
      effectiveTo: dayBefore(GB_ORDER_2009_FROM),
      priority: PRIORITY.provincialBand,
      source:
        `${MANUAL_1997}: Northern Areas Development Working Party, all schemes costing below Rs 20 m ` +
        `(non-recurring); assumed to end with the Gilgit-Baltistan (Empowerment and Self-Governance) ` +
        `Order of 09-09-2009; the limits from then until March 2018 are not found [verify]`,
    }),
    rule({
      code: 'gb-ddwp',
      forum: 'gb-ddwp',
      maxCost: '400',
      effectiveFrom: NEC_2018_FROM,
      priority: PRIORITY.provincialBand,
      source: `${NEC_2018}: departmental working party up to Rs 400 m [verify that the GB-DDWP holds the DWP power]`,
    }),
    rule({
      code: 'gbdwp',
      forum: 'gbdwp',
      minCost: '400',
      maxCost: '1000',
      effectiveFrom: NEC_2018_FROM,
      priority: PRIORITY.provincialBand,
      source:
        `${NEC_2018}: GB Development Working Party (the Development Committee power) ` +
        `up to Rs 1 bn; a 2022 proposal to raise it to Rs 2 bn is not confirmed [verify]`,
    }),
    withinFifteen('gb-ddwp'),
    ...federalRules(),
  ];
}

function punjabRules(): ForumRuleData[] {
  const band = (code: string, forum: string, minCost: string | null, maxCost: string, source: string) =>
    rule({
      code,
      forum,
      minCost,
      maxCost,
      effectiveFrom: PDWP_CONFIRMED_FROM,
      priority: PRIORITY.provincialBand,
      source,
    });
  return [
    band(
      'punjab-ddc',
      'ddc',
      null,
      '200',
      `${PUNJAB_PND} lists the DDSC from Rs 200 m; below that the administrative ` +
        `department's own committee [verify its name and limit]`,
    ),
    band(
      'punjab-ddsc',
      'ddsc',
      '200',
      '400',
      `${PUNJAB_PND}: Departmental Development Sub-Committee (Secretary of the administrative department) ` +
        `from Rs 200 m up to Rs 400 m; start date not found [verify]`,
    ),
    band(
      'punjab-pdwp',
      'pdwp',
      '400',
      '10000',
      `${PUNJAB_PND}: PDWP (Chairman P&D Board) from Rs 400 m to Rs 10,000 m; irrigation projects of ` +
        `Rs 1 bn or more go to ECNEC (not modelled: routing has no sector) [verify]`,
    ),
    rule({
      code: 'punjab-pc2-pdwp',
      forum: 'pdwp',
      formKinds: ['pc2'],
      effectiveFrom: PDWP_CONFIRMED_FROM,
      priority: PRIORITY.special,
      source:
        `${PUNJAB_PND}: any survey and feasibility study (PC-II) ` +
        `is approved by the PDWP irrespective of cost [verify start date]`,
    }),
    rule({
      code: 'punjab-foreign-ecnec',
      forum: 'ecnec',
      foreignFunding: true,
      effectiveFrom: PDWP_CONFIRMED_FROM,
      priority: PRIORITY.foreignFunding,
      source:
        `${PUNJAB_PND}: ECNEC is the final approving authority for ` +
        `any project involving a foreign component [verify start date]`,
    }),
    provincialPower2025('punjab-pdwp-provincial-2025', 'pdwp'),
    withinFifteen('ddc'),
    ...federalRules(),
  ];
}

function ajkRules(): ForumRuleData[] {
  return [
    rule({
      code: 'ajk-akdwp',
      forum: 'akdwp',
      maxCost: '400',
      effectiveFrom: NEC_2018_FROM,
      priority: PRIORITY.provincialBand,
      source:
        `${AJK_PND}: Azad Kashmir Development Working Party ` +
        `approves projects up to Rs 400 m; ${NEC_2018} [verify date]`,
    }),
    rule({
      code: 'ajk-ajkcdc',
      forum: 'ajkcdc',
      minCost: '400',
      maxCost: '1000',
      effectiveFrom: NEC_2018_FROM,
      priority: PRIORITY.provincialBand,
      source:
        `${AJK_PND}: AJK Cabinet Development Committee up to Rs 1,000 m, ` +
        `above that CDWP/ECNEC; ${NEC_2018} [verify date]`,
    }),
    withinFifteen('akdwp'),
    ...federalRules(),
  ];
}

const SEEDS: Record<string, () => ForumRuleData[]> = {
  kp: kpRules,
  gb: gbRules,
  punjab: punjabRules,
  sindh: () => [
    ...generalBands(
      'sindh',
      'ddwp',
      'pdwp',
      'Sindh PDWP chaired by the Chairman P&D Board (https://www.dawn.com/news/1440778); ' +
        'Sindh limits not on file, to confirm against the Sindh Planning Manual (Dec 2022)',
    ),
    ...federalRules(),
  ],
  balochistan: () => [
    ...generalBands(
      'balochistan',
      'ddwp',
      'pdwp',
      'Balochistan: schemes approved by the PDWP and the departmental sub-committee (DSC) ' +
        '(https://www.urdupoint.com/en/pakistan/1392-development-projects-approved-for-baloc-1112668.html); ' +
        "Balochistan limits and the lower forum's name not on file, to confirm against its notification",
    ),
    ...federalRules(),
  ],
  ajk: ajkRules,
  // A federal territory: federal projects, from the sponsoring ministry's DDWP up.
  ict: () => [...federalDdwpRules(), ...federalRules()],
};

const GENERAL_SEED = 'general';

/** The seed a province gets (see the file comment). */
export function forumSeedFor(slug: string): string {
  if (SEEDS[slug]) return slug;
  const first = slug.split('-')[0];
  return SEEDS[first] ? first : GENERAL_SEED;
}

/** The rules a province starts with (editable later through the API). */
export function seedForumRules(slug: string): ForumRuleData[] {
  const seed = forumSeedFor(slug);
  if (seed !== GENERAL_SEED) return SEEDS[seed]();
  return [
    ...generalBands(
      'general',
      'ddwp',
      'pdwp',
      'Defaults for a province without its own seed, to confirm against its notification',
    ),
    ...federalRules(),
  ];
}
