import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { JobLock } from 'src/database/job-lock';
import { MetricsService } from 'src/metrics/metrics.service';
import { AuditRow, LedgerService } from './ledger.service';

const POSITION_KEY = 'ledger-audit:position';
/** Users checked per run: 0.5–1.5 s of PostgreSQL at a million users (bench:scale). */
export const SWEEP_BATCH = 10_000;

export interface SweepStep {
  checked: number;
  mismatches: AuditRow[];
  /** The last user id checked; 0 once the sweep reached the end and starts over. */
  position: number;
}

/**
 * The ledger audit, a slice at a time: every five minutes, on one instance, the next users by id
 * after a saved position are checked against their ledger, and the position moves on (back to the
 * start at the end: a million users every ~8 hours). A mismatch is logged and counted
 * (`tarot_ledger_mismatches_found_total`), so the full audit need never run on a request.
 */
@Injectable()
export class LedgerAuditJob {
  private readonly logger = new Logger(LedgerAuditJob.name);
  private memoryPosition = 0;

  constructor(
    private readonly ledger: LedgerService,
    private readonly lock: JobLock,
    private readonly metrics: MetricsService,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient | null,
  ) {}

  @Cron(CronExpression.EVERY_5_MINUTES)
  async run(): Promise<SweepStep | undefined> {
    return this.lock.runExclusive('ledger-audit-sweep', () => this.step(SWEEP_BATCH));
  }

  async step(batch: number): Promise<SweepStep> {
    const after = await this.loadPosition();
    const { checked, lastUserId, mismatches } = await this.ledger.auditRange(after, batch);
    const position = checked < batch ? 0 : lastUserId;
    await this.savePosition(position);
    this.metrics.ledgerAuditChecked.inc(checked);
    this.metrics.ledgerMismatches.inc(mismatches.length);
    for (const m of mismatches) {
      this.logger.error(`CREDIT004: user ${m.userId} has ${m.credits} credits; the ledger sums to ${m.ledgerSum}`);
    }
    return { checked, mismatches, position };
  }

  private async loadPosition(): Promise<number> {
    if (!this.redis) return this.memoryPosition;
    const stored = await this.redis.get(POSITION_KEY).catch(() => null);
    return stored ? Number(stored) : 0;
  }

  private async savePosition(position: number): Promise<void> {
    this.memoryPosition = position;
    await this.redis?.set(POSITION_KEY, String(position)).catch(() => undefined);
  }
}
