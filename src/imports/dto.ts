import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional } from 'class-validator';
import { PageQuery } from '../common/paging';
import { MAX_IMPORT_ROWS } from './portfolio-file';
import { PORTFOLIO_COLUMNS } from './portfolio-template';

const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class PortfolioImportQuery {
  @ApiPropertyOptional({
    description: 'true: check and report exactly as an import would, then write nothing',
    default: false,
  })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

export class PortfolioImportRequest {
  @ApiProperty({
    description:
      "One object per row (one decision of one project document), with the template's columns as properties: " +
      PORTFOLIO_COLUMNS.map((c) => `${c.key}${c.required ? ' (required)' : ''}`).join(', ') +
      '. Values are strings (amounts as decimal strings in Rs million, ' +
      'dates YYYY-MM-DD). A row is reported by its position, from 1.',
    example: [Object.fromEntries(PORTFOLIO_COLUMNS.map((c) => [c.key, c.example]))],
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'rows must hold at least one row' })
  @ArrayMaxSize(MAX_IMPORT_ROWS, { message: `rows: at most ${MAX_IMPORT_ROWS} rows per import` })
  @IsObject({ each: true, message: 'rows must be objects, one per row' })
  rows: Record<string, unknown>[];
}

export const TEMPLATE_FORMATS = ['xlsx', 'csv'] as const;

export class TemplateQuery {
  @ApiPropertyOptional({ enum: TEMPLATE_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(TEMPLATE_FORMATS, { message: 'format must be xlsx or csv' })
  format?: (typeof TEMPLATE_FORMATS)[number];
}

export class ImportRunsQuery extends PageQuery({ defaultSize: 20, maxSize: 100 }) {}
