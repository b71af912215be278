import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../common/paging';

export const AUDIT_MAX_PAGE_SIZE = 200;
const AUDIT_DEFAULT_PAGE_SIZE = 50;

export class AuditQuery extends PageQuery({ defaultSize: AUDIT_DEFAULT_PAGE_SIZE, maxSize: AUDIT_MAX_PAGE_SIZE }) {
  @ApiPropertyOptional({ example: 'auth.login.failed' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.-]{1,63}$/, { message: 'action must be an action name such as auth.login.failed' })
  action?: string;

  @ApiPropertyOptional({ description: 'Only entries by this user' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be an ISO date-time' })
  from?: Date;

  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be an ISO date-time' })
  to?: Date;
}
