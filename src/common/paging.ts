import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * The last page any list serves: past it the OFFSET only makes Postgres walk rows nobody reads
 * (and a page near 2^53 would overflow it into a 500). Narrow the list with filters instead.
 */
export const MAX_PAGE = 10_000;

export interface PageSizes {
  /** Rows when the query names no pageSize. */
  defaultSize: number;
  /** The largest pageSize a caller may ask for. */
  maxSize: number;
}

export interface Paged {
  page: number;
  pageSize: number;
}

/**
 * The `page` and `pageSize` of a list query, bounded before they reach LIMIT/OFFSET; each list
 * extends it with its own sizes: `class AuditQuery extends PageQuery({ defaultSize: 50, maxSize: 200 })`.
 */
export function PageQuery({ defaultSize, maxSize }: PageSizes) {
  class PageQueryBase implements Paged {
    @ApiPropertyOptional({ default: 1, minimum: 1, maximum: MAX_PAGE })
    @IsOptional()
    @Type(() => Number)
    @IsInt({ message: 'page must be a whole number' })
    @Min(1, { message: 'page must be at least 1' })
    @Max(MAX_PAGE, { message: `page must be at most ${MAX_PAGE}` })
    page: number = 1;

    @ApiPropertyOptional({ default: defaultSize, minimum: 1, maximum: maxSize })
    @IsOptional()
    @Type(() => Number)
    @IsInt({ message: 'pageSize must be a whole number' })
    @Min(1, { message: 'pageSize must be at least 1' })
    @Max(maxSize, { message: `pageSize must be at most ${maxSize}` })
    pageSize: number = defaultSize;
  }
  return PageQueryBase;
}

/** Rows to skip before the page: the OFFSET that goes with LIMIT pageSize. */
export function offsetOf({ page, pageSize }: Paged): number {
  return (page - 1) * pageSize;
}
