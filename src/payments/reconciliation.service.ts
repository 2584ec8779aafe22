import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { LedgerService } from './ledger.service';
import { RefundsService } from './refunds.service';
import { STARS_CURRENCY } from './stars-product';
import { StarsPayments } from './stars-payments';
import { StarsLedgerEntry, StarsLedgerFeed } from './stars/stars-ledger-feed';

const OFFSET_KEY = 'reconciliation:offset';

export interface ReconciliationReport {
  scanned: number;
  paymentsApplied: number;
  refundsApplied: number;
  unknown: number;
  refused: number;
  offset: number;
}

/**
 * Pages through Telegram's Stars ledger from where the last run stopped, and applies any payment
 * or refund the bot never saw, checked like an update. Applying is idempotent (one grant per
 * charge id, one refund per grant), so a re-scan changes nothing.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);
  private memoryOffset = 0;

  constructor(
    private readonly feed: StarsLedgerFeed,
    private readonly ledger: LedgerService,
    private readonly payments: StarsPayments,
    private readonly refunds: RefundsService,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient | null,
  ) {}

  async run(fromStart = false): Promise<ReconciliationReport> {
    const start = fromStart ? 0 : await this.loadOffset();
    const report: ReconciliationReport = { scanned: 0, paymentsApplied: 0, refundsApplied: 0, unknown: 0, refused: 0, offset: start };
    for await (const page of this.feed.pages(start)) {
      for (const entry of page.entries) await this.apply(entry, report);
      report.scanned += page.entries.length;
      report.offset = page.next;
      await this.saveOffset(page.next);
    }
    if (report.paymentsApplied + report.refundsApplied > 0) {
      this.logger.warn(`Reconciliation applied ${report.paymentsApplied} missed payments and ${report.refundsApplied} missed refunds`);
    }
    return report;
  }

  private async apply(entry: StarsLedgerEntry, report: ReconciliationReport): Promise<void> {
    if (entry.kind === 'payment') {
      if (await this.ledger.findCharge(entry.chargeId)) return;
      const expires = entry.subscriptionPeriod ? new Date(entry.date.getTime() + entry.subscriptionPeriod * 1000) : undefined;
      const outcome = await this.payments.applyPayment(
        {
          payerTelegramId: entry.payerTelegramId,
          currency: STARS_CURRENCY,
          totalAmount: entry.stars,
          payload: entry.payload,
          chargeId: entry.chargeId,
          subscriptionExpiresAt: expires,
        },
        'reconciliation',
      );
      if (outcome.kind === 'granted') report.paymentsApplied++;
      else if (outcome.kind === 'refused' && outcome.refusal === 'unknown_user') report.unknown++;
      else if (outcome.kind === 'refused') report.refused++;
      return;
    }
    if (entry.kind === 'refund') {
      const grant = await this.ledger.findCharge(entry.chargeId);
      if (!grant || grant.status === 'refunded') return;
      const claim = { userTelegramId: entry.userTelegramId, currency: STARS_CURRENCY, totalAmount: entry.stars, chargeId: entry.chargeId };
      if (await this.refunds.applyTelegramRefund(claim, 'reconciliation')) report.refundsApplied++;
    }
  }

  private async loadOffset(): Promise<number> {
    if (!this.redis) return this.memoryOffset;
    const stored = await this.redis.get(OFFSET_KEY).catch(() => null);
    return stored ? Number(stored) : 0;
  }

  private async saveOffset(offset: number): Promise<void> {
    this.memoryOffset = offset;
    await this.redis?.set(OFFSET_KEY, String(offset)).catch(() => undefined);
  }
}
