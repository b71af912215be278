/* Shapes of the API's answers that more than one screen reads (server types where they are plain). */
import type { ForumRuleData } from '../../../src/routing/forum-rules';

export type Locale = 'en' | 'ur';

export interface TenantProfile {
  slug: string;
  name: string;
  locales: string[];
  branding: { title?: string; [key: string]: unknown };
  /** Set on a training sandbox: every screen shows the TRAINING band. */
  training?: { liveSlug: string; expiresAt: string | null } | null;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  roles: string[];
  status: string;
  province: string;
  locale?: Locale;
  departmentId?: string | null;
  departmentName?: string | null;
  /** Document and reminder mail at once, or in one message a day. */
  mailDelivery?: 'immediate' | 'digest';
}

export interface Paged<T> {
  items: T[];
  total: number;
  totalIsExact: boolean;
  page: number;
  pageSize: number;
}

export interface Transition {
  id?: string;
  action: string;
  fromState: string;
  toState: string;
  comment: string | null;
  actorId?: string;
  actorName?: string | null;
  at?: string;
  createdAt?: string;
  forum?: string | null;
  [key: string]: unknown;
}

export interface DocumentSummary {
  id: string;
  projectId: string;
  formKey: string;
  /** The proforma edition the document follows ('2005', '2024', '2017' …). */
  edition?: string | null;
  kind: string;
  sequence?: number;
  period?: string | null;
  parentId?: string | null;
  title: string;
  state: string;
  revision: number;
  valid: boolean;
  errorCount: number;
  totalCost: string | null;
  forum: string | null;
  departmentId: string | null;
  sector: string | null;
  districts: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string | null;
  decidedAt?: string | null;
  lastTransition?: Transition | null;
}

export interface WorkflowState {
  id: string;
  label: Record<Locale, string>;
  editable: boolean;
  final?: boolean;
}

export interface WorkflowAction {
  id: string;
  label: Record<Locale, string>;
  from: string[];
  to: string;
  roles: string[];
  commentRequired?: boolean;
  /** Records a forum decision ('approved', 'rejected' …). */
  decision?: string;
}

export interface Workflow {
  version: number;
  config: { initial: string; states: WorkflowState[]; actions: WorkflowAction[] };
}

export interface MasterItem {
  list: string;
  code: string;
  parentCode: string | null;
  nameEn: string;
  nameUr: string;
  sortOrder: number;
  active: boolean;
}

export interface FormListItem {
  key: string;
  family: string;
  variant: string | null;
  title: string;
  currentVersion: { id: string; number: number; baseVersion: string; publishedAt: string } | null;
}

/** A row of GET /api/projects: the project with its current document's stage, state and figures. */
export interface ProjectListItem {
  id: string;
  title: string;
  status: ProjectStatus;
  /** The kind of the project's current document (pc2, pc1, pc1-revised, pc3a …). */
  stage: string | null;
  /** The workflow state of the current document. */
  state: string | null;
  currentDocumentId: string | null;
  formKey: string | null;
  totalCost: string | null;
  approvedCost: string | null;
  forum: string | null;
  sector: string | null;
  districts: string[];
  departmentId: string | null;
  departmentName: string | null;
  updatedAt: string;
}

export type ProjectStatus = 'preparation' | 'approved' | 'rejected' | 'completed';

/** GET /api/projects/:id. */
export interface ProjectDetail {
  id: string;
  title: string;
  status: ProjectStatus;
  departmentId: string | null;
  departmentName?: string | null;
  sector: string | null;
  districts: string[];
  adpNumber?: string | null;
  approvedCost: string | null;
  approvedForum: string | null;
  approvedAt: string | null;
  completedAt?: string | null;
  currentDocumentId?: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  documents: DocumentSummary[];
}

/** A reporting obligation (GET /api/obligations): PC-III(B) monthly, PC-V yearly after completion. */
export type { Obligation } from '../../../src/projects/obligation';

export interface Attachment {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** A dated forum rule of the province, as the server defines it. */
export type ForumRule = ForumRuleData & { id?: string };

/** GET /api/documents/:id/routing: the forum that must decide the document today, and why. */
export interface Routing {
  forum?: string | null;
  rule: ForumRule | null;
  figures?: { totalCost: string | null; foreignFunding?: boolean; whollyProvincial?: boolean };
  increasePct?: string | null;
  reason?: string;
}
