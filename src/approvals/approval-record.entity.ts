import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApprovalOrigin, Decision, RoutingWarning } from './approval-record';

/** A forum's decision on a document, as recorded (migration 0015). Written and read through ApprovalsRepository. */
@Entity({ name: 'approval_records' })
export class ApprovalRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ name: 'document_kind', type: 'text' })
  documentKind: string;

  @Column({ type: 'text', nullable: true })
  forum: string | null;

  @Column({ name: 'forum_rule_id', type: 'uuid', nullable: true })
  forumRuleId: string | null;

  @Column({ name: 'meeting_number', type: 'text', nullable: true })
  meetingNumber: string | null;

  @Column({ name: 'meeting_date', type: 'date', nullable: true })
  meetingDate: string | null;

  @Column({ name: 'decision_date', type: 'date' })
  decisionDate: string;

  @Column({ type: 'text' })
  decision: Decision;

  /** Rs million: the document's own cost when decided. */
  @Column({ name: 'document_cost', type: 'numeric', nullable: true })
  documentCost: string | null;

  /** Rs million: what the forum approved (approvals only), beside the document's cost. */
  @Column({ name: 'approved_cost', type: 'numeric', nullable: true })
  approvedCost: string | null;

  /** A revised PC-I: the cost its increase was measured against. */
  @Column({ name: 'baseline_cost', type: 'numeric', nullable: true })
  baselineCost: string | null;

  @Column({ name: 'increase_pct', type: 'numeric', nullable: true })
  increasePct: string | null;

  @Column({ type: 'text', nullable: true })
  conditions: string | null;

  @Column({ name: 'minutes_reference', type: 'text', nullable: true })
  minutesReference: string | null;

  @Column({ name: 'letter_attachment_id', type: 'uuid', nullable: true })
  letterAttachmentId: string | null;

  @Column({ name: 'routing_warnings', type: 'jsonb', default: () => "'[]'" })
  routingWarnings: RoutingWarning[];

  @Column({ type: 'text' })
  origin: ApprovalOrigin;

  @Column({ name: 'import_key', type: 'text', nullable: true })
  importKey: string | null;

  @Column({ name: 'transition_id', type: 'bigint', nullable: true })
  transitionId: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
