import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request } from 'express';
import { fieldError } from './validation.pipe';

const SHAPE = /^[A-Za-z0-9_.:-]{1,100}$/;

/** An `Idempotency-Key` header and what it was sent with: the method, the route and its target id. */
export interface IdempotencyKeyUse {
  key: string;
  method: string;
  /** The route's pattern, e.g. `/api/v1/transactions/:id/refund`. */
  route: string;
  /** The `:id` the route acts on. */
  target: string;
}

/** The optional `Idempotency-Key` header (1–100 of `A-Za-z0-9_.:-`), with the request it came on. */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): IdempotencyKeyUse | undefined => {
  const request = context.switchToHttp().getRequest<Request>();
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !SHAPE.test(value)) {
    throw fieldError('Idempotency-Key', 'must be 1-100 characters of A-Z a-z 0-9 _ . : -');
  }
  const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
  return { key: value, method: request.method, route, target: String(request.params.id ?? '') };
});
