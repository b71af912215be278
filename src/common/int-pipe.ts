import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';

/** The largest value of a Postgres `integer` (int4) column: revisions, versions, sort orders. */
export const INT4_MAX = 2_147_483_647;

/**
 * A whole number in a query or path parameter, within [min, max]: Nest's ParseIntPipe lets
 * 99999999999 through to an int4 column (a 500) and its 400 does not say which parameter.
 * Used as an instance (`new ParseIntInRangePipe()`), not injected.
 */
export class ParseIntInRangePipe implements PipeTransform<unknown, number> {
  constructor(
    private readonly min = 1,
    private readonly max = INT4_MAX,
  ) {}

  transform(value: unknown, metadata: ArgumentMetadata): number {
    const name = metadata.data ?? 'value';
    // The global ValidationPipe (transform: true) may already have turned a `number` parameter into one.
    const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
    const number = /^-?\d{1,16}$/.test(text) ? Number(text) : NaN;
    if (Number.isSafeInteger(number) && number >= this.min && number <= this.max) return number;
    const message = `${name} must be a whole number from ${this.min} to ${this.max}`;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: [message],
      fields: { [name]: [message] },
    });
  }
}
