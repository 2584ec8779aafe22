import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode } from 'src/common/errors/error-code';
import { inspectBody } from './body-inspection';

function describe(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return own.concat(describe(error.children ?? [], field));
  });
}

/** A 400 in the validation pipe's shape, for a rule no DTO can state (one that depends on configuration). */
export function fieldError(field: string, problem: string): BadRequestException {
  return badRequest([{ field, problems: [problem] }]);
}

function badRequest(fields: { field: string; problems: string[] }[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    code: ErrorCode.ValidationFailed,
    message: fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join('. '),
    fields,
  });
}

/** Refuses what class-transformer cannot safely walk (see inspectBody) before it walks it. */
class InspectingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what a request carries: global pipes also see the bot handlers' Telegraf context,
    // whose HTTP agent holds cycles.
    const found = metadata.type === 'custom' ? undefined : inspectBody(value);
    if (found) throw badRequest([{ field: found.field || (metadata.data ?? metadata.type), problems: [found.problem] }]);
    return super.transform(value, metadata);
  }
}

/** The global pipe: unknown fields are rejected, and every 400 names the fields at fault. */
export function createValidationPipe(): ValidationPipe {
  return new InspectingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => badRequest(describe(errors)),
  });
}
