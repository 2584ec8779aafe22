import { BotApiError } from './bot-api-error';
import type { FaultSpec } from './stand-in-api.types';

interface PlannedFault {
  method: string;
  fault: FaultSpec;
  remaining: number;
}

const ANY_METHOD = '*';

/** Failures planned by tests: the next calls of a method, and users who blocked the bot. */
export class FaultInjector {
  private planned: PlannedFault[] = [];
  private readonly blocked = new Set<number>();

  /** method "*" matches any method. */
  failNext(method: string, fault: FaultSpec, times: number): void {
    this.planned.push({ method, fault, remaining: times });
  }

  /** Consumes and returns the planned failure for this call, if any. */
  take(method: string): BotApiError | null {
    const planned = this.planned.find(
      (entry) => entry.method === ANY_METHOD || entry.method.toLowerCase() === method.toLowerCase(),
    );
    if (!planned) return null;
    planned.remaining -= 1;
    if (planned.remaining <= 0) this.planned = this.planned.filter((entry) => entry !== planned);
    return toError(planned.fault);
  }

  block(userId: number): void {
    this.blocked.add(userId);
  }

  unblock(userId: number): void {
    this.blocked.delete(userId);
  }

  assertNotBlocked(chatId: number): void {
    if (this.blocked.has(chatId)) throw BotApiError.forbidden('bot was blocked by the user');
  }

  clear(): void {
    this.planned = [];
    this.blocked.clear();
  }
}

function toError(fault: FaultSpec): BotApiError {
  const code = fault.error_code;
  if (code === 429) {
    const retryAfter = fault.retry_after ?? 1;
    return new BotApiError(429, fault.description ?? `Too Many Requests: retry after ${retryAfter}`, retryAfter);
  }
  return new BotApiError(code, fault.description ?? defaultDescription(code), fault.retry_after);
}

function defaultDescription(code: number): string {
  switch (code) {
    case 400:
      return 'Bad Request';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden: bot was blocked by the user';
    case 409:
      return 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
    default:
      return code >= 500 ? 'Internal Server Error' : `Error ${code}`;
  }
}
