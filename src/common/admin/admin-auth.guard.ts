import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { AdminScope, AppConfig } from 'src/config/app-config';
import { admitToAdminPort } from './admin-request';
import { AdminTokens } from './admin-tokens';
import { AuthFailures } from './auth-failures';

export interface AdminRequest extends Request {
  operator?: string;
}

/** The scope a REST handler needs when it needs more than its method implies (GET: read; others: operate). */
export const RequiresScope = Reflector.createDecorator<AdminScope>();

/**
 * Bearer auth for the REST API, served only on ADMIN_PORT when that differs from PORT. The
 * scheme is case-insensitive; a token must hold the handler's scope; an address that fails
 * too often is refused for the rest of the minute.
 */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: AdminTokens,
    private readonly config: AppConfig,
    private readonly reflector: Reflector,
    private readonly failures: AuthFailures,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const { address, token } = admitToAdminPort(context, this.config, this.failures);
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const operator = token === undefined ? undefined : this.tokens.operatorFor(token);
    if (!operator) {
      this.failures.fail(address);
      throw new UnauthorizedException({ statusCode: 401, message: 'A valid bearer token is required' });
    }
    const needed = this.reflector.get(RequiresScope, context.getHandler()) ?? (['GET', 'HEAD'].includes(request.method) ? 'read' : 'operate');
    if (!operator.scopes.includes(needed)) {
      throw new ForbiddenException({ statusCode: 403, message: `This token lacks the "${needed}" scope` });
    }
    request.operator = operator.name;
    return true;
  }
}
