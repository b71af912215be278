/**
 * The shape of a form definition: one per Planning Commission proforma in the base catalogue,
 * and the same shape after a province's overlay is applied. A definition is authored once as
 * sections of typed fields; compile.ts derives from it the JSON Schema (validated by Ajv on the
 * server and in the browser), the UI schema (numbered sections as in the official proforma) and
 * the label tables. Rules and checks are JSONLogic, evaluable in both places (rules.ts).
 */

export const LOCALES = ['en', 'ur'] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized = Record<Locale, string>;

export const FORM_FAMILIES = ['PC-I', 'PC-I-revised', 'PC-II', 'PC-III-A', 'PC-III-B', 'PC-IV', 'PC-V'] as const;
export type FormFamily = (typeof FORM_FAMILIES)[number];

/** Master-data lists a select may draw its options from (the province's own values). */
export const MASTER_LISTS = [
  'districts',
  'tehsils',
  'sectors',
  'sub-sectors',
  'funding-sources',
  'approval-forums',
  'departments',
] as const;
export type MasterList = (typeof MASTER_LISTS)[number];

/**
 * Field types. `money` is Rupees in million as a decimal string ("1250.500"), never a JSON
 * number, so no amount passes through a float; `decimal` is any other exact quantity
 * (percentages, ratios); `fiscalYear` is "2025-26"; `attachment` is the id of an uploaded file.
 */
export const FIELD_TYPES = [
  'text',
  'textarea',
  'integer',
  'decimal',
  'money',
  'date',
  'fiscalYear',
  'boolean',
  'select',
  'multiselect',
  'attachment',
  'table',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface Constraints {
  minLength?: number;
  maxLength?: number;
  /** For integer, decimal and money: decimal strings or numbers. */
  minimum?: string | number;
  maximum?: string | number;
  pattern?: string;
  /** email is the only format offered. */
  format?: 'email';
  /** For multiselect and table rows. */
  minItems?: number;
  maxItems?: number;
  /** Money and decimal refuse negatives unless this is true (e.g. a variance column). */
  allowNegative?: boolean;
  /** Digits after the decimal point for money and decimal (default 3 for money, 4 for decimal). */
  scale?: number;
}

export interface OptionItem {
  value: string;
  label: Localized;
  /** For master-data items with a parent (a tehsil's district), so a browser can cascade. */
  parent?: string;
}

/** A fixed list, or the province's master-data list resolved when a version is published. */
export type Options = OptionItem[] | { master: MasterList };

export interface FieldDefinition {
  /** Key in the data, camelCase. */
  id: string;
  type: FieldType;
  label: Localized;
  help?: Localized;
  /** Must be filled before a document can be submitted (drafts may leave it empty). */
  required?: boolean;
  /**
   * The Planning Commission requires this field: an overlay may tighten it but not hide it,
   * loosen it or drop its requirement.
   */
  locked?: boolean;
  constraints?: Constraints;
  /** select / multiselect. */
  options?: Options;
  /** The option list itself is the Planning Commission's (e.g. forum names) and cannot be replaced. */
  fixedOptions?: boolean;
  default?: unknown;
  /** UI hint, e.g. 'radio' for a short select, 'map' for coordinates. */
  widget?: string;
  /** table only: its columns (no nested tables) and the columns summed into the totals row. */
  columns?: FieldDefinition[];
  totals?: string[];
  /** Set when the field came from a province overlay (so the diff and the UI can say so). */
  addedBy?: 'overlay';
  /** Hidden by the province's overlay (optional fields only). */
  hidden?: boolean;
}

export interface SectionDefinition {
  /** Key in the data, camelCase; 'row' is reserved for row-scoped rules. */
  id: string;
  /** As printed on the proforma: '1', '4', '12(a)'. */
  number: string;
  label: Localized;
  help?: Localized;
  fields: FieldDefinition[];
  addedBy?: 'overlay';
}

/** JSONLogic (jsonlogic.com) plus the decimal operations of rules.ts. */
export type JsonLogic = unknown;

/**
 * Rules, evaluated against the data (vars are dotted paths such as "location.districts";
 * a row-scoped rule — target "capitalCost.rows.*.total" — also sees the row as "row").
 * - visible: the target is shown (and may be required) only while `when` holds.
 * - require: the target is required while `when` holds.
 * - calculate: the target is computed by the server on every save; a different value sent by
 *   the client is an error that names the table, row and column.
 */
export type RuleDefinition =
  | { id: string; kind: 'visible'; target: string; when: JsonLogic; description?: string }
  | { id: string; kind: 'require'; target: string; when: JsonLogic; description?: string }
  | { id: string; kind: 'calculate'; target: string; value: JsonLogic; description?: string };

/**
 * How a failed check counts. An error blocks submission until it is fixed; a warning never blocks
 * a save, but each open warning needs an answer (a comment) before submission, and reviewers see
 * warnings with their answers (the way a P&D scrutiny officer raises an observation).
 */
export type CheckSeverity = 'error' | 'warning';

/**
 * A cross-check, e.g. phasing total = capital cost total. Reported at `pointer` with both figures
 * in the message. `when` (optional) limits it to applicable data.
 * - eq / lte / gte / lt / gt compare the decimal figures `left` and `right` (`tolerance`, a
 *   decimal string, is the absolute difference still accepted);
 * - holds: `left` is a JSONLogic condition that must be true (`right` unused), for checks that
 *   are not a comparison of two figures (dates in order, imported items with a foreign-exchange
 *   component …).
 */
export interface CheckDefinition {
  id: string;
  op: 'eq' | 'lte' | 'gte' | 'lt' | 'gt' | 'holds';
  left: JsonLogic;
  right?: JsonLogic;
  when?: JsonLogic;
  /** Default 'error'. */
  severity?: CheckSeverity;
  /** Comparisons only: the absolute difference tolerated (e.g. rounding in a published table). */
  tolerance?: string;
  /** JSON pointer of the figure that is wrong, e.g. "/phasing/totals/total". */
  pointer: string;
  message: Localized;
}

export interface FormSource {
  /** The proforma the definition follows, e.g. "PC-I (Infrastructure) 2005, revised 2024". */
  document: string;
  urls: string[];
  notes?: string;
}

/**
 * Which edition of a Planning Commission proforma a definition follows. Editions of one proforma
 * are separate catalogue forms (keys), so each has its own items, checks, source, overlay and
 * published versions; the catalogue groups them by `proforma`. Kept beside the definitions
 * (catalogue/editions.ts), not inside them, so naming an edition never changes a released
 * definition's content hash.
 */
export interface FormEdition {
  /** The proforma this is an edition of, e.g. 'pc1-infrastructure' (the key of its newest edition). */
  proforma: string;
  /** The edition's year as the Planning Commission names it: '2005', '2017', '2024' … */
  id: string;
  label: Localized;
}

export interface FormDefinition {
  /** Stable key, e.g. 'pc1-infrastructure'. */
  key: string;
  /** Semantic version of the base definition. */
  version: string;
  family: FormFamily;
  variant?: 'infrastructure' | 'production' | 'social';
  title: Localized;
  source: FormSource;
  sections: SectionDefinition[];
  rules: RuleDefinition[];
  checks: CheckDefinition[];
}
