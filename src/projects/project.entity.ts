import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ProjectStatus = 'preparation' | 'approved' | 'rejected' | 'completed';

/** A development project of one province; its documents (PC-II … PC-V) hang off it. */
@Entity({ name: 'projects' })
export class Project {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'text', nullable: true })
  sector: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  districts: string[];

  @Column({ name: 'adp_number', type: 'text', nullable: true })
  adpNumber: string | null;

  @Column({ type: 'text', default: 'preparation' })
  status: ProjectStatus;

  /** Rs million, from the approved PC-I's calculated total (a decimal string). */
  @Column({ name: 'approved_cost', type: 'numeric', nullable: true })
  approvedCost: string | null;

  /**
   * What a revision's cost increase is measured against: the cost last approved by a forum on
   * its own authority (a revision approved under a "within 15 %" rule leaves it unchanged).
   */
  @Column({ name: 'baseline_cost', type: 'numeric', nullable: true })
  baselineCost: string | null;

  @Column({ name: 'approved_at', type: 'date', nullable: true })
  approvedAt: string | null;

  @Column({ name: 'approved_forum', type: 'text', nullable: true })
  approvedForum: string | null;

  /**
   * The PC-I or revised PC-I its approval records last approved (migration 0015); its sector and districts are the
   * project's.
   */
  @Column({ name: 'approved_document_id', type: 'uuid', nullable: true })
  approvedDocumentId: string | null;

  @Column({ name: 'completed_at', type: 'date', nullable: true })
  completedAt: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
