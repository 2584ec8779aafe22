import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AdminRequest } from './admin-auth.guard';

/** The name of the operator whose token authenticated the request. */
export const Operator = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<AdminRequest>().operator ?? 'unknown';
});
