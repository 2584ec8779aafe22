import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request } from 'express';

const SHAPE = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The optional `Idempotency-Key` header, validated: 1–100 of `A-Za-z0-9_.:-`. */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<Request>().headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !SHAPE.test(value)) {
    throw new BadRequestException({
      statusCode: 400,
      code: 'VALIDATION',
      message: 'Idempotency-Key: must be 1-100 characters of A-Z a-z 0-9 _ . : -',
      fields: [{ field: 'Idempotency-Key', problems: ['must be 1-100 characters of A-Z a-z 0-9 _ . : -'] }],
    });
  }
  return value;
});
