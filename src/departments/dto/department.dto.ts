import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsOptionalNotNull, IsPlainText } from '../../common/validation';

export class CreateDepartmentRequest {
  @ApiProperty({ example: 'CW', description: 'Short code: capitals, digits, _ or -, up to 32' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, { message: 'code must be 1-32 capitals, digits, _ or -' })
  code: string;

  @ApiProperty({ example: 'Communication & Works' })
  @IsString()
  @Length(1, 200)
  @IsPlainText()
  name: string;

  @ApiPropertyOptional({ example: 'مواصلات و تعمیرات' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsPlainText()
  nameUr?: string;
}

/** The names change, and a department is deactivated or reactivated; the code is its identity. */
export class UpdateDepartmentRequest extends PartialType(PickType(CreateDepartmentRequest, ['nameUr'] as const)) {
  // Not through PartialType: its @IsOptional would let null through to the NOT NULL column.
  @ApiPropertyOptional({ example: 'Communication & Works' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  @IsPlainText()
  name?: string;

  @ApiPropertyOptional({ description: 'false deactivates: kept where named, not offered for new versions or users' })
  @IsOptionalNotNull()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class DepartmentsQuery {
  @ApiPropertyOptional({ description: 'Deactivated departments too (default: active only)', type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'includeInactive must be true or false' })
  includeInactive?: boolean;
}
