import { Logger } from '@nestjs/common';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ADMIN_SCOPES, AdminScope, AdminToken, AppConfig } from 'src/config/app-config';

/** Who presented a known token, and what it may do. */
export interface Operator {
  name: string;
  scopes: readonly AdminScope[];
}

/**
 * The bearer tokens of the REST API. Configured through ADMIN_API_TOKENS; in local mode one
 * is generated and written to ./data/admin-token (never logged). Otherwise there are none and
 * every call is refused.
 */
export class AdminTokens {
  private constructor(private readonly tokens: { operator: Operator; secret: Buffer }[]) {}

  static fromConfig(config: AppConfig): AdminTokens {
    const configured = config.admin.tokens ?? (config.localMode ? [AdminTokens.localToken(config.admin.tokenFile)] : []);
    if (configured.length === 0) {
      new Logger('AdminApi').warn('ADMIN_API_TOKENS is not set: the REST API refuses every call');
    }
    return new AdminTokens(configured.map((t) => ({ operator: { name: t.name, scopes: t.scopes }, secret: Buffer.from(t.token) })));
  }

  /** The operator a presented token names, compared in constant time; undefined if unknown. */
  operatorFor(presented: string): Operator | undefined {
    const candidate = Buffer.from(presented);
    let match: Operator | undefined;
    for (const { operator, secret } of this.tokens) {
      const same = candidate.length === secret.length && timingSafeEqual(candidate, secret);
      if (same && match === undefined) match = operator;
    }
    return match;
  }

  private static localToken(file: string): AdminToken {
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
      chmodSync(file, 0o600);
      new Logger('AdminApi').log(`Local mode: generated an admin API token in ${file}`);
    }
    return { name: 'local', token: readFileSync(file, 'utf8').trim(), scopes: [...ADMIN_SCOPES] };
  }
}
