import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TenantDomain } from './tenant-domain.entity';

export type TenantStatus = 'provisioning' | 'active' | 'suspended' | 'failed';

export interface TenantSettings {
  /** Locales offered to the province's users, the first being the default. */
  locales?: string[];
  branding?: { title?: string; titleUr?: string; primaryColor?: string; logoUrl?: string };
}

/** A province in the platform registry (`platform.tenants`). */
@Entity({ schema: 'platform', name: 'tenants' })
export class Tenant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'schema_name', type: 'text', unique: true })
  schemaName: string;

  @Column({ type: 'text' })
  status: TenantStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ type: 'jsonb', default: {} })
  settings: TenantSettings;

  /** Requests per minute across all API processes; null: the deployment's default (src/rate-limit). */
  @Column({ name: 'rate_limit_per_minute', type: 'integer', nullable: true })
  rateLimitPerMinute: number | null;

  @Column({ name: 'schema_version', type: 'text', nullable: true })
  schemaVersion: string | null;

  /** The live province this training sandbox copies (its slug); null for a live province. */
  @Column({ name: 'sandbox_of', type: 'text', nullable: true })
  sandboxOf: string | null;

  /** When a training sandbox closes unless extended; null for a live province. */
  @Column({ name: 'sandbox_expires_at', type: 'timestamptz', nullable: true })
  sandboxExpiresAt: Date | null;

  @OneToMany(() => TenantDomain, (d) => d.tenant)
  domains?: TenantDomain[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
