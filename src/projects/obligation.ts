/** A reporting obligation: a plain shape with no imports, so the web app reads the same type. */
export interface Obligation {
  projectId: string;
  projectTitle: string;
  kind: 'pc3b' | 'pc5';
  /** '2025-09' (the month reported) or '2024-25' (the financial year reported). */
  period: string;
  dueDate: string;
  status: 'fulfilled' | 'due' | 'overdue';
  documentId: string | null;
  /** The project's department and who started it: whom a reminder concerns. */
  departmentId: string | null;
  preparedBy: string | null;
}
