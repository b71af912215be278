import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ProvisioningRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export const PROVISIONING_STEPS = ['create-schema', 'migrate', 'seed-admin', 'install-defaults', 'activate'] as const;
export type ProvisioningStepName = (typeof PROVISIONING_STEPS)[number];

export interface ProvisioningStep {
  name: ProvisioningStepName;
  status: 'pending' | 'running' | 'done' | 'failed' | 'rolled-back';
  startedAt?: string;
  finishedAt?: string;
  detail?: string;
}

/** One attempt at provisioning a province, with its step-by-step progress. */
@Entity({ schema: 'platform', name: 'provisioning_runs' })
export class ProvisioningRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  status: ProvisioningRunStatus;

  @Column({ type: 'jsonb', default: [] })
  steps: ProvisioningStep[];

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'admin_email', type: 'text' })
  adminEmail: string;

  /** The first admin's name as given (null: the default name). */
  @Column({ name: 'admin_name', type: 'text', nullable: true })
  adminName: string | null;

  @Column({ name: 'admin_password_hash', type: 'text', nullable: true, select: false })
  adminPasswordHash: string | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
