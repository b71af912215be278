import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '../../common/paging';
import { IsPlainText, OptionalTimestampFilter } from '../../common/validation';

const PLATFORM_AUDIT_DEFAULT_PAGE_SIZE = 50;
const PLATFORM_AUDIT_MAX_PAGE_SIZE = 200;

export class PlatformAuditQuery extends PageQuery({
  defaultSize: PLATFORM_AUDIT_DEFAULT_PAGE_SIZE,
  maxSize: PLATFORM_AUDIT_MAX_PAGE_SIZE,
}) {
  @ApiPropertyOptional({
    example: 'tenant.suspended',
    description: 'An action name; ending with a dot (e.g. "tenant.") it matches every action of that family',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.-]{0,63}$/, { message: 'action must be an action name such as tenant.suspended or tenant.' })
  action?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only actions by this operator' })
  @IsOptional()
  @IsUUID(undefined, { message: 'operatorId must be an operator id (UUID)' })
  operatorId?: string;

  @ApiPropertyOptional({ example: 'gb', description: 'Only actions about this target (exact): a slug, email, run' })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'target must be 1-200 characters' })
  @IsPlainText()
  target?: string;

  @OptionalTimestampFilter('from', '2026-01-01T00:00:00Z')
  from?: Date;

  @OptionalTimestampFilter('to', '2026-12-31T23:59:59Z')
  to?: Date;
}

export class PlatformAuditItemResponse {
  @ApiProperty({ example: '42' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: failed sign-in or command line' })
  operatorId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'For a failed sign-in, the email that was tried' })
  operatorEmail: string | null;
  @ApiProperty({ example: 'tenant.suspended' }) action: string;
  @ApiProperty({ type: String, nullable: true, example: 'gb' }) target: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { reason: 'Requested by P&D' } })
  details: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, example: '10.0.0.7' }) clientIp: string | null;
}

export class PlatformAuditPageResponse {
  @ApiProperty({ type: [PlatformAuditItemResponse] }) items: PlatformAuditItemResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
