import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsPlainText } from '../../common/validation';

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

/** Only the names change; the code is the department's identity. */
export class UpdateDepartmentRequest extends PartialType(PickType(CreateDepartmentRequest, ['name', 'nameUr'] as const)) {}
