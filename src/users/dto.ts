import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { ROLES } from '../tenancy/permissions';
import { PageQuery } from '../common/paging';
import { IsOptionalNotNull, IsPlainText } from '../common/validation';

export const USERS_MAX_PAGE_SIZE = 200;
const USERS_DEFAULT_PAGE_SIZE = 50;
const PHONE = /^\+?[0-9 -]{7,20}$/;

class UserFields {
  @ApiPropertyOptional({ example: 'Deputy Director (Planning)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsPlainText()
  designation?: string;

  @ApiPropertyOptional({ description: "One of the province's departments" })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ example: '+92 5811 920000' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be 7-20 digits, spaces or dashes, optionally starting with +' })
  phone?: string;

  @ApiPropertyOptional({ enum: ['en', 'ur'] })
  @IsOptionalNotNull()
  @IsIn(['en', 'ur'])
  locale?: 'en' | 'ur';

  @ApiPropertyOptional({ example: ['preparer'], enum: ROLES, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true, message: `roles must be among ${ROLES.join(', ')}` })
  roles?: string[];
}

export class CreateUserRequest extends UserFields {
  @ApiProperty({ example: 'officer@pnd.gilgitbaltistan.gov.pk' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Ayesha Khan' })
  @IsString()
  @Length(1, 200)
  @IsPlainText()
  name: string;
}

export class UpdateUserRequest extends UserFields {
  @ApiPropertyOptional({ example: 'Ayesha Khan' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  @IsPlainText()
  name?: string;
}

export class UsersQuery extends PageQuery({ defaultSize: USERS_DEFAULT_PAGE_SIZE, maxSize: USERS_MAX_PAGE_SIZE }) {
  @ApiPropertyOptional({ enum: ['invited', 'active', 'disabled'] })
  @IsOptional()
  @IsIn(['invited', 'active', 'disabled'], { message: 'status must be invited, active or disabled' })
  status?: string;

  @ApiPropertyOptional({ description: 'Part of the name or email (case-insensitive)', example: 'khan' })
  @IsOptional()
  @IsString()
  @Length(1, 100, { message: 'q must be 1-100 characters' })
  // Postgres refuses a NUL in text (a 500): control characters are named as a bad filter instead.
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'q must be text without control characters' })
  q?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'Only users holding this role' })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: string;

  @ApiPropertyOptional({ description: 'Only users of this department' })
  @IsOptional()
  @IsUUID(undefined, { message: 'departmentId must be a department id (UUID)' })
  departmentId?: string;
}

export class SetPasswordWithTokenRequest {
  @ApiProperty({ description: 'The token from the one-time link' })
  @IsString()
  @Length(20, 200)
  token: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(1, 200)
  newPassword: string;
}

/** PATCH /api/me: what a user changes about themselves. Either field may be left out; null is refused. */
export class UpdateMeRequest {
  @ApiPropertyOptional({ enum: ['en', 'ur'], description: 'Interface language' })
  @IsOptionalNotNull()
  @IsIn(['en', 'ur'], { message: 'locale must be en or ur' })
  locale?: 'en' | 'ur';

  @ApiPropertyOptional({ example: 'Ayesha Khan' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  @IsPlainText()
  name?: string;

  @ApiPropertyOptional({
    enum: ['immediate', 'digest'],
    description: 'Document and reminder mail at once, or in one message a day',
  })
  @IsOptionalNotNull()
  @IsIn(['immediate', 'digest'], { message: 'mailDelivery must be immediate or digest' })
  mailDelivery?: 'immediate' | 'digest';
}

/** GET /api/me: one's own account. */
export class MeResponse {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: ['tenant_admin'] }) roles: string[];
  @ApiProperty({ example: 'active' }) status: string;
  @ApiProperty({ example: 'gb' }) province: string;
  @ApiProperty({ enum: ['en', 'ur'], example: 'ur' }) locale: 'en' | 'ur';
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) departmentId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Communication & Works' }) departmentName: string | null;
  @ApiProperty({ enum: ['immediate', 'digest'], example: 'immediate' }) mailDelivery: 'immediate' | 'digest';
}
