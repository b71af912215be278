import { applyDecorators, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsOptional,
  MaxDate,
  MinDate,
  registerDecorator,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';

/** Flattens nested class-validator errors into `{ "a.b": ["…"] }`. */
function collect(errors: ValidationError[], parent = '', out: Record<string, string[]> = {}): Record<string, string[]> {
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) out[path] = Object.values(error.constraints);
    if (error.children?.length) collect(error.children, path, out);
  }
  return out;
}

/**
 * Request bodies are validated against their DTO: unknown fields are refused, not silently
 * dropped, and the 400 names every offending field so a form can show it next to the input.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = collect(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: Object.values(fields).flat(),
        fields,
      });
    },
  });
}

/** Printable text without control characters or angle brackets (names shown in HTML and PDFs). */
export function IsPlainText(options?: ValidationOptions) {
  return function (target: object, propertyName: string) {
    registerDecorator({
      name: 'isPlainText',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be plain text without control characters or < >`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && !/[\u0000-\u001f\u007f<>]/.test(value) && value.trim() === value,
      },
    });
  };
}

/**
 * The property may be left out, but when it is present (null included) it is validated: unlike
 * @IsOptional(), which lets null through to the code behind.
 */
export function IsOptionalNotNull() {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

const EARLIEST_TIMESTAMP = new Date('1900-01-01T00:00:00Z');
const LATEST_TIMESTAMP = new Date('9999-12-31T23:59:59.999Z');

/**
 * A date-time filter within years 1900-9999. JavaScript reads "-100000-01-01" as a date, which
 * Postgres refuses as out of range (a 500): such a value is a named 400 instead.
 */
export function IsTimestampInRange(): PropertyDecorator {
  return function (target: object, key: string | symbol) {
    const propertyName = String(key);
    const message = `${propertyName} must be a date-time between the years 1900 and 9999`;
    MinDate(EARLIEST_TIMESTAMP, { message })(target, propertyName);
    MaxDate(LATEST_TIMESTAMP, { message })(target, propertyName);
  };
}

/** An optional from/to filter of a log: an ISO date-time Postgres can hold, named in its 400. */
export function OptionalTimestampFilter(name: 'from' | 'to', example: string) {
  return applyDecorators(
    ApiPropertyOptional({ example }),
    IsOptional(),
    Type(() => Date),
    IsDate({ message: `${name} must be an ISO date-time` }),
    IsTimestampInRange(),
  );
}
