import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CatalogService } from 'src/catalog/catalog.service';
import { MetricsService } from 'src/metrics/metrics.service';
import { UserSnapshot } from 'src/users/user-snapshot';
import { RateLimit } from './rate-limit.entity';
import { RateAction, RateVerdict, verdictOf, windowsFor, windowStart } from './rate-windows';
import { returning } from 'src/database/returning';

/** Fixed-window counters in `rate_limits`: one upsert per check, whatever the number of windows. */
@Injectable()
export class RateLimitService {
  constructor(
    @InjectRepository(RateLimit) private readonly windows: Repository<RateLimit>,
    private readonly catalog: CatalogService,
    private readonly metrics: MetricsService,
  ) {}

  async hit(user: UserSnapshot, action: RateAction, now = new Date()): Promise<RateVerdict> {
    const expiresAt = user.subscriptionExpiresAt ? new Date(user.subscriptionExpiresAt) : null;
    const limits = {
      ...this.catalog.readingLimits(user.subscriptionTier, expiresAt, now),
      messagesPerMinute: this.catalog.messagesPerMinute,
      paymentsPerHour: this.catalog.paymentsPerHour,
    };
    const windows = windowsFor(action, limits);
    const starts = windows.map((w) => windowStart(now, w.seconds));
    const values = windows.map((_, i) => `($1, $${i * 2 + 2}, $${i * 2 + 3})`).join(', ');
    const params: unknown[] = [user.id, ...windows.flatMap((w, i) => [w.endpoint, starts[i]])];
    const rows = await returning<{ endpoint: string; request_count: number }>(this.windows.manager, 
      `INSERT INTO rate_limits (user_id, endpoint, window_start) VALUES ${values}
       ON CONFLICT (user_id, endpoint, window_start)
       DO UPDATE SET request_count = rate_limits.request_count + 1
       RETURNING endpoint, request_count`,
      params,
    );
    const counts = windows.map((w) => rows.find((r) => r.endpoint === w.endpoint)?.request_count ?? 0);
    const verdict = verdictOf(windows, now, counts);
    if (!verdict.allowed) this.metrics.rateLimited.inc({ action });
    return verdict;
  }

  /**
   * Takes back one count of `action` made at `at` (a reading given up within seconds is not a
   * reading); never below zero.
   */
  async release(userId: number, action: RateAction, at: Date): Promise<void> {
    const windows = windowsFor(action, { messagesPerMinute: 0, readingsPerHour: 0, readingsPerDay: 0, paymentsPerHour: 0 });
    await this.windows.manager.query(
      `UPDATE rate_limits SET request_count = request_count - 1
       WHERE user_id = $1 AND (endpoint, window_start) IN (SELECT * FROM unnest($2::varchar[], $3::timestamp[]))
         AND request_count > 0`,
      [userId, windows.map((w) => w.endpoint), windows.map((w) => windowStart(at, w.seconds))],
    );
  }

  currentWindows(userId: number): Promise<RateLimit[]> {
    return this.windows.find({ where: { userId }, order: { windowStart: 'DESC', endpoint: 'ASC' }, take: 100 });
  }

  /**
   * Removes up to `batch` windows that started before `cutoff` (the longest window is a day),
   * oldest first; the retention job repeats it until fewer come back, so no delete holds locks long.
   */
  async deleteOlderThan(manager: EntityManager, cutoff: Date, batch: number): Promise<number> {
    const rows = await returning<{ id: number }>(
      manager,
      `DELETE FROM rate_limits WHERE id IN (
         SELECT id FROM rate_limits WHERE window_start < $1 ORDER BY window_start LIMIT $2) RETURNING id`,
      [cutoff, batch],
    );
    return rows.length;
  }

  /** /deleteme: the counters are personal data too. */
  async deleteForUser(manager: EntityManager, userId: number): Promise<void> {
    await manager.delete(RateLimit, { userId });
  }
}
