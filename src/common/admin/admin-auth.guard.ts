import { CanActivate, ExecutionContext, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Request } from 'express';
import { AppConfig } from 'src/config/app-config';
import { AdminTokens } from './admin-tokens';

export interface AdminRequest extends Request {
  operator?: string;
}

/** Bearer auth for the REST API, served only on ADMIN_PORT when that differs from PORT. */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: AdminTokens,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const { port, adminPort } = this.config.http;
    if (port !== adminPort && request.socket.localPort !== adminPort) throw new NotFoundException();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (\S+)$/.exec(header);
    const operator = match ? this.tokens.operatorFor(match[1]) : undefined;
    if (!operator) throw new UnauthorizedException({ statusCode: 401, message: 'A valid bearer token is required' });
    request.operator = operator;
    return true;
  }
}
