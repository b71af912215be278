import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type UserStatus = 'invited' | 'active' | 'disabled';

/**
 * A province's user. Tenant table: no schema here, the tenant transaction's search_path picks
 * the province's schema, so this entity only ever works inside TenantDatabase.transaction().
 */
@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'text', nullable: true })
  designation: string | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', default: 'en' })
  locale: 'en' | 'ur';

  @Column({ type: 'text', array: true, default: [] })
  roles: string[];

  @Column({ type: 'text', default: 'active' })
  status: UserStatus;

  /**
   * Raised by every change that must end the user's access tokens at once (TokenVersions); read
   * only where a token is issued, in the same statement as the roles it carries.
   */
  @Column({ name: 'token_version', type: 'int', default: 0, select: false })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A user as the API shows it: never the password hash (even a null one) nor the token version. */
export type VisibleUser = Omit<User, 'passwordHash' | 'tokenVersion'>;

export function visibleUser(user: User): VisibleUser {
  const { passwordHash: _hidden, tokenVersion: _internal, ...visible } = user;
  return visible;
}
