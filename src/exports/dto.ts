import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { Locale, LOCALES } from '../forms/definition';
import { ListProjectsQuery } from '../projects/dto';
import { EXPORT_FORMATS, ExportFormat } from './tabular-writer';

const FORMAT_MESSAGE = `format must be one of ${EXPORT_FORMATS.join(', ')}`;
const LOCALE_MESSAGE = `locale must be one of ${LOCALES.join(', ')}`;

/** The project list's own filters and sort (paging is ignored: the export holds every match, up to the cap). */
export class ExportProjectsQuery extends ListProjectsQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: FORMAT_MESSAGE })
  format?: ExportFormat;

  @ApiPropertyOptional({
    enum: LOCALES,
    description: 'Headers and sheet direction; default: Accept-Language, then your own setting',
  })
  @IsOptional()
  @IsIn(LOCALES, { message: LOCALE_MESSAGE })
  locale?: Locale;
}

export class ExportDocumentQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: FORMAT_MESSAGE })
  format?: ExportFormat;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES, { message: LOCALE_MESSAGE })
  locale?: Locale;

  @ApiPropertyOptional({
    example: '/costEstimates/capitalCost',
    description:
      'One table, by JSON pointer or by its field name (required for CSV when ' +
      'the form has several tables); default: every table, one sheet each',
  })
  @IsOptional()
  @Matches(/^\/?[A-Za-z][A-Za-z0-9]{0,79}(\/[A-Za-z][A-Za-z0-9]{0,79})?$/, {
    message: 'table must be a table pointer (/section/field) or a table field name',
  })
  table?: string;
}
