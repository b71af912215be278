import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsPlainText } from '../../common/validation';
import { VersionRef } from '../forms.service';

export class PublishFormRequest {
  @ApiPropertyOptional({ example: 'GB districts; GB Council approval reference added' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @IsPlainText()
  notes?: string;
}

export class UpgradeFormRequest {
  @ApiPropertyOptional({ description: 'Base version to move to (default: the newest shipped)', example: '1.1.0' })
  @IsOptional()
  @Matches(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/, { message: 'to must be a version such as 1.1.0' })
  to?: string;

  @ApiPropertyOptional({ description: 'Drop the operations that no longer apply instead of refusing' })
  @IsOptional()
  @IsBoolean()
  dropConflicting?: boolean;
}

export class ChooseEditionRequest {
  @ApiProperty({
    description: 'The edition (catalogue form) new projects of this proforma start on',
    example: 'pc1-infrastructure-2005',
  })
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'formKey must be a form key such as pc1-infrastructure-2005' })
  @Length(1, 60)
  formKey: string;
}

/** "current" or a version number (1, 2, …). */
export class ParseVersionRefPipe implements PipeTransform<unknown, VersionRef> {
  transform(value: unknown, metadata?: ArgumentMetadata): VersionRef {
    const name = metadata?.data ?? 'version';
    if (value === 'current') return 'current';
    if (typeof value === 'string' && /^[1-9][0-9]{0,8}$/.test(value)) return Number(value);
    // A missing or repeated query parameter arrives as undefined or an array.
    const given = typeof value === 'string' ? `, not "${value.slice(0, 40)}"` : value === undefined ? ' (missing)' : '';
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: [`${name} must be "current" or a version number${given}`],
      fields: { [name]: [`${name} must be "current" or a version number`] },
    });
  }
}

/** A form key as in the catalogue ("pc1-infrastructure"). */
export class ParseFormKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) && value.length <= 60) return value;
    throw new BadRequestException({
      message: [`"${value.slice(0, 60)}" is not a form key such as pc1-infrastructure`],
    });
  }
}

/** If-Match: "3" → 3 (the overlay revision the client edited), for optimistic concurrency. */
export function revisionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new BadRequestException({ message: ['If-Match must be the overlay revision, e.g. "3"'] });
  return Number(match[1]);
}
