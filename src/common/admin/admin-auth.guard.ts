import { CanActivate, ExecutionContext, ForbiddenException, HttpException, HttpStatus, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request, Response } from 'express';
import { AdminScope, AppConfig } from 'src/config/app-config';
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
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const { port, adminPort } = this.config.http;
    if (port !== adminPort && request.socket.localPort !== adminPort) throw new NotFoundException();
    const address = request.socket.remoteAddress ?? 'unknown';
    const wait = this.failures.retryAfter(address);
    if (wait > 0) {
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(wait));
      throw new HttpException({ statusCode: 429, message: 'Too many failed authentications from this address; try again later' }, HttpStatus.TOO_MANY_REQUESTS);
    }
    const match = /^bearer +(\S+)$/i.exec(request.headers.authorization ?? '');
    const operator = match ? this.tokens.operatorFor(match[1]) : undefined;
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
