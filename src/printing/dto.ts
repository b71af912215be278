import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LOCALES } from '../forms/definition';

const LOCALE_MESSAGE = `locale must be one of ${LOCALES.join(', ')}`;
const REVISION_MESSAGE = 'revision must be a revision number (1, 2, …)';
/** Largest revision number accepted in a request (as the save endpoint's). */
const MAX_REVISION = 1_000_000;

export class DocumentPdfRequest {
  @ApiPropertyOptional({ description: 'The revision to print (default: the latest)', example: 3 })
  @IsOptional()
  @IsInt({ message: REVISION_MESSAGE })
  @Min(1, { message: REVISION_MESSAGE })
  @Max(MAX_REVISION, { message: REVISION_MESSAGE })
  revision?: number;

  @ApiPropertyOptional({
    enum: LOCALES,
    description: 'Language of the PDF (default: Accept-Language, then your profile)',
  })
  @IsOptional()
  @IsIn(LOCALES, { message: LOCALE_MESSAGE })
  locale?: 'en' | 'ur';
}

/** The same, as query parameters of GET. */
export class DocumentPdfQuery {
  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: REVISION_MESSAGE })
  @Min(1, { message: REVISION_MESSAGE })
  @Max(MAX_REVISION, { message: REVISION_MESSAGE })
  revision?: number;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES, { message: LOCALE_MESSAGE })
  locale?: 'en' | 'ur';
}

export class BlankPdfRequest {
  @ApiPropertyOptional({
    enum: LOCALES,
    description: 'Language of the proforma (default: Accept-Language, then your profile)',
  })
  @IsOptional()
  @IsIn(LOCALES, { message: LOCALE_MESSAGE })
  locale?: 'en' | 'ur';
}
