import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { IdempotencyKeyUse } from 'src/common/http/idempotency-key.decorator';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { LedgerService } from './ledger.service';
import { Transaction } from './transaction.entity';

/** An operator's money request with an Idempotency-Key: what it was sent to, and its validated body. */
export interface IdempotentRequest extends IdempotencyKeyUse {
  operator: string;
  body: Record<string, unknown>;
}

interface Fingerprint {
  method: string;
  route: string;
  target: string;
  body: Record<string, unknown>;
}

function fingerprintOf(request: IdempotentRequest): Fingerprint {
  return { method: request.method, route: request.route, target: request.target, body: request.body };
}

function differences(first: Fingerprint, now: Fingerprint): string[] {
  const named = (['method', 'route', 'target'] as const).filter((part) => first[part] !== now[part]);
  const fields = [...new Set([...Object.keys(first.body), ...Object.keys(now.body)])].sort();
  return [...named, ...fields.filter((field) => !isDeepStrictEqual(first.body[field], now.body[field])).map((field) => `body.${field}`)];
}

/**
 * Idempotency-Keys of the operator money endpoints, kept in the metadata of the ledger row the
 * request wrote (unique per operator and key) with the request's fingerprint: method, route,
 * target id and body. The same request again gets the first answer; any difference is
 * IDEMPOTENCY001, naming it, and nothing is done.
 */
@Injectable()
export class OperatorIdempotency {
  constructor(private readonly ledger: LedgerService) {}

  /** What the written row's metadata carries to bind the key to this request. */
  stamp(request?: IdempotentRequest): Record<string, unknown> {
    return request ? { idempotencyKey: `${request.operator}:${request.key}`, idempotentRequest: fingerprintOf(request) } : {};
  }

  /** The row the first use of this key wrote, when that use was this same request. */
  async earlier(request?: IdempotentRequest): Promise<Transaction | undefined> {
    if (!request) return undefined;
    const row = await this.ledger.findByIdempotencyKey(`${request.operator}:${request.key}`);
    if (!row) return undefined;
    const first = row.metadata?.idempotentRequest as Fingerprint | undefined;
    if (!first) {
      throw new DomainException(ErrorCode.IdempotencyConflict, 'This Idempotency-Key was used before keys were bound to their requests; use a new key', {
        differences: ['request'],
      });
    }
    const differ = differences(first, fingerprintOf(request));
    if (differ.length > 0) {
      const path = first.route.replace(':id', first.target);
      throw new DomainException(
        ErrorCode.IdempotencyConflict,
        `This Idempotency-Key was first used for ${first.method} ${path}; this request differs in ${differ.join(', ')}`,
        { differences: differ },
      );
    }
    return row;
  }
}
