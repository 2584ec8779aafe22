/** The actions that are rate-limited, each counted in one or more fixed windows. */
export type RateAction = 'message' | 'reading' | 'payment';

export interface RateWindow {
  /** The `rate_limits.endpoint` key: action and window, e.g. `reading:1d`. */
  endpoint: string;
  seconds: number;
  limit: number;
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
