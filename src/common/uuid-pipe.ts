import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';

/**
 * An id in a path or query parameter: a UUID (version 4, as every table's `gen_random_uuid()` makes).
 * Nest's ParseUUIDPipe answers "Validation failed (uuid v 4 is expected)" without saying which
 * parameter; this one names it like every other 400. Used as an instance, not injected.
 */
export class ParseUuidPipe implements PipeTransform<unknown, string> {
  /** @param what what the id points at, article included ("an operator id"); plain "a UUID" without it. */
  constructor(private readonly what?: string) {}

  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value, '4')) return value;
    const name = metadata.data ?? 'id';
    const message = this.what ? `${name} must be ${this.what} (a UUID)` : `${name} must be a UUID`;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: [message],
      fields: { [name]: ['must be a UUID'] },
    });
  }
}
