import { verdictOf, windowsFor, windowStart } from './rate-windows';

describe('rate windows', () => {
  const limits = { messagesPerMinute: 30, readingsPerHour: 10, readingsPerDay: 50, paymentsPerHour: 10 };

  it('names action and window in the endpoint key', () => {
    expect(windowsFor('message', limits).map((w) => w.endpoint)).toEqual(['message:1m']);
    expect(windowsFor('reading', limits).map((w) => [w.endpoint, w.limit])).toEqual([
      ['reading:1h', 10],
      ['reading:1d', 50],
    ]);
    expect(windowsFor('payment', limits).map((w) => w.endpoint)).toEqual(['payment:1h']);
  });

  it('truncates window_start to the start of the window in UTC', () => {
    const now = new Date('2026-11-29T13:47:12.345Z');
    expect(windowStart(now, 60).toISOString()).toBe('2026-11-29T13:47:00.000Z');
    expect(windowStart(now, 3600).toISOString()).toBe('2026-11-29T13:00:00.000Z');
    expect(windowStart(now, 86400).toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  describe('verdictOf', () => {
    const now = new Date('2026-11-29T13:47:12Z');
    const reading = windowsFor('reading', limits);

    it('allows a request that leaves every window at or under its limit', () => {
      expect(verdictOf(reading, now, [10, 50])).toEqual({ allowed: true });
    });

    it('refuses over a limit until that window ends, telling the user only on the first refusal', () => {
      expect(verdictOf(reading, now, [11, 12])).toEqual({ allowed: false, retryAt: new Date('2026-11-29T14:00:00Z'), firstRefusal: true });
      expect(verdictOf(reading, now, [12, 13])).toEqual({ allowed: false, retryAt: new Date('2026-11-29T14:00:00Z'), firstRefusal: false });
    });

    it('names the end of the latest exceeded window when several are over', () => {
      expect(verdictOf(reading, now, [11, 51])).toEqual({ allowed: false, retryAt: new Date('2026-11-30T00:00:00Z'), firstRefusal: true });
      expect(verdictOf(reading, now, [5, 60])).toEqual({ allowed: false, retryAt: new Date('2026-11-30T00:00:00Z'), firstRefusal: false });
    });
  });
});
