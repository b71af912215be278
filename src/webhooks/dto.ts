import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../common/paging';
import { IsOptionalNotNull, IsPlainText } from '../common/validation';
import { WEBHOOK_EVENT_TYPES } from '../events/province-event';
import { URL_MAX_LENGTH } from './address-policy';

export const DELIVERIES_MAX_PAGE_SIZE = 200;
const DELIVERIES_DEFAULT_PAGE_SIZE = 50;
const DESCRIPTION_MAX = 500;

export class CreateWebhookRequest {
  @ApiProperty({
    example: 'https://hooks.example.gov.pk/daftar',
    description:
      'https (http only when WEBHOOK_ALLOW_HTTP); never a private or loopback ' +
      'address unless WEBHOOK_ALLOWED_HOSTS lists it',
  })
  @IsString()
  @MaxLength(URL_MAX_LENGTH)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['document.approved', 'obligation.overdue'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: `events must be some of: ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  events: string[];

  @ApiPropertyOptional({ example: 'P&D dashboard' })
  @IsOptional()
  @IsString()
  @Length(1, DESCRIPTION_MAX)
  @IsPlainText()
  description?: string | null;
}

export class UpdateWebhookRequest {
  @ApiPropertyOptional({ example: 'https://hooks.example.gov.pk/daftar' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(URL_MAX_LENGTH)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: `events must be some of: ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  events?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, DESCRIPTION_MAX)
  @IsPlainText()
  description?: string | null;

  @ApiPropertyOptional({
    description: 'false pauses deliveries; true turns a disabled subscription back on and clears its failure count',
  })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class DeliveriesQuery extends PageQuery({
  defaultSize: DELIVERIES_DEFAULT_PAGE_SIZE,
  maxSize: DELIVERIES_MAX_PAGE_SIZE,
}) {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed'], { message: 'status must be pending, delivered or failed' })
  status?: 'pending' | 'delivered' | 'failed';
}
