import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export const AUDIT_MAX_PAGE_SIZE = 200;

export class AuditQuery {
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

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: AUDIT_MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_MAX_PAGE_SIZE)
  pageSize: number = 50;
}
