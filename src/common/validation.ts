import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';

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
        validate: (value: unknown) => typeof value === 'string' && !/[\u0000-\u001f\u007f<>]/.test(value) && value.trim() === value,
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
