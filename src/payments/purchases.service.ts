import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { CatalogService } from 'src/catalog/catalog.service';
import { CreditPackage } from 'src/catalog/catalog';
import { MessageKey } from 'src/common/i18n/messages.en';
import { MetricsService } from 'src/metrics/metrics.service';
import { User } from 'src/users/user.entity';
import { UserSnapshot } from 'src/users/user-snapshot';
import { UsersService } from 'src/users/users.service';
import { decodePayload, encodePayload, InvoicePayload } from './invoice-payload';
import { LedgerService, STARS_PROVIDER } from './ledger.service';
import { SuccessfulStarPayment } from './stars/stars-api.types';
import { Transaction } from './transaction.entity';

export const INVOICE_LIFETIME_MS = 24 * 3600_000;

export interface PackageOffer {
  key: string;
  stars: number;
  credits: number;
  bonusCredits: number;
}

export type PreCheckoutVerdict = { ok: true } | { ok: false; reason: MessageKey };

export type PaymentOutcome =
  | { kind: 'granted'; credits: number; balance: number; transaction: Transaction }
  | { kind: 'duplicate'; transaction: Transaction }
  | { kind: 'unknown' };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

/**
 * Credit packages for Stars, in the seed's payment flow: validate (the invoice and the
 * pre-checkout), let Telegram take the payment, then grant the credits and record the
 * transaction in one database transaction, exactly once per charge, and refresh the cache.
 */
@Injectable()
export class PurchasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly ledger: LedgerService,
    private readonly users: UsersService,
    private readonly metrics: MetricsService,
  ) {}

  /** The packages on sale to this user, with the subscriber's bonus when their tier is current. */
  offers(user: Pick<UserSnapshot, 'subscriptionTier' | 'subscriptionExpiresAt'>, now = new Date()): PackageOffer[] {
    const expires = user.subscriptionExpiresAt ? new Date(user.subscriptionExpiresAt) : null;
    const tier = expires && expires > now ? this.catalog.tier(user.subscriptionTier) : undefined;
    const bonus = tier?.packageBonusPercent ?? 0;
    return this.catalog.packages.map((p: CreditPackage) => ({
      key: p.key,
      stars: p.stars,
      credits: p.credits,
      bonusCredits: Math.floor((p.credits * bonus) / 100),
    }));
  }

  /** Records the invoice as a pending purchase and returns what to send to Telegram. */
  async createInvoice(user: UserSnapshot, packageKey: string): Promise<{ offer: PackageOffer; payload: string; transaction: Transaction } | undefined> {
    const offer = this.offers(user).find((o) => o.key === packageKey);
    if (!offer) return undefined;
    const transaction = await this.ledger.record(this.dataSource.manager, {
      userId: user.id,
      amount: offer.credits + offer.bonusCredits,
      type: 'purchase',
      status: 'pending',
      provider: STARS_PROVIDER,
      metadata: { package: offer.key, stars: offer.stars, credits: offer.credits, bonusCredits: offer.bonusCredits },
    });
    const payload = encodePayload({
      kind: 'package',
      transactionId: transaction.id,
      packageKey: offer.key,
      stars: offer.stars,
      telegramUserId: user.telegramId,
    });
    return { offer, payload, transaction };
  }

  /** Telegram could not send the invoice: the pending row fails with the reason. */
  async invoiceFailed(transactionId: number, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE transactions SET status = 'failed', error_message = $2, updated_at = now() WHERE id = $1 AND status = 'pending'`,
      [transactionId, reason.slice(0, 500)],
    );
  }

  /** Pre-checkout: is this still a valid sale to this payer? Nothing is granted here. */
  async checkPreCheckout(payerTelegramId: string, payloadText: string, totalAmount: number, now = new Date()): Promise<PreCheckoutVerdict> {
    const payload = decodePayload(payloadText);
    if (!payload || payload.kind !== 'package') return { ok: false, reason: 'pay.refused.unknown' };
    if (payload.telegramUserId !== payerTelegramId) return { ok: false, reason: 'pay.refused.otherUser' };
    const pkg = this.catalog.packages.find((p) => p.key === payload.packageKey);
    if (!pkg || pkg.stars !== payload.stars || totalAmount !== payload.stars) return { ok: false, reason: 'pay.refused.priceChanged' };
    const transaction = await this.ledger.findById(payload.transactionId);
    if (!transaction || String((await this.users.findById(transaction.userId))?.telegramId) !== payerTelegramId) {
      return { ok: false, reason: 'pay.refused.unknown' };
    }
    if (transaction.createdAt.getTime() + INVOICE_LIFETIME_MS < now.getTime() || transaction.status === 'failed') {
      return { ok: false, reason: 'pay.refused.expired' };
    }
    const user = await this.users.findByTelegramId(payerTelegramId);
    if (!user || user.status !== 'active') return { ok: false, reason: 'pay.refused.inactive' };
    return { ok: true };
  }

  /**
   * A successful payment: its credits are granted exactly once per charge id. The first charge of
   * an invoice settles its pending row; a second charge of the same invoice is a new purchase.
   */
  async applyPayment(user: User, payment: SuccessfulStarPayment): Promise<PaymentOutcome> {
    const payload = decodePayload(payment.invoice_payload);
    if (!payload || payload.kind !== 'package') return { kind: 'unknown' };
    const chargeId = payment.telegram_payment_charge_id;
    const earlier = await this.ledger.findCharge(chargeId);
    if (earlier) return { kind: 'duplicate', transaction: earlier };
    try {
      const outcome = await this.dataSource.transaction(async (manager) => {
        const settled = await this.ledger.settlePending(manager, payload.transactionId, chargeId, { charged: payment.total_amount });
        if (settled) return settled;
        const original = await this.ledger.findById(payload.transactionId, manager);
        return this.ledger.move(manager, {
          userId: user.id,
          amount: original?.amount ?? this.creditsFor(payload),
          type: 'purchase',
          provider: STARS_PROVIDER,
          reference: chargeId,
          metadata: { ...(original?.metadata ?? { package: payload.packageKey, stars: payload.stars }), charged: payment.total_amount, invoice: payload.transactionId },
        });
      });
      await this.users.forget(user.telegramId);
      this.metrics.payments.inc({ kind: 'purchase', outcome: 'granted' });
      return { kind: 'granted', credits: outcome.transaction.amount, balance: outcome.balance, transaction: outcome.transaction };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      this.metrics.payments.inc({ kind: 'purchase', outcome: 'duplicate' });
      const winner = await this.ledger.findCharge(chargeId);
      return { kind: 'duplicate', transaction: winner! };
    }
  }

  private creditsFor(payload: Extract<InvoicePayload, { kind: 'package' }>): number {
    return this.catalog.packages.find((p) => p.key === payload.packageKey)?.credits ?? 0;
  }
}
