import { Repository } from 'typeorm';
import { CatalogService } from 'src/catalog/catalog.service';
import { AppConfig } from 'src/config/app-config';
import { MetricsService } from 'src/metrics/metrics.service';
import { UserSnapshot } from 'src/users/user-snapshot';
import { RateLimit } from './rate-limit.entity';
import { RateLimitService } from './rate-limit.service';
import { RateAction } from './rate-windows';

/**
 * The `rate_limits` table as the service's two statements use it: the upsert counts a request in
 * each of its windows and returns the counts; the release takes one back, never below zero.
 */
class FakeCounters {
  readonly counts = new Map<string, number>();

  readonly manager = {
    query: async (sql: string, params: unknown[]) => {
      const [userId, ...rest] = params;
      if (sql.trimStart().startsWith('INSERT')) {
        const rows = [];
        for (let i = 0; i < rest.length; i += 2) {
          const key = this.key(userId, rest[i], rest[i + 1]);
          this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
          rows.push({ endpoint: rest[i], request_count: this.counts.get(key) });
        }
        return rows;
      }
      const [endpoints, starts] = rest as [string[], Date[]];
      endpoints.forEach((endpoint, i) => {
        const key = this.key(userId, endpoint, starts[i]);
        if ((this.counts.get(key) ?? 0) > 0) this.counts.set(key, this.counts.get(key)! - 1);
      });
      return [[], 0];
    },
  };

  get repository(): Repository<RateLimit> {
    return { manager: this.manager } as unknown as Repository<RateLimit>;
  }

  private key(userId: unknown, endpoint: unknown, start: unknown): string {
    return `${String(userId)} ${String(endpoint)} ${(start as Date).toISOString()}`;
  }
}

describe('RateLimitService', () => {
  const now = new Date('2026-12-05T12:30:00Z');
  const user = (fields: Partial<UserSnapshot> = {}): UserSnapshot =>
    ({ id: 4, telegramId: '4004', credits: 0, status: 'active', preferences: {}, subscriptionTier: null, subscriptionExpiresAt: null, ...fields }) as UserSnapshot;
  let counters: FakeCounters;
  let metrics: MetricsService;
  let sut: RateLimitService;

  beforeEach(() => {
    counters = new FakeCounters();
    metrics = new MetricsService();
    sut = new RateLimitService(counters.repository, new CatalogService({ catalogPath: undefined } as AppConfig), metrics);
  });

  /** How many of `times` hits were allowed. */
  async function allowedOf(who: UserSnapshot, action: RateAction, times: number, at = now): Promise<number> {
    let allowed = 0;
    for (let i = 0; i < times; i++) if ((await sut.hit(who, action, at)).allowed) allowed++;
    return allowed;
  }

  async function refusalsCounted(action: RateAction): Promise<number> {
    return (await metrics.rateLimited.get()).values.find((v) => v.labels.action === action)?.value ?? 0;
  }

  it('allows 30 messages a minute, refuses the next until the minute ends and counts each refusal', async () => {
    await expect(allowedOf(user(), 'message', 30)).resolves.toBe(30);

    await expect(sut.hit(user(), 'message', now)).resolves.toEqual({ allowed: false, retryAt: new Date('2026-12-05T12:31:00Z'), firstRefusal: true });
    await expect(sut.hit(user(), 'message', now)).resolves.toMatchObject({ allowed: false, firstRefusal: false });
    await expect(sut.hit(user(), 'message', new Date('2026-12-05T12:31:00Z'))).resolves.toEqual({ allowed: true });
    await expect(refusalsCounted('message')).resolves.toBe(2);
  });

  it('counts a reading in its hour and its day: 10 an hour without a subscription', async () => {
    await expect(allowedOf(user(), 'reading', 12)).resolves.toBe(10);
    expect([...counters.counts.values()]).toEqual([12, 12]);
  });

  it('raises the reading limits while a subscriber\'s tier is current, and not after it ended', async () => {
    const basic = { subscriptionTier: 'basic' as const, subscriptionExpiresAt: '2026-12-06T00:00:00.000Z' };

    await expect(allowedOf(user(basic), 'reading', 25)).resolves.toBe(20);
    await expect(allowedOf(user({ ...basic, id: 5 }), 'reading', 25, new Date('2026-12-06T00:30:00Z'))).resolves.toBe(10);
  });

  it('keeps each user\'s counts apart', async () => {
    await allowedOf(user(), 'payment', 10);
    await expect(sut.hit(user({ id: 9 }), 'payment', now)).resolves.toEqual({ allowed: true });
    await expect(sut.hit(user(), 'payment', now)).resolves.toMatchObject({ allowed: false });
  });

  it('takes back one reading from both windows it was counted in, never below zero', async () => {
    await allowedOf(user(), 'reading', 10);

    await sut.release(4, 'reading', now);
    await expect(sut.hit(user(), 'reading', now)).resolves.toEqual({ allowed: true });

    await sut.release(4, 'reading', new Date('2026-12-04T12:00:00Z'));
    expect([...counters.counts.values()]).toEqual([10, 10]);
  });
});
