import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { DocumentKind } from './document-kinds';

export { DOCUMENT_KINDS, type DocumentKind } from './document-kinds';

/** A filled form, pinned to the form version it was started on. */
@Entity({ name: 'documents' })
export class ProjectDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'form_key', type: 'text' })
  formKey: string;

  @Column({ name: 'form_version_id', type: 'uuid' })
  formVersionId: string;

  /** The proforma edition it is prepared on ('2005', '2024', '2017' …; migration 0014). */
  @Column({ type: 'text' })
  edition: string;

  @Column({ type: 'text' })
  kind: DocumentKind;

  /** Revision number of a revised PC-I (1, 2 …); 0 otherwise. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  /** '2025-26' for PC-III(A) and PC-V, '2025-09' for PC-III(B). */
  @Column({ type: 'text', nullable: true })
  period: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  state: string;

  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ type: 'boolean', default: false })
  valid: boolean;

  @Column({ name: 'error_count', type: 'integer', default: 0 })
  errorCount: number;

  @Column({ name: 'total_cost', type: 'numeric', nullable: true })
  totalCost: string | null;

  @Column({ type: 'text', nullable: true })
  forum: string | null;

  @Column({ name: 'forum_rule_id', type: 'uuid', nullable: true })
  forumRuleId: string | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'text', nullable: true })
  sector: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  districts: string[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
