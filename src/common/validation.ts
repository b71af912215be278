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

/**
 * What a name or label may not contain: C0 and C1 control characters and DEL; bidi embeddings,
 * overrides and isolates (U+202A-202E, U+2066-2069: they reorder what a reader sees, so a name can
 * pose as another); invisible zero-width characters (U+200B ZWSP, U+200D ZWJ, U+2060, U+FEFF) and
 * line/paragraph separators; and < > (names are shown in HTML and PDFs). U+200C ZWNJ stays allowed:
 * Urdu spelling needs it to keep a letter from joining the next.
 */
export const NOT_PLAIN_TEXT =
  /[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff<>]|\u200d/;

/**
 * The same refusal as a JSON Schema `pattern` (Ajv, unicode mode) for labels inside JSON documents
 * (form overlays, workflow configurations); `< >` stay allowed there, labels are rendered escaped.
 */
export const LABEL_TEXT_PATTERN =
  '^[^\\u0000-\\u001f\\u007f-\\u009f\\u200b\\u200d\\u2028\\u2029\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff]*$';

/** Whether a value is plain text for a name or label: see NOT_PLAIN_TEXT, and no surrounding spaces. */
export function isPlainText(value: unknown): boolean {
  return typeof value === 'string' && !NOT_PLAIN_TEXT.test(value) && value.trim() === value;
}

/** Plain text for names, titles and labels (see NOT_PLAIN_TEXT). */
export function IsPlainText(options?: ValidationOptions) {
  return function (target: object, propertyName: string) {
    registerDecorator({
      name: 'isPlainText',
      target: target.constructor,
      propertyName,
      options: {
        message:
          `${propertyName} must be plain text without control, bidi-override or zero-width characters, ` +
          '< or >, or surrounding spaces',
        ...options,
      },
      validator: { validate: isPlainText },
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
