/* Shapes of the document and form-version answers the editor reads (see src/projects and src/forms/form-view.ts). */
import type { FieldChange } from '../../../src/common/json-diff';
import type { CheckDefinition, FieldType, FormDefinition, RuleDefinition } from '../../../src/forms/definition';
import type { FormError } from '../../../src/forms/form-validator';
import type { Attachment, DocumentSummary } from '../api/types';

export type { FieldChange, FormError };
export type Data = Record<string, unknown>;

export interface OptionView {
  value: string;
  label: string;
  parent?: string;
}

/** A field or table column of a form version, labels in one language (form-view.ts). */
export interface FieldView {
  id: string;
  /** "/section/field", or "/section/table/rows/-/column" for a column. */
  pointer: string;
  type: FieldType;
  label: string;
  help?: string;
  widget?: string;
  required: boolean;
  locked: boolean;
  hidden: boolean;
  /** Computed by the rules (a calculated figure or a totals row). */
  readOnly: boolean;
  options?: OptionView[];
  default?: unknown;
  columns?: FieldView[];
  totals?: string[];
}

export interface SectionView {
  id: string;
  number: string;
  pointer: string;
  label: string;
  help?: string;
  fields: FieldView[];
}

export interface FormVersionView {
  id: string;
  formKey: string;
  number: number;
  baseVersion: string;
  contentHash: string;
  locale: 'en' | 'ur';
  title: string;
  schema: Record<string, unknown>;
  ui: { sections: SectionView[] };
  rules: RuleDefinition[];
  checks: (Omit<CheckDefinition, 'message'> & { message: string })[];
  /** Pointer → label: sections ("/s" → "4. Location"), fields, and columns ("/s/t/rows/-/c"). */
  labels: Record<string, string>;
  /** The compiled definition, for the browser's FormValidator. */
  definition: FormDefinition;
}

export interface DocumentAction {
  id: string;
  label: string;
  commentRequired: boolean;
}

export type { Attachment } from '../api/types';

/** GET /api/documents/:id: the list's summary fields plus what the editor needs. */
export interface DocumentDetail extends Pick<
  DocumentSummary,
  | 'id'
  | 'projectId'
  | 'formKey'
  | 'kind'
  | 'title'
  | 'state'
  | 'revision'
  | 'valid'
  | 'errorCount'
  | 'totalCost'
  | 'forum'
> {
  formVersion: { id: string; number: number };
  data: Data;
  errors: FormError[];
  editable: boolean;
  actions: DocumentAction[];
  attachments: Attachment[];
  /** The proforma edition the document follows ('2005', '2024', '2017' …). */
  edition?: string | null;
  /** Its warnings (checks of severity 'warning') with their answers. */
  warnings?: DocumentWarning[];
}

/** A warning of a saved document (GET /api/documents/:id), answered or not. */
export interface DocumentWarning {
  /** `${checkId}@${pointer}`: stable while the warning stays. */
  key: string;
  pointer: string;
  /** The proforma's item number ('7', '12(a)', '0' = cover). */
  item?: string | null;
  check?: string | null;
  message: string;
  params?: Record<string, unknown>;
  answer: { text: string; by?: string | null; byName?: string | null; at?: string | null } | null;
}

export interface SaveResult {
  id: string;
  revision: number;
  valid: boolean;
  errors: FormError[];
  errorCount: number;
  truncated: boolean;
  totalCost: string | null;
  data: Data;
}

/** The 409 body of a save based on a stale revision. */
export interface StaleRevisionBody {
  message: string;
  currentRevision: number;
  changes: FieldChange[];
}

export interface Revision {
  revision: number;
  errorCount: number;
  savedAt: string;
  savedBy: string | null;
  savedByEmail?: string | null;
  savedByName?: string | null;
}

export interface RevisionDiff {
  from: number;
  to: number;
  changes: FieldChange[];
}

/** One workflow step; the endpoint is gaining actorName (and may rename from/to), so both are read. */
export interface TransitionEntry {
  action: string;
  from?: string;
  to?: string;
  fromState?: string;
  toState?: string;
  actorEmail?: string | null;
  actorName?: string | null;
  comment: string | null;
  forum?: string | null;
  forumRule?: string | null;
  at?: string;
  createdAt?: string;
}

export interface Routing {
  rule: { code: string; forum: string; source?: string | null } | null;
  increasePct: string | null;
  reason?: string;
}

export const ATTACHMENT_KINDS = ['feasibility-study', 'map', 'drawing', 'other'] as const;

/** What the save indicator says (data-status of the status element). */
export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error';
