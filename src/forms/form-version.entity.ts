import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CompiledForm } from './compile';
import { Overlay } from './overlay';

/** A published form version of one province: immutable (enforced by a trigger). */
@Entity({ name: 'form_versions' })
export class FormVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'form_key', type: 'text' })
  formKey: string;

  /** 1, 2, 3 … per form in this province. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ name: 'base_version', type: 'text' })
  baseVersion: string;

  @Column({ type: 'jsonb' })
  overlay: Overlay;

  @Column({ type: 'jsonb' })
  compiled: CompiledForm;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ name: 'publisher_type', type: 'text' })
  publisherType: 'user' | 'operator' | 'system';

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;

  @Column({ type: 'text', nullable: true })
  notes: string | null;
}

/** The province's working overlay on one base form (what the next publish compiles). */
@Entity({ name: 'form_overlays' })
export class FormOverlay {
  @Column({ name: 'form_key', type: 'text', primary: true })
  formKey: string;

  @Column({ name: 'base_version', type: 'text' })
  baseVersion: string;

  @Column({ type: 'jsonb' })
  operations: Overlay['operations'];

  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
