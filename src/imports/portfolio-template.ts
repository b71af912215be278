import { Localized } from '../forms/definition';

/*
 * The columns of a legacy portfolio file: one row is one decision of one project document; the
 * project's own columns repeat on each of its rows and the document's on each of its decisions.
 * The XLSX/CSV template, the JSON body and the row parser all read this one list.
 */

/** Which rows a column must agree on: every row of the project, every row of the document, or just its own. */
export type ColumnScope = 'project' | 'document' | 'decision';

export interface PortfolioColumn {
  /** The header in the file and the property in the JSON body. */
  key: PortfolioColumnKey;
  scope: ColumnScope;
  required: boolean;
  /** What the column holds, shown as the header's note in the XLSX template and in the API docs. */
  note: Localized;
  /** The template's example row (the historical project of the README walkthrough). */
  example: string;
}

export const PORTFOLIO_COLUMN_KEYS = [
  'projectKey',
  'title',
  'departmentCode',
  'sector',
  'districts',
  'adpSerial',
  'computerCode',
  'status',
  'completionDate',
  'documentKind',
  'formVariant',
  'revisionNumber',
  'edition',
  'preparationDate',
  'documentCost',
  'fecCost',
  'forum',
  'meetingNumber',
  'meetingDate',
  'decisionDate',
  'decision',
  'approvedCost',
  'conditions',
  'minutesReference',
] as const;
export type PortfolioColumnKey = (typeof PORTFOLIO_COLUMN_KEYS)[number];

/** A row as read from a file or the JSON body: every cell as text ('' when empty). */
export type RawPortfolioRow = Partial<Record<PortfolioColumnKey, string>>;

/** districts: the whole province instead of a list of districts. */
export const PROVINCE_WIDE = 'province-wide';
export const PROJECT_STATUSES = ['approved', 'in-execution', 'completed'] as const;
export const IMPORTED_KINDS = ['pc1', 'pc1-revised'] as const;
export const PC1_VARIANTS = ['infrastructure', 'production', 'social'] as const;
/** The sheet the importer reads (else the first sheet of the workbook). */
export const PORTFOLIO_SHEET = 'portfolio';
export const INSTRUCTIONS_SHEET = 'instructions';

const l = (en: string, ur: string): Localized => ({ en, ur });
const column = (
  key: PortfolioColumnKey,
  scope: ColumnScope,
  required: boolean,
  note: Localized,
  example: string,
): PortfolioColumn => ({ key, scope, required, note, example });

export const PORTFOLIO_COLUMNS: readonly PortfolioColumn[] = [
  column(
    'projectKey',
    'project',
    true,
    l(
      "The province's own id of the project (e.g. its ADP code); importing it again finds the same project.",
      'منصوبے کی صوبائی شناخت (مثلاً اے ڈی پی کوڈ)؛ دوبارہ درآمد پر یہی منصوبہ ملتا ہے۔',
    ),
    'KP-ADP-190571',
  ),
  column(
    'title',
    'project',
    true,
    l('Name of the project (up to 300 characters).', 'منصوبے کا نام (زیادہ سے زیادہ 300 حروف)۔'),
    'Construction of Chakdara–Timergara road (32 km)',
  ),
  column(
    'departmentCode',
    'project',
    true,
    l(
      "Code of the sponsoring department in the province's list (e.g. CW).",
      'صوبے کی فہرست میں سرپرست محکمے کا کوڈ (مثلاً CW)۔',
    ),
    'CW',
  ),
  column(
    'sector',
    'project',
    true,
    l("Sector code of the province's master data.", 'صوبے کے ماسٹر ڈیٹا میں شعبے کا کوڈ۔'),
    'transport-communications',
  ),
  column(
    'districts',
    'project',
    true,
    l(
      "District codes separated by commas, or 'province-wide'.",
      "اضلاع کے کوڈ کاما سے الگ، یا پورے صوبے کے لیے 'province-wide'۔",
    ),
    'dir-lower',
  ),
  column(
    'adpSerial',
    'project',
    false,
    l('ADP / PSDP serial number (digits).', 'اے ڈی پی / پی ایس ڈی پی سلسلہ نمبر (ہندسے)۔'),
    '957',
  ),
  column(
    'computerCode',
    'project',
    false,
    l(
      'Computer code / scheme ID of the scheme (digits, groups joined by hyphens: 190571, 33-1407143-010).',
      'اسکیم کا کمپیوٹر کوڈ / اسکیم آئی ڈی (ہندسے، خطِ فاصل سے جڑے گروہ: 190571، 33-1407143-010)۔',
    ),
    '190571',
  ),
  column(
    'status',
    'project',
    true,
    l('approved | in-execution | completed', 'منظور شدہ (approved) | زیرِ تکمیل (in-execution) | مکمل (completed)'),
    'in-execution',
  ),
  column(
    'completionDate',
    'project',
    false,
    l('Completed projects: the completion date (YYYY-MM-DD).', 'مکمل منصوبے: تاریخِ تکمیل (YYYY-MM-DD)۔'),
    '',
  ),
  column(
    'documentKind',
    'document',
    true,
    l('pc1 (original PC-I) | pc1-revised', 'pc1 (اصل پی سی ون) | pc1-revised (نظرِ ثانی شدہ)'),
    'pc1',
  ),
  column(
    'formVariant',
    'document',
    false,
    l(
      'PC-I variant: infrastructure (default) | production | social.',
      'پی سی ون کی قسم: infrastructure (طے شدہ) | production | social۔',
    ),
    'infrastructure',
  ),
  column(
    'revisionNumber',
    'document',
    false,
    l(
      'Revised PC-I: 1, 2 … (empty for the original PC-I).',
      'نظرِ ثانی شدہ پی سی ون: 1، 2 … (اصل پی سی ون کے لیے خالی)۔',
    ),
    '',
  ),
  column(
    'edition',
    'document',
    true,
    l(
      "Proforma edition the document was prepared on: PC-I '2005' or '2024'; revised PC-I '2017'.",
      "جس پروفارما ایڈیشن پر دستاویز تیار ہوئی: پی سی ون '2005' یا '2024'؛ نظرِ ثانی شدہ '2017'۔",
    ),
    '2005',
  ),
  column(
    'preparationDate',
    'document',
    false,
    l('Date the document was prepared (YYYY-MM-DD).', 'دستاویز کی تیاری کی تاریخ (YYYY-MM-DD)۔'),
    '2013-09-15',
  ),
  column(
    'documentCost',
    'document',
    true,
    l(
      'Total cost in the document, Rs million (up to 3 decimals).',
      'دستاویز میں کل لاگت، ملین روپے (زیادہ سے زیادہ 3 اعشاریہ)۔',
    ),
    '1850.500',
  ),
  column(
    'fecCost',
    'document',
    false,
    l('Foreign exchange component of that cost, Rs million.', 'اس لاگت میں زرِ مبادلہ کا حصہ، ملین روپے۔'),
    '0',
  ),
  column(
    'forum',
    'decision',
    true,
    l(
      "The forum that decided: a code of the province's approval forums (e.g. kp-pdwp).",
      'فیصلہ کرنے والا فورم: صوبے کے منظوری فورمز کا کوڈ (مثلاً kp-pdwp)۔',
    ),
    'kp-pdwp',
  ),
  column('meetingNumber', 'decision', false, l('Number of the forum meeting.', 'فورم کے اجلاس کا نمبر۔'), '12'),
  column(
    'meetingDate',
    'decision',
    false,
    l('Date of the meeting (YYYY-MM-DD).', 'اجلاس کی تاریخ (YYYY-MM-DD)۔'),
    '2014-02-20',
  ),
  column(
    'decisionDate',
    'decision',
    true,
    l('Date of the decision (YYYY-MM-DD), not before the meeting.', 'فیصلے کی تاریخ (YYYY-MM-DD)، اجلاس سے پہلے نہیں۔'),
    '2014-02-27',
  ),
  column(
    'decision',
    'decision',
    true,
    l(
      'approved | approved-with-changes | deferred | rejected | returned | recommended. ' +
        "A document's last decision must be final (approved, approved-with-changes, " +
        'rejected or recommended); a document still before its forum is entered through the workflow.',
      'منظور | ترامیم کے ساتھ منظور | مؤخر | مسترد | واپس | سفارش۔ کسی دستاویز پر آخری فیصلہ حتمی ہونا چاہیے (منظور، ' +
        'ترامیم کے ساتھ منظور، مسترد یا سفارش)؛ جو دستاویز ابھی فورم کے سامنے ہے وہ ورک فلو کے ذریعے درج کی جاتی ہے۔',
    ),
    'approved',
  ),
  column(
    'approvedCost',
    'decision',
    false,
    l(
      'Approvals: the cost the forum approved, Rs million (may differ from the document).',
      'منظوری: فورم کی منظور کردہ لاگت، ملین روپے (دستاویز سے مختلف ہو سکتی ہے)۔',
    ),
    '1790.000',
  ),
  column(
    'conditions',
    'decision',
    false,
    l('Conditions attached to the decision.', 'فیصلے کے ساتھ شرائط۔'),
    'Land acquisition before award of works',
  ),
  column(
    'minutesReference',
    'decision',
    false,
    l('Reference of the minutes or approval letter.', 'کارروائی یا منظوری کے خط کا حوالہ۔'),
    'No. PDWP/12/2014',
  ),
];

export const COLUMN_BY_KEY: ReadonlyMap<string, PortfolioColumn> = new Map(PORTFOLIO_COLUMNS.map((c) => [c.key, c]));
