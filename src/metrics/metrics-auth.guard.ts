import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { admitToAdminPort } from 'src/common/admin/admin-request';
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
    const { address, token: presented } = admitToAdminPort(context, this.config, this.failures);
    if (presented !== undefined && (this.isMetricsToken(presented) || this.tokens.operatorFor(presented)?.scopes.includes('read'))) return true;
    this.failures.fail(address);
    throw new UnauthorizedException({ statusCode: 401, message: 'A bearer token is required: METRICS_TOKEN or a REST token' });
  }

  private isMetricsToken(presented: string): boolean {
    const candidate = Buffer.from(presented);
    return this.metricsToken !== undefined && candidate.length === this.metricsToken.length && timingSafeEqual(candidate, this.metricsToken);
  }
}
