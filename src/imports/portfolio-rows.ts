import {
  APPROVING_DECISIONS,
  Decision,
  DECISIONS,
  MAX_CONDITIONS_LENGTH,
  MAX_MEETING_NUMBER_LENGTH,
  MAX_MINUTES_REFERENCE_LENGTH,
} from '../approvals/approval-record';
import { isCalendarDate } from '../common/calendar';
import { Dec, MAX_INTEGER_DIGITS, MONEY_SCALE, toDecimal } from '../forms/decimal';
import { Localized } from '../forms/definition';
import { ADP_SERIAL_PATTERN, COMPUTER_CODE_PATTERN } from '../forms/catalogue/common';
import {
  COLUMN_BY_KEY,
  IMPORTED_KINDS,
  PC1_VARIANTS,
  PORTFOLIO_COLUMNS,
  PortfolioColumnKey,
  PROJECT_STATUSES,
  PROVINCE_WIDE,
  RawPortfolioRow,
} from './portfolio-template';

/*
 * A legacy portfolio as rows → checked projects. Every cell is checked on its own (shape, codes of
 * the province, dates not in the future), then each project's rows together (the project's
 * columns agree on every row, its PC-I is approved, revisions are numbered 1, 2 …, dates in the
 * order preparation ≤ meeting ≤ decision ≤ today). A project with any refused row is refused as a
 * whole: its rows are all-or-nothing, the other projects go in.
 */

/** A refused cell: the file's row number (JSON: position in `rows`, from 1), its column and why. */
export interface RowProblem {
  row: number;
  column: string;
  reason: string;
  reasonUr: string;
}

/** What the province has, read once per import: codes of its master data and departments, today's date, its forms. */
export interface PortfolioReference {
  departments: ReadonlySet<string>;
  sectors: ReadonlySet<string>;
  districts: ReadonlySet<string>;
  forums: ReadonlySet<string>;
  today: string;
  /** The catalogue form of a document kind, PC-I variant and edition, or null when the province has none. */
  formKeyOf(kind: ImportedKind, variant: Pc1Variant, edition: string): string | null;
}

export type ImportedKind = (typeof IMPORTED_KINDS)[number];
export type Pc1Variant = (typeof PC1_VARIANTS)[number];
export type ImportedStatus = (typeof PROJECT_STATUSES)[number];

/** One checked row: every cell in its canonical text (amounts with 3 decimals), '' when empty. */
export type NormalizedRow = Record<PortfolioColumnKey, string>;

export interface ImportedDecisionPlan {
  row: number;
  forum: string;
  meetingNumber: string | null;
  meetingDate: string | null;
  decisionDate: string;
  decision: Decision;
  approvedCost: string | null;
  conditions: string | null;
  minutesReference: string | null;
  /** Unique within the project: the same decision imported again is the same record. */
  importKey: string;
}

export interface ImportedDocumentPlan {
  kind: ImportedKind;
  /** 0 for the PC-I, 1, 2 … for its revisions. */
  revisionNumber: number;
  formKey: string;
  edition: string;
  preparationDate: string | null;
  documentCost: string;
  fecCost: string | null;
  /** In date order. */
  decisions: ImportedDecisionPlan[];
  /** Unique within the project, e.g. 'pc1-0', 'pc1-revised-2'. */
  importKey: string;
}

export interface ImportedProjectPlan {
  projectKey: string;
  title: string;
  departmentCode: string;
  sector: string;
  provinceWide: boolean;
  districts: string[];
  adpSerial: string | null;
  computerCode: string | null;
  status: ImportedStatus;
  completionDate: string | null;
  /** The PC-I first, then its revisions in order. */
  documents: ImportedDocumentPlan[];
  rows: number[];
  /** The project's rows, checked and canonical, in a stable order: what idempotency compares. */
  normalized: NormalizedRow[];
}

export interface PortfolioPlan {
  projects: ImportedProjectPlan[];
  refused: { projectKey: string | null; rows: number[] }[];
  problems: RowProblem[];
}

export const MAX_PROJECT_KEY_LENGTH = 100;
export const MAX_TITLE_LENGTH = 300;
const PROJECT_KEY = /^[A-Za-z0-9][A-Za-z0-9 ./_#:-]*$/;
/** fields.md: ADP serial number digits, computer code 4 to 10 digits (as the catalogue's cover fields). */
const ADP_SERIAL = new RegExp(ADP_SERIAL_PATTERN);
const COMPUTER_CODE = new RegExp(COMPUTER_CODE_PATTERN);
const REVISION_NUMBER = /^[1-9][0-9]{0,2}$/;
/**
 * Decisions that leave a document in a final state of the workflow (nothing can be edited or
 * decided after them). A document's last decision must be one: a document returned or deferred
 * is still before its forum and enters through the workflow, not the import. Earlier returns and
 * deferrals of a document that was then decided are its history and are imported.
 */
export const FINAL_DECISIONS: readonly Decision[] = ['approved', 'approved-with-changes', 'rejected', 'recommended'];
const EDITION = /^[0-9]{4}$/;

const say = (en: string, ur: string): Localized => ({ en, ur });
const MSG = {
  required: say('is required', 'لازمی ہے'),
  date: say('must be a real date written YYYY-MM-DD', 'درست تاریخ YYYY-MM-DD کی صورت میں ہونی چاہیے'),
  future: (today: string) => say(`is after today (${today})`, `آج (${today}) کے بعد کی تاریخ ہے`),
  money: say(
    'must be an amount in Rs million, 0 or more, with at most 3 decimals',
    'ملین روپے میں صفر یا زائد رقم، زیادہ سے زیادہ 3 اعشاریہ کے ساتھ',
  ),
  oneOf: (values: readonly string[]) =>
    say(`must be one of ${values.join(', ')}`, `ان میں سے ایک ہونا چاہیے: ${values.join('، ')}`),
  unknown: (what: string, whatUr: string, code: string) =>
    say(`no ${what} "${code}" in this province`, `اس صوبے میں ${whatUr} "${code}" موجود نہیں`),
  tooLong: (max: number) => say(`is longer than ${max} characters`, `${max} حروف سے طویل ہے`),
  pattern: (en: string, ur: string) => say(`must be ${en}`, `${ur} ہونا چاہیے`),
  notBefore: (column: string, value: string) =>
    say(`must not be before ${column} (${value})`, `${column} (${value}) سے پہلے نہیں ہو سکتی`),
  differs: (row: number, value: string) =>
    say(
      `differs from row ${row} of the same project ("${value}")`,
      `اسی منصوبے کی سطر ${row} سے مختلف ہے ("${value}")`,
    ),
  differsDocument: (row: number, value: string) =>
    say(
      `differs from row ${row} of the same document ("${value}")`,
      `اسی دستاویز کی سطر ${row} سے مختلف ہے ("${value}")`,
    ),
  notFinal: (decision: string) =>
    say(
      `the last decision on a document must be final (${FINAL_DECISIONS.join(', ')}), ` +
        `not "${decision}"; a document still before its forum is entered through the workflow`,
      `کسی دستاویز پر آخری فیصلہ حتمی ہونا چاہیے (${FINAL_DECISIONS.join('، ')})، ` +
        `"${decision}" نہیں؛ جو دستاویز ابھی فورم کے سامنے ہے وہ ورک فلو کے ذریعے درج کی جاتی ہے`,
    ),
};

const problem = (row: number, column: string, message: Localized): RowProblem => ({
  row,
  column,
  reason: message.en,
  reasonUr: message.ur,
});

/**
 * Cell values as text: JSON strings as sent, safe integers as digits; anything else is refused (a JSON fraction has
 * been through a float).
 */
export function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

interface CellCheck {
  values: NormalizedRow;
  problems: RowProblem[];
}

/** Checks every cell of one row on its own. */
export function checkCells(raw: RawPortfolioRow, row: number, ref: PortfolioReference): CellCheck {
  const problems: RowProblem[] = [];
  const values = Object.fromEntries(PORTFOLIO_COLUMNS.map((c) => [c.key, ''])) as NormalizedRow;
  const refuse = (column: PortfolioColumnKey, message: Localized) => problems.push(problem(row, column, message));
  const text = (column: PortfolioColumnKey) => (raw[column] ?? '').trim();

  for (const column of PORTFOLIO_COLUMNS) {
    if (column.required && !text(column.key)) refuse(column.key, MSG.required);
  }
  const keep = (column: PortfolioColumnKey, value: string) => {
    values[column] = value;
  };
  const oneOf = (column: PortfolioColumnKey, allowed: readonly string[]) => {
    const v = text(column);
    if (!v) return;
    if (allowed.includes(v)) keep(column, v);
    else refuse(column, MSG.oneOf(allowed));
  };
  const date = (column: PortfolioColumnKey) => {
    const v = text(column);
    if (!v) return;
    if (!isCalendarDate(v)) refuse(column, MSG.date);
    else if (v > ref.today) refuse(column, MSG.future(ref.today));
    else keep(column, v);
  };
  const money = (column: PortfolioColumnKey) => {
    const v = text(column);
    if (!v) return;
    const d = toDecimal(v);
    if (!d || d.isNegative() || d.decimalPlaces() > MONEY_SCALE || d.trunc().toFixed(0).length > MAX_INTEGER_DIGITS)
      refuse(column, MSG.money);
    else keep(column, d.toFixed(MONEY_SCALE));
  };
  const freeText = (column: PortfolioColumnKey, max: number) => {
    const v = text(column);
    if (v.length > max) refuse(column, MSG.tooLong(max));
    else keep(column, v);
  };
  const code = (column: PortfolioColumnKey, known: ReadonlySet<string>, what: string, whatUr: string) => {
    const v = text(column);
    if (!v) return;
    if (known.has(v)) keep(column, v);
    else refuse(column, MSG.unknown(what, whatUr, v));
  };
  const pattern = (column: PortfolioColumnKey, shape: RegExp, en: string, ur: string) => {
    const v = text(column);
    if (!v) return;
    if (shape.test(v)) keep(column, v);
    else refuse(column, MSG.pattern(en, ur));
  };

  const key = text('projectKey');
  if (key.length > MAX_PROJECT_KEY_LENGTH) refuse('projectKey', MSG.tooLong(MAX_PROJECT_KEY_LENGTH));
  else if (key && !PROJECT_KEY.test(key))
    refuse(
      'projectKey',
      MSG.pattern(
        'letters, digits, spaces and . / _ # : -, starting with a letter or digit',
        'حروف، ہندسے، خالی جگہ اور . / _ # : -، حرف یا ہندسے سے شروع',
      ),
    );
  else keep('projectKey', key);
  freeText('title', MAX_TITLE_LENGTH);
  code('departmentCode', ref.departments, 'department', 'محکمہ');
  code('sector', ref.sectors, 'sector', 'شعبہ');
  const districts = text('districts');
  if (districts) {
    const list = districts
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean);
    if (list.length === 1 && list[0] === PROVINCE_WIDE) keep('districts', PROVINCE_WIDE);
    else {
      const unknown = list.filter((d) => !ref.districts.has(d));
      if (!list.length || list.includes(PROVINCE_WIDE))
        refuse(
          'districts',
          say(`must be district codes or "${PROVINCE_WIDE}" alone`, `اضلاع کے کوڈ یا صرف "${PROVINCE_WIDE}"`),
        );
      else if (unknown.length) refuse('districts', MSG.unknown('district', 'ضلع', unknown.join(', ')));
      else keep('districts', [...new Set(list)].sort().join(','));
    }
  }
  pattern('adpSerial', ADP_SERIAL, 'an ADP serial number of 1 to 5 digits', '1 سے 5 ہندسوں کا اے ڈی پی سلسلہ نمبر');
  pattern(
    'computerCode',
    COMPUTER_CODE,
    'a computer code: digits, in groups joined by hyphens (e.g. 190571 or 33-1407143-010)',
    'کمپیوٹر کوڈ: ہندسے، خطِ فاصل سے جڑے گروہوں میں (مثلاً 190571 یا 33-1407143-010)',
  );
  oneOf('status', PROJECT_STATUSES);
  date('completionDate');
  oneOf('documentKind', IMPORTED_KINDS);
  const variant = text('formVariant') || PC1_VARIANTS[0];
  if ((PC1_VARIANTS as readonly string[]).includes(variant)) keep('formVariant', variant);
  else refuse('formVariant', MSG.oneOf(PC1_VARIANTS));
  const revision = text('revisionNumber');
  if (values.documentKind === 'pc1-revised') {
    if (!revision)
      refuse(
        'revisionNumber',
        say('is required for a revised PC-I (1, 2 …)', 'نظرِ ثانی شدہ پی سی ون کے لیے لازمی ہے (1، 2 …)'),
      );
    else if (!REVISION_NUMBER.test(revision))
      refuse('revisionNumber', MSG.pattern('a whole number from 1', '1 یا اس سے بڑا پورا عدد'));
    else keep('revisionNumber', revision);
  } else if (values.documentKind === 'pc1' && revision && revision !== '0') {
    refuse('revisionNumber', say('must be empty for the original PC-I', 'اصل پی سی ون کے لیے خالی ہونا چاہیے'));
  }
  const edition = text('edition');
  if (edition && !EDITION.test(edition))
    refuse('edition', MSG.pattern("a year such as '2005', '2017' or '2024'", "سال مثلاً '2005'، '2017' یا '2024'"));
  else if (edition && values.documentKind && values.formVariant) {
    if (ref.formKeyOf(values.documentKind as ImportedKind, values.formVariant as Pc1Variant, edition))
      keep('edition', edition);
    else
      refuse(
        'edition',
        say(
          `the province has no ${values.documentKind} form of the ${edition} edition`,
          `صوبے کے پاس ${edition} ایڈیشن کا ${values.documentKind} فارم نہیں`,
        ),
      );
  }
  date('preparationDate');
  money('documentCost');
  money('fecCost');
  code('forum', ref.forums, 'approval forum', 'منظوری فورم');
  freeText('meetingNumber', MAX_MEETING_NUMBER_LENGTH);
  date('meetingDate');
  date('decisionDate');
  oneOf('decision', DECISIONS);
  money('approvedCost');
  freeText('conditions', MAX_CONDITIONS_LENGTH);
  freeText('minutesReference', MAX_MINUTES_REFERENCE_LENGTH);

  // Cross-cell facts of the row.
  if (values.fecCost && values.documentCost && new Dec(values.fecCost).gt(new Dec(values.documentCost))) {
    refuse(
      'fecCost',
      say(
        `is more than the documentCost (${values.documentCost})`,
        `دستاویز کی لاگت (${values.documentCost}) سے زیادہ ہے`,
      ),
    );
  }
  const approving = (APPROVING_DECISIONS as readonly string[]).includes(values.decision);
  if (approving && !values.approvedCost && !problems.some((p) => p.column === 'approvedCost')) {
    refuse('approvedCost', say('is required when the decision approves', 'منظوری کے فیصلے کے ساتھ لازمی ہے'));
  }
  if (values.decision === 'approved-with-changes' && !values.conditions) {
    refuse(
      'conditions',
      say('must state the changes of an approval with changes', 'ترامیم کے ساتھ منظوری میں ترامیم بیان کرنا لازمی ہے'),
    );
  }
  if (values.decision && !approving && values.approvedCost) {
    refuse(
      'approvedCost',
      say(`must be empty for a decision "${values.decision}"`, `فیصلہ "${values.decision}" کے ساتھ خالی ہونا چاہیے`),
    );
  }
  if (values.preparationDate && values.meetingDate && values.meetingDate < values.preparationDate)
    refuse('meetingDate', MSG.notBefore('preparationDate', values.preparationDate));
  if (values.meetingDate && values.decisionDate && values.decisionDate < values.meetingDate)
    refuse('decisionDate', MSG.notBefore('meetingDate', values.meetingDate));
  if (values.preparationDate && values.decisionDate && values.decisionDate < values.preparationDate)
    refuse('decisionDate', MSG.notBefore('preparationDate', values.preparationDate));
  if (values.status === 'completed' && !text('completionDate'))
    refuse('completionDate', say('is required for a completed project', 'مکمل منصوبے کے لیے لازمی ہے'));
  if (values.status && values.status !== 'completed' && values.completionDate) {
    refuse('completionDate', say(`must be empty unless the status is completed`, 'صرف مکمل منصوبے کے لیے'));
  }
  return { values, problems };
}

const PROJECT_COLUMNS = PORTFOLIO_COLUMNS.filter((c) => c.scope === 'project').map((c) => c.key);
const DOCUMENT_COLUMNS = PORTFOLIO_COLUMNS.filter((c) => c.scope === 'document').map((c) => c.key);

const documentKeyOf = (v: NormalizedRow) =>
  `${v.documentKind}-${v.documentKind === 'pc1' ? 0 : Number(v.revisionNumber)}`;
const decisionKeyOf = (v: NormalizedRow) => `${documentKeyOf(v)}/${v.decisionDate}/${v.decision}/${v.forum}`;

/** The order idempotency compares rows in: by document, then date, then what was decided. */
export const rowOrderKey = decisionKeyOf;

interface CheckedRow {
  row: number;
  values: NormalizedRow;
}

/** Checks one project's rows together; its problems, or its plan. */
function planProject(
  rows: CheckedRow[],
  ref: PortfolioReference,
): { plan?: ImportedProjectPlan; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const first = rows[0];
  for (const r of rows.slice(1)) {
    for (const column of PROJECT_COLUMNS) {
      if (r.values[column] !== first.values[column])
        problems.push(problem(r.row, column, MSG.differs(first.row, first.values[column])));
    }
  }
  const byDocument = new Map<string, CheckedRow[]>();
  for (const r of rows) {
    const key = documentKeyOf(r.values);
    byDocument.set(key, [...(byDocument.get(key) ?? []), r]);
  }
  const seen = new Map<string, number>();
  const repeated = new Set<number>();
  for (const r of rows) {
    const key = decisionKeyOf(r.values);
    const earlier = seen.get(key);
    if (earlier !== undefined) repeated.add(r.row);
    if (earlier !== undefined)
      problems.push(
        problem(
          r.row,
          'decision',
          say(
            `repeats row ${earlier} (same document, date, decision and forum)`,
            `سطر ${earlier} کا اعادہ ہے (وہی دستاویز، تاریخ، فیصلہ اور فورم)`,
          ),
        ),
      );
    else seen.set(key, r.row);
  }

  const documents: ImportedDocumentPlan[] = [];
  for (const [importKey, docRows] of byDocument) {
    const head = docRows[0];
    for (const r of docRows.slice(1)) {
      for (const column of DOCUMENT_COLUMNS) {
        if (r.values[column] !== head.values[column])
          problems.push(problem(r.row, column, MSG.differsDocument(head.row, head.values[column])));
      }
    }
    const decisions = [...docRows].sort(
      (a, b) => a.values.decisionDate.localeCompare(b.values.decisionDate) || a.row - b.row,
    );
    const last = decisions[decisions.length - 1];
    if (!(FINAL_DECISIONS as readonly string[]).includes(last.values.decision))
      problems.push(problem(last.row, 'decision', MSG.notFinal(last.values.decision)));
    const approvals = decisions.filter((d) => (APPROVING_DECISIONS as readonly string[]).includes(d.values.decision));
    for (const extra of approvals.slice(1).filter((a) => !repeated.has(a.row))) {
      problems.push(
        problem(
          extra.row,
          'decision',
          say(
            `the document was already approved in row ${approvals[0].row}; a revision is a new revisionNumber`,
            `یہ دستاویز سطر ${approvals[0].row} میں منظور ہو چکی؛ نظرِ ثانی نئے revisionNumber سے`,
          ),
        ),
      );
    }
    const v = head.values;
    const kind = v.documentKind as ImportedKind;
    documents.push({
      kind,
      revisionNumber: kind === 'pc1' ? 0 : Number(v.revisionNumber),
      formKey: ref.formKeyOf(kind, v.formVariant as Pc1Variant, v.edition)!,
      edition: v.edition,
      preparationDate: v.preparationDate || null,
      documentCost: v.documentCost,
      fecCost: v.fecCost || null,
      importKey,
      decisions: decisions.map((d) => ({
        row: d.row,
        forum: d.values.forum,
        meetingNumber: d.values.meetingNumber || null,
        meetingDate: d.values.meetingDate || null,
        decisionDate: d.values.decisionDate,
        decision: d.values.decision as Decision,
        approvedCost: d.values.approvedCost || null,
        conditions: d.values.conditions || null,
        minutesReference: d.values.minutesReference || null,
        importKey: decisionKeyOf(d.values),
      })),
    });
  }
  documents.sort((a, b) => a.revisionNumber - b.revisionNumber);

  // The history must make sense as a whole: an approved PC-I, revisions 1..n each decided after what it revises.
  const pcI = documents.find((d) => d.kind === 'pc1');
  const approvalOf = (d: ImportedDocumentPlan) =>
    d.decisions.find((x) => (APPROVING_DECISIONS as readonly string[]).includes(x.decision));
  if (!pcI) {
    problems.push(
      problem(
        first.row,
        'documentKind',
        say(
          'the project has no row of its original PC-I (documentKind pc1)',
          'منصوبے کے اصل پی سی ون (pc1) کی کوئی سطر نہیں',
        ),
      ),
    );
  } else if (!approvalOf(pcI)) {
    const last = pcI.decisions[pcI.decisions.length - 1];
    problems.push(
      problem(
        last.row,
        'decision',
        say(
          `an ${first.values.status} project needs the approval of its PC-I`,
          `${first.values.status} منصوبے کے لیے پی سی ون کی منظوری لازمی ہے`,
        ),
      ),
    );
  }
  const revisions = documents.filter((d) => d.kind === 'pc1-revised');
  revisions.forEach((d, i) => {
    if (d.revisionNumber !== i + 1) {
      problems.push(
        problem(
          d.decisions[0].row,
          'revisionNumber',
          say(
            `revisions must be numbered 1, 2 … without gaps; expected ${i + 1}`,
            `نظرِ ثانی کے نمبر بلا وقفہ 1، 2 … ہوں؛ متوقع ${i + 1}`,
          ),
        ),
      );
    }
  });
  let previousApproval = pcI && approvalOf(pcI);
  for (const d of revisions) {
    const approvedBefore = previousApproval;
    if (!approvedBefore) {
      // Without a PC-I row that is reported already.
      if (pcI)
        problems.push(
          problem(
            d.decisions[0].row,
            'revisionNumber',
            say('revises a document that was never approved', 'ایسی دستاویز کی نظرِ ثانی جو کبھی منظور نہیں ہوئی'),
          ),
        );
      break;
    }
    const early = d.decisions.find((x) => x.decisionDate < approvedBefore.decisionDate);
    if (early)
      problems.push(
        problem(
          early.row,
          'decisionDate',
          MSG.notBefore(`the approval it revises, row ${approvedBefore.row}`, approvedBefore.decisionDate),
        ),
      );
    if (d.preparationDate && d.preparationDate < approvedBefore.decisionDate) {
      problems.push(
        problem(
          d.decisions[0].row,
          'preparationDate',
          MSG.notBefore(`the approval it revises, row ${approvedBefore.row}`, approvedBefore.decisionDate),
        ),
      );
    }
    previousApproval = approvalOf(d);
  }
  const completion = first.values.completionDate;
  const firstApproval = pcI && approvalOf(pcI);
  if (completion && firstApproval && completion < firstApproval.decisionDate) {
    problems.push(
      problem(
        first.row,
        'completionDate',
        MSG.notBefore(`the approval of the PC-I, row ${firstApproval.row}`, firstApproval.decisionDate),
      ),
    );
  }
  if (problems.length) return { problems };

  const v = first.values;
  return {
    problems,
    plan: {
      projectKey: v.projectKey,
      title: v.title,
      departmentCode: v.departmentCode,
      sector: v.sector,
      provinceWide: v.districts === PROVINCE_WIDE,
      districts: v.districts === PROVINCE_WIDE ? [] : v.districts.split(','),
      adpSerial: v.adpSerial || null,
      computerCode: v.computerCode || null,
      status: v.status as ImportedStatus,
      completionDate: v.completionDate || null,
      documents,
      rows: rows.map((r) => r.row),
      normalized: [...rows]
        .sort((a, b) => rowOrderKey(a.values).localeCompare(rowOrderKey(b.values)))
        .map((r) => r.values),
    },
  };
}

/**
 * Checks a whole portfolio: cells, then each project's rows together. Rows are grouped by
 * projectKey; a row without a usable key stands alone and is refused.
 */
export function planPortfolio(rows: { row: number; raw: RawPortfolioRow }[], ref: PortfolioReference): PortfolioPlan {
  const problems: RowProblem[] = [];
  const refused: PortfolioPlan['refused'] = [];
  const projects: ImportedProjectPlan[] = [];
  const groups = new Map<string, { row: number; check: CellCheck }[]>();
  for (const { row, raw } of rows) {
    const check = checkCells(raw, row, ref);
    const key = check.values.projectKey;
    if (!key) {
      problems.push(...check.problems);
      refused.push({ projectKey: null, rows: [row] });
      continue;
    }
    groups.set(key, [...(groups.get(key) ?? []), { row, check }]);
  }
  for (const [projectKey, group] of groups) {
    const cellProblems = group.flatMap((g) => g.check.problems);
    const outcome = cellProblems.length
      ? { problems: cellProblems }
      : planProject(
          group.map((g) => ({ row: g.row, values: g.check.values })),
          ref,
        );
    if (outcome.plan) projects.push(outcome.plan);
    else {
      problems.push(...outcome.problems);
      refused.push({ projectKey, rows: group.map((g) => g.row) });
    }
  }
  problems.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return { projects, refused, problems };
}

/** The header names a file may use for a column: its key, in any case, with or without spaces. */
export function columnOfHeader(header: string): PortfolioColumnKey | undefined {
  const wanted = header.replace(/[\s_]/g, '').toLowerCase();
  return [...COLUMN_BY_KEY.keys()].find((k) => k.toLowerCase() === wanted) as PortfolioColumnKey | undefined;
}
