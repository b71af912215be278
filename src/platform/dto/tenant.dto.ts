import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
  registerDecorator,
} from 'class-validator';
import { IsPlainText } from '../../common/validation';
import { slugProblem, SLUG_RULE } from '../../tenancy/slug';

function IsSlug() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isSlug',
      target: target.constructor,
      propertyName,
      options: { message: (args) => slugProblem(args.value) ?? SLUG_RULE },
      validator: { validate: (value: unknown) => slugProblem(value) === null },
    });
}

const DOMAIN_PATTERN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const DOMAIN_RULE = 'each domain must be a lower-case host name such as daftar.pnd.gov.pk';

export class CreateTenantRequest {
  @ApiProperty({ example: 'gb', description: SLUG_RULE })
  @IsSlug()
  slug: string;

  @ApiProperty({ example: 'Gilgit-Baltistan' })
  @IsString()
  @Length(2, 200)
  @IsPlainText()
  name: string;

  @ApiPropertyOptional({
    example: 'گلگت بلتستان',
    description:
      "The province's name in Urdu, for Urdu screens, PDFs and emails (the English name stands in without it)",
  })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  @IsPlainText()
  nameUr?: string;

  @ApiProperty({ example: 'admin@gb.gov.pk', description: "The province's first administrator" })
  @IsEmail({}, { message: 'adminEmail must be an email address' })
  @MaxLength(254)
  adminEmail: string;

  @ApiProperty({ minLength: 12, description: 'Initial password of the first administrator' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  adminPassword: string;

  @ApiPropertyOptional({ example: 'Planning Officer (Admin)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsPlainText()
  adminName?: string;

  @ApiPropertyOptional({ example: ['en', 'ur'], description: 'Locales offered, the first is the default' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(['en', 'ur'], { each: true })
  locales?: string[];

  @ApiPropertyOptional({ example: ['daftar.pnd.gilgitbaltistan.gov.pk'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(DOMAIN_PATTERN, { each: true, message: DOMAIN_RULE })
  domains?: string[];
}

export class SetDomainsRequest {
  @ApiProperty({ example: ['daftar.pnd.gilgitbaltistan.gov.pk'] })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(DOMAIN_PATTERN, { each: true, message: DOMAIN_RULE })
  domains: string[];
}

export class StatusChangeRequest {
  @ApiPropertyOptional({
    example: "Requested by the province's P&D department",
    description: 'Why (kept with the province)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @IsPlainText()
  reason?: string;
}

export class RestoreAdminRequest {
  @ApiProperty({ example: 'admin@gb.gov.pk' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ example: 'Province administrator' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsPlainText()
  name?: string;
}
