/* Shapes of the API's answers that more than one screen reads. */

export type Locale = 'en' | 'ur';

export interface TenantProfile {
  slug: string;
  name: string;
  locales: string[];
  branding: { title?: string; [key: string]: unknown };
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
