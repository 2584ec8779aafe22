import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function describe(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return own.concat(describe(error.children ?? [], field));
  });
}

/** The global pipe: unknown fields are rejected, and every 400 names the fields at fault. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = describe(errors);
      return new BadRequestException({
        statusCode: 400,
        code: 'VALIDATION',
        message: fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join('. '),
        fields,
      });
    },
  });
}
