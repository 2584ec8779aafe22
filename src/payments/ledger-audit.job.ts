import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { JobLock } from 'src/database/job-lock';
import { MetricsService } from 'src/metrics/metrics.service';
import { AuditRow, LedgerService } from './ledger.service';

const STATE_KEY = 'ledger-audit:state';
/** Mismatches a pass keeps for GET /ledger/audit; the count goes on past them. */
const KEPT_MISMATCHES = 100;
/** Users checked per run: 0.5–1.5 s of PostgreSQL at a million users (bench:scale). */
export const SWEEP_BATCH = 10_000;

export interface SweepStep {
  checked: number;
  mismatches: AuditRow[];
  /** The last user id checked; 0 once the sweep reached the end and starts over. */
  position: number;
}

/** One pass of the sweep over every user, done or in progress. */
export interface SweepPass {
  startedAt: string;
  finishedAt: string | null;
  /** The last user id checked in this pass (0 before the first slice). */
  position: number;
  checked: number;
  mismatchCount: number;
  mismatches: AuditRow[];
}

export interface SweepState {
  current: SweepPass;
  last: SweepPass | null;
}

/**
 * The ledger audit, a slice at a time: every five minutes, on one instance, the next users by id
 * after a saved position are checked against their ledger, and the position moves on (back to the
 * start at the end: a million users every ~8 hours). A mismatch is logged and counted
 * (`tarot_ledger_mismatches_found_total`) and kept with the pass (in Redis, with the position), so
 * GET /ledger/audit answers from the last complete pass and the one in progress: the full audit
 * never runs on a request.
 */
@Injectable()
export class LedgerAuditJob {
  private readonly logger = new Logger(LedgerAuditJob.name);
  private memoryState: SweepState | null = null;

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
    const state = await this.state();
    const pass = state.current;
    const { checked, lastUserId, mismatches } = await this.ledger.auditRange(pass.position, batch);
    const position = checked < batch ? 0 : lastUserId;
    Object.assign(pass, {
      position: lastUserId,
      checked: pass.checked + checked,
      mismatchCount: pass.mismatchCount + mismatches.length,
      mismatches: [...pass.mismatches, ...mismatches].slice(0, KEPT_MISMATCHES),
    });
    if (position === 0) {
      pass.finishedAt = new Date().toISOString();
      await this.save({ current: newPass(), last: pass });
    } else {
      await this.save(state);
    }
    this.metrics.ledgerAuditChecked.inc(checked);
    this.metrics.ledgerMismatches.inc(mismatches.length);
    for (const m of mismatches) {
      this.logger.error(`CREDIT004: user ${m.userId} has ${m.credits} credits; the ledger sums to ${m.ledgerSum}`);
    }
    return { checked, mismatches, position };
  }

  /** The sweep's passes: the one in progress, and the last one that reached the end. */
  async state(): Promise<SweepState> {
    const stored = this.redis ? await this.redis.get(STATE_KEY).catch(() => null) : null;
    if (stored) return JSON.parse(stored) as SweepState;
    return this.memoryState ? structuredClone(this.memoryState) : { current: newPass(), last: null };
  }

  private async save(state: SweepState): Promise<void> {
    this.memoryState = structuredClone(state);
    await this.redis?.set(STATE_KEY, JSON.stringify(state)).catch(() => undefined);
  }
}

function newPass(): SweepPass {
  return { startedAt: new Date().toISOString(), finishedAt: null, position: 0, checked: 0, mismatchCount: 0, mismatches: [] };
}
