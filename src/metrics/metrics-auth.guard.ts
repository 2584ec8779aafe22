import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AdminTokens } from 'src/common/admin/admin-tokens';
import { AuthFailures } from 'src/common/admin/auth-failures';
import { AppConfig } from 'src/config/app-config';

/** /metrics: on the admin port only, for METRICS_TOKEN or any REST token with the `read` scope. */
@Injectable()
export class MetricsAuthGuard implements CanActivate {
  private readonly metricsToken: Buffer | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly tokens: AdminTokens,
    private readonly failures: AuthFailures,
  ) {
    this.metricsToken = config.metrics.token === undefined ? undefined : Buffer.from(config.metrics.token);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const { port, adminPort } = this.config.http;
    if (port !== adminPort && request.socket.localPort !== adminPort) throw new NotFoundException();
    const address = request.socket.remoteAddress ?? 'unknown';
    const wait = this.failures.retryAfter(address);
    if (wait > 0) {
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(wait));
      throw new HttpException({ statusCode: 429, message: 'Too many failed authentications from this address; try again later' }, HttpStatus.TOO_MANY_REQUESTS);
    }
    const presented = /^bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (presented !== undefined && (this.isMetricsToken(presented) || this.tokens.operatorFor(presented)?.scopes.includes('read'))) return true;
    this.failures.fail(address);
    throw new UnauthorizedException({ statusCode: 401, message: 'A bearer token is required: METRICS_TOKEN or a REST token' });
  }

  private isMetricsToken(presented: string): boolean {
    const candidate = Buffer.from(presented);
    return this.metricsToken !== undefined && candidate.length === this.metricsToken.length && timingSafeEqual(candidate, this.metricsToken);
  }
}
