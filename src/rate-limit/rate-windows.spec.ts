import { windowsFor, windowStart } from './rate-windows';

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
});
