/** The actions that are rate-limited, each counted in one or more fixed windows. */
export type RateAction = 'message' | 'reading' | 'payment';

export interface RateWindow {
  /** The `rate_limits.endpoint` key: action and window, e.g. `reading:1d`. */
  endpoint: string;
  seconds: number;
  limit: number;
}

export interface RateVerdict {
  allowed: boolean;
  /** When the tightest exceeded window ends. */
  retryAt?: Date;
  /** True for the first refused request of a window: the only one the user is told about. */
  firstRefusal?: boolean;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

export function windowsFor(
  action: RateAction,
  limits: { messagesPerMinute: number; readingsPerHour: number; readingsPerDay: number; paymentsPerHour: number },
): RateWindow[] {
  switch (action) {
    case 'message':
      return [{ endpoint: 'message:1m', seconds: MINUTE, limit: limits.messagesPerMinute }];
    case 'reading':
      return [
        { endpoint: 'reading:1h', seconds: HOUR, limit: limits.readingsPerHour },
        { endpoint: 'reading:1d', seconds: DAY, limit: limits.readingsPerDay },
      ];
    case 'payment':
      return [{ endpoint: 'payment:1h', seconds: HOUR, limit: limits.paymentsPerHour }];
  }
}

/** The start of the fixed window holding `now` (windows align to the UTC epoch). */
export function windowStart(now: Date, seconds: number): Date {
  const size = seconds * 1000;
  return new Date(Math.floor(now.getTime() / size) * size);
}

/**
 * The answer to a request, given each window's count with it included: refused when any window
 * is over its limit, until the latest of those windows ends.
 */
export function verdictOf(windows: RateWindow[], now: Date, counts: number[]): RateVerdict {
  let verdict: RateVerdict = { allowed: true };
  windows.forEach((window, i) => {
    if (counts[i] <= window.limit) return;
    const retryAt = new Date(windowStart(now, window.seconds).getTime() + window.seconds * 1000);
    if (verdict.allowed || retryAt > verdict.retryAt!) {
      verdict = { allowed: false, retryAt, firstRefusal: counts[i] === window.limit + 1 };
    }
  });
  return verdict;
}
