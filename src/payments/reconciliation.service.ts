import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT, RedisClient } from 'src/cache/redis.provider';
import { UsersService } from 'src/users/users.service';
import { LedgerService } from './ledger.service';
import { PurchasesService } from './purchases.service';
import { RefundsService } from './refunds.service';
import { StarsClient } from './stars/stars-client';
import { StarTransaction, TransactionPartnerUser } from './stars/stars-api.types';
import { SubscriptionsService } from './subscriptions.service';

const PAGE = 100;
const OFFSET_KEY = 'reconciliation:offset';

export interface ReconciliationReport {
  scanned: number;
  paymentsApplied: number;
  refundsApplied: number;
  unknown: number;
  offset: number;
}

function userPartner(partner: StarTransaction['source']): TransactionPartnerUser | undefined {
  return partner?.type === 'user' ? (partner as TransactionPartnerUser) : undefined;
}

/**
 * Pages through Telegram's Stars ledger (`getStarTransactions`, oldest first) from where the
 * last run stopped, and applies any payment or refund the bot never saw. Applying is
 * idempotent (one grant per charge id, one refund per grant), so a re-scan changes nothing.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);
  private memoryOffset = 0;

  constructor(
    private readonly stars: StarsClient,
    private readonly ledger: LedgerService,
    private readonly users: UsersService,
    private readonly purchases: PurchasesService,
    private readonly subscriptions: SubscriptionsService,
    private readonly refunds: RefundsService,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient | null,
  ) {}

  async run(fromStart = false): Promise<ReconciliationReport> {
    let offset = fromStart ? 0 : await this.loadOffset();
    const report: ReconciliationReport = { scanned: 0, paymentsApplied: 0, refundsApplied: 0, unknown: 0, offset };
    for (;;) {
      const { transactions } = await this.stars.getStarTransactions(offset, PAGE);
      for (const transaction of transactions) await this.apply(transaction, report);
      report.scanned += transactions.length;
      offset += transactions.length;
      await this.saveOffset(offset);
      if (transactions.length < PAGE) break;
    }
    report.offset = offset;
    if (report.paymentsApplied + report.refundsApplied > 0) {
      this.logger.warn(`Reconciliation applied ${report.paymentsApplied} missed payments and ${report.refundsApplied} missed refunds`);
    }
    return report;
  }

  private async apply(transaction: StarTransaction, report: ReconciliationReport): Promise<void> {
    const payer = userPartner(transaction.source);
    const refunded = userPartner(transaction.receiver);
    if (payer?.invoice_payload) {
      if (await this.ledger.findCharge(transaction.id)) return;
      const user = await this.users.findByTelegramId(String(payer.user.id));
      if (!user) {
        report.unknown++;
        return;
      }
      const payment = {
        currency: 'XTR',
        total_amount: transaction.amount,
        invoice_payload: payer.invoice_payload,
        telegram_payment_charge_id: transaction.id,
        provider_payment_charge_id: '',
        ...(payer.subscription_period ? { subscription_expiration_date: transaction.date + payer.subscription_period } : {}),
      };
      const outcome = payer.invoice_payload.startsWith('s1:')
        ? await this.subscriptions.applyPayment(user, payment)
        : await this.purchases.applyPayment(user, payment);
      if (outcome.kind === 'granted') report.paymentsApplied++;
      else if (outcome.kind === 'unknown') report.unknown++;
      return;
    }
    if (refunded) {
      const grant = await this.ledger.findCharge(transaction.id);
      if (!grant || grant.status === 'refunded') return;
      const result = await this.refunds.applyTelegramRefund({
        currency: 'XTR',
        total_amount: Math.abs(transaction.amount),
        invoice_payload: refunded.invoice_payload ?? '',
        telegram_payment_charge_id: transaction.id,
      });
      if (result) report.refundsApplied++;
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
