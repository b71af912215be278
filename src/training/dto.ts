import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../users/password-policy';

export class ResetSandboxRequest {
  @ApiPropertyOptional({ default: true, description: 'Keep the trainees (false: remove them)' })
  @IsOptional()
  @IsBoolean({ message: 'keepTrainees must be true or false' })
  keepTrainees?: boolean;
}

export class AddTraineesRequest {
  @ApiProperty({ description: 'CSV with a header row: name,email,role,department (department: code or name)' })
  @IsString({ message: 'csv must be text' })
  @MinLength(1, { message: 'csv is required' })
  @MaxLength(200_000, { message: 'csv is at most 200,000 characters' })
  csv!: string;
}

/** An operator creates a province's sandbox with its first administrator (the trainer). */
export class OperatorCreateSandboxRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'adminEmail must be an email address' })
  adminEmail!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `adminPassword must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  adminPassword!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  adminName?: string;
}

export class SignInSheetQuery {
  @ApiPropertyOptional({ enum: ['en', 'ur'], description: 'Answer the sign-in sheet as a PDF in this language' })
  @IsOptional()
  @IsIn(['en', 'ur'], { message: 'sheet must be en or ur' })
  sheet?: 'en' | 'ur';
}
