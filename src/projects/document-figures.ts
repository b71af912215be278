import { Dec, MAX_COMPUTED_INTEGER_DIGITS, toDecimal } from '../forms/decimal';
import { DocumentKind } from './document-kinds';

/*
 * What the platform reads from a document's data (always after the server has recomputed its
 * calculated figures): the total cost that routes it to a forum, whether foreign money is
 * involved, the listing fields; and what a follow-up document starts with (prefill).
 */

type Data = Record<string, unknown>;

export { KIND_OF_FORM, STARTING_FORMS } from './document-kinds';

const get = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Data)[k] : undefined), data);

const rowsOf = (data: unknown, path: string): Data[] => {
  const rows = get(data, `${path}.rows`);
  return Array.isArray(rows) ? (rows.filter((r) => r && typeof r === 'object') as Data[]) : [];
};

/** Where each kind keeps its cost table and financing table. */
const TABLES: Partial<Record<DocumentKind, { cost: string; financing: string }>> = {
  pc1: { cost: 'capitalCost.estimate', financing: 'financing.plan' },
  'pc1-revised': { cost: 'capitalCost.revised', financing: 'financing.revised' },
  pc2: { cost: 'cost.estimate', financing: 'financing.sources' },
};

/** The province's own money: a project financed only from these is "wholly provincial". */
const PROVINCIAL_SOURCES = new Set(['provincial-adp', 'gb-adp', 'own-resources', 'local-government']);
const FOREIGN_SOURCES = new Set(['foreign-loan', 'foreign-grant']);

export interface DocumentFigures {
  title: string | null;
  /** Rs million as a decimal string. */
  totalCost: string | null;
  foreignFunding: boolean;
  whollyProvincial: boolean;
  sector: string | null;
  districts: string[];
}

/** A total a draft may hold but no column can: its validation error says so; it is not a cost. */
const STORABLE_BOUND = new Dec(10).pow(MAX_COMPUTED_INTEGER_DIGITS);
const amountAt = (data: Data, path: string): Dec | null => {
  const d = toDecimal(get(data, path));
  return d && d.abs().lt(STORABLE_BOUND) ? d : null;
};

export function figuresOf(kind: DocumentKind, data: Data): DocumentFigures {
  const tables = TABLES[kind];
  const total = tables ? amountAt(data, `${tables.cost}.totals.total`) : null;
  const sources = tables ? rowsOf(data, tables.financing).map((r) => String(r.source ?? '')) : [];
  const title = get(data, 'name.title') ?? get(data, 'project.title');
  const sector = get(data, 'cover.sector') ?? get(data, 'project.sector');
  const districts = get(data, 'location.districts');
  // Foreign funding is a foreign loan or grant among the sources, not a foreign-exchange cost
  // (imported equipment paid from the ADP is still provincial money).
  const foreignFunding = sources.some((s) => FOREIGN_SOURCES.has(s));
  return {
    title: typeof title === 'string' && title.trim() ? title.trim().slice(0, 300) : null,
    totalCost: total ? total.toFixed(3) : null,
    foreignFunding,
    whollyProvincial: sources.length > 0 && sources.every((s) => PROVINCIAL_SOURCES.has(s)),
    sector: typeof sector === 'string' ? sector : null,
    districts: Array.isArray(districts) ? districts.filter((d): d is string => typeof d === 'string') : [],
  };
}

interface ApprovedPcI {
  id: string;
  data: Data;
  formVersionNumber: number;
  approvedForum: string | null;
  approvedAt: string | null;
}

const moneyOf = (v: unknown) => (toDecimal(v) ?? new Dec(0)).toFixed(3);

/**
 * The first data of a follow-up document, from the approved PC-I: a revised PC-I starts with
 * the approved figures as both "original" and "proposed"; PC-IV and PC-V start with the
 * planned figures. Keys the target form does not have are dropped by the caller.
 */
export function prefillFrom(kind: DocumentKind, pcI: ApprovedPcI, revisionNumber: number): Data {
  const d = pcI.data;
  const cover = (get(d, 'cover') ?? {}) as Data;
  const identity = {
    title: get(d, 'name.title'),
    adpNumber: cover.adpNumber,
    department: cover.sponsoringDepartment,
    projectDocumentId: pcI.id,
  };
  // The approved document is a PC-I or, after a revision, a revised PC-I (its "revised" tables).
  const revisedSource = get(d, 'capitalCost.revised') !== undefined;
  const costTable = revisedSource ? 'capitalCost.revised' : 'capitalCost.estimate';
  const costRows = rowsOf(d, costTable).map((r) => ({ item: r.item, local: moneyOf(r.local), fec: moneyOf(r.fec) }));
  const financingRows = rowsOf(d, revisedSource ? 'financing.revised' : 'financing.plan').map((r) => ({
    source: r.source,
    local: moneyOf(r.local),
    fec: moneyOf(r.fec),
  }));
  switch (kind) {
    case 'pc1-revised':
      return {
        cover: {
          parentDocumentId: pcI.id,
          parentVersion: `form version ${pcI.formVersionNumber}`,
          approvalForum: pcI.approvedForum ?? undefined,
          approvalDate: pcI.approvedAt ?? undefined,
          revisionNumber,
          sector: cover.sector,
          subSector: cover.subSector,
          adpNumber: cover.adpNumber,
          adpYear: cover.adpYear,
          sponsoringDepartment: cover.sponsoringDepartment,
        },
        name: { title: get(d, 'name.title') },
        location: get(d, 'location'),
        authorities: get(d, 'authorities'),
        capitalCost: { original: { rows: costRows }, revised: { rows: structuredClone(costRows) } },
        financing: { original: { rows: financingRows }, revised: { rows: structuredClone(financingRows) } },
      };
    case 'pc4': {
      const local = moneyOf(get(d, `${costTable}.totals.local`));
      const fec = toDecimal(get(d, `${costTable}.totals.fec`));
      return {
        project: identity,
        authorities: get(d, 'authorities'),
        capitalCost: {
          cost: {
            rows: [
              { component: 'local', original: local },
              ...(fec && fec.gt(0) ? [{ component: 'fec-loan', original: fec.toFixed(3) }] : []),
            ],
          },
        },
      };
    }
    case 'pc5': {
      const firstYear = rowsOf(d, 'operatingCost.annual')[0]?.year;
      const heads = rowsOf(d, 'operatingCost.annual')
        .filter((r) => r.year === firstYear)
        .map((r) => ({ item: r.head, planned: moneyOf(r.amount) }));
      return { project: identity, recurringCost: { heads: { rows: heads } } };
    }
    default:
      return { project: identity };
  }
}
