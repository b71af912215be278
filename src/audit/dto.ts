import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '../common/paging';
import { IsPlainText, OptionalTimestampFilter } from '../common/validation';

export const AUDIT_MAX_PAGE_SIZE = 200;
const AUDIT_DEFAULT_PAGE_SIZE = 50;
/**
 * The most rows one CSV export holds: the file is built in memory, and a spreadsheet program
 * opens it comfortably. A longer period is exported in parts (narrow `from`/`to`).
 */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern's constructor type
type Constructor = new (...args: any[]) => object;

/** Who, what, when and on what: the filters the list and the export share (added to a base class). */
function AuditFilters<TBase extends Constructor>(Base: TBase) {
  class Filters extends Base {
    @ApiPropertyOptional({ example: 'auth.login.failed' })
    @IsOptional()
    @Matches(/^[a-z][a-z0-9_.-]{1,63}$/, { message: 'action must be an action name such as auth.login.failed' })
    action?: string;

    @ApiPropertyOptional({ description: 'Only entries by this user' })
    @IsOptional()
    @IsUUID(undefined, { message: 'actorId must be a user id (UUID)' })
    actorId?: string;

    @ApiPropertyOptional({ example: 'user', description: 'Only entries about this kind of target' })
    @IsOptional()
    @Matches(/^[a-z][a-z0-9_.-]{0,63}$/, { message: 'targetType must be a kind of target such as user or department' })
    targetType?: string;

    @ApiPropertyOptional({ example: 'districts/gilgit', description: 'Only entries about this target (exact)' })
    @IsOptional()
    @IsString()
    @Length(1, 200, { message: 'targetId must be 1-200 characters' })
    @IsPlainText()
    targetId?: string;

    @OptionalTimestampFilter('from', '2026-01-01T00:00:00Z')
    from?: Date;

    @OptionalTimestampFilter('to', '2026-12-31T23:59:59Z')
    to?: Date;
  }
  return Filters;
}

const AuditPageQuery = PageQuery({ defaultSize: AUDIT_DEFAULT_PAGE_SIZE, maxSize: AUDIT_MAX_PAGE_SIZE });

export class AuditQuery extends AuditFilters(AuditPageQuery) {}

/** GET /api/audit/export: the list's filters, no paging (at most AUDIT_EXPORT_MAX_ROWS rows). */
export class AuditExportQuery extends AuditFilters(class {}) {}
