import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { UsersService } from './users.service';

const FLUSH_EVERY_MS = 30_000;

/**
 * Keeps `last_active_at` fresh without a write per update: activity is gathered in memory and
 * written in one statement every half minute (and at shutdown).
 */
@Injectable()
export class ActivityTracker implements OnApplicationShutdown {
  private readonly logger = new Logger(ActivityTracker.name);
  private pending = new Map<number, Date>();

  constructor(private readonly users: UsersService) {}

  touch(userId: number, at = new Date()): void {
    this.pending.set(userId, at);
  }

  @Interval(FLUSH_EVERY_MS)
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.users.recordActivity(batch);
    } catch (error) {
      for (const [id, at] of batch) if (!this.pending.has(id)) this.pending.set(id, at);
      this.logger.warn(`Could not record activity of ${batch.size} users: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
