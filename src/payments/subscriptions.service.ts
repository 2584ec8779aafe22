import { Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { CatalogService } from 'src/catalog/catalog.service';
import { SubscriptionTierDefinition } from 'src/catalog/catalog';
import { MessageKey } from 'src/common/i18n/messages.en';
import { SubscriptionTier, User } from 'src/users/user.entity';
import { UserSnapshot } from 'src/users/user-snapshot';
import { UsersService } from 'src/users/users.service';
import { decodePayload, encodePayload } from './invoice-payload';
import { LedgerService, STARS_PROVIDER } from './ledger.service';
import { INVOICE_LIFETIME_MS, PreCheckoutVerdict } from './purchases.service';
import { StarsClient } from './stars/stars-client';
import { SuccessfulStarPayment } from './stars/stars-api.types';
import { Transaction } from './transaction.entity';

export const SUBSCRIPTION_PERIOD_SECONDS = 2_592_000;

export interface SubscriptionState {
  tier: SubscriptionTierDefinition | undefined;
  expiresAt: Date | null;
  renewalCanceled: boolean;
}

export type SubscriptionOutcome =
  | { kind: 'granted'; tier: SubscriptionTier; credits: number; balance: number; expiresAt: Date; renewal: boolean }
  | { kind: 'duplicate' }
  | { kind: 'unknown' };

/**
 * 30-day Stars subscriptions: one tier at a time; each first and recurring charge sets the tier
 * and its end and grants the month's credits once; renewal can be cancelled and re-enabled.
 */
@Injectable()
export class SubscriptionsService {
  private readonly logger = new Logger(SubscriptionsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly ledger: LedgerService,
    private readonly users: UsersService,
    private readonly stars: StarsClient,
  ) {}

  get tiers(): readonly SubscriptionTierDefinition[] {
    return this.catalog.catalog.tiers;
  }

  async state(user: UserSnapshot, now = new Date()): Promise<SubscriptionState> {
    const expiresAt = user.subscriptionExpiresAt ? new Date(user.subscriptionExpiresAt) : null;
    const current = expiresAt && expiresAt > now ? this.catalog.tier(user.subscriptionTier) : undefined;
    const latest = current ? await this.ledger.latestSubscription(user.id) : null;
    return { tier: current, expiresAt: current ? expiresAt : null, renewalCanceled: latest?.metadata?.renewalCanceled === true };
  }

  /** A subscription invoice link for the tier (Telegram renews it every 30 days until cancelled). */
  async createLink(user: UserSnapshot, tierKey: string, title: string, description: string): Promise<string | undefined> {
    const tier = this.catalog.tier(tierKey as SubscriptionTier);
    if (!tier) return undefined;
    const payload = encodePayload({
      kind: 'subscription',
      tier: tier.key,
      stars: tier.stars,
      telegramUserId: user.telegramId,
      issuedAt: Math.floor(Date.now() / 1000),
    });
    return this.stars.createSubscriptionInvoiceLink({
      title,
      description,
      payload,
      currency: 'XTR',
      prices: [{ label: title, amount: tier.stars }],
      subscription_period: SUBSCRIPTION_PERIOD_SECONDS,
    });
  }

  async checkPreCheckout(payerTelegramId: string, payloadText: string, totalAmount: number, now = new Date()): Promise<PreCheckoutVerdict> {
    const payload = decodePayload(payloadText);
    if (!payload || payload.kind !== 'subscription') return { ok: false, reason: 'pay.refused.unknown' };
    if (payload.telegramUserId !== payerTelegramId) return { ok: false, reason: 'pay.refused.otherUser' };
    const tier = this.catalog.tier(payload.tier as SubscriptionTier);
    if (!tier || tier.stars !== payload.stars || totalAmount !== payload.stars) return { ok: false, reason: 'pay.refused.priceChanged' };
    if (payload.issuedAt * 1000 + INVOICE_LIFETIME_MS < now.getTime()) return { ok: false, reason: 'pay.refused.expired' };
    const user = await this.users.findByTelegramId(payerTelegramId);
    if (!user || user.status !== 'active') return { ok: false, reason: 'pay.refused.inactive' };
    return { ok: true };
  }

  /** A first or recurring subscription charge: tier, end date and the month's credits, once per charge. */
  async applyPayment(user: User, payment: SuccessfulStarPayment): Promise<SubscriptionOutcome> {
    const payload = decodePayload(payment.invoice_payload);
    if (!payload || payload.kind !== 'subscription') return { kind: 'unknown' };
    const tier = this.catalog.tier(payload.tier as SubscriptionTier);
    if (!tier) return { kind: 'unknown' };
    if (await this.ledger.findCharge(payment.telegram_payment_charge_id)) return { kind: 'duplicate' };
    const expiresAt = payment.subscription_expiration_date
      ? new Date(payment.subscription_expiration_date * 1000)
      : new Date(Date.now() + SUBSCRIPTION_PERIOD_SECONDS * 1000);
    const previous = await this.ledger.latestSubscription(user.id);
    const renewal = payment.is_recurring === true && payment.is_first_recurring !== true && previous?.metadata?.tier === tier.key;
    // Telegram names a subscription by its first charge; renewals carry that id forward.
    const subscriptionChargeId = renewal
      ? String(previous!.metadata?.subscriptionChargeId ?? previous!.paymentReference)
      : payment.telegram_payment_charge_id;
    let moved;
    try {
      moved = await this.dataSource.transaction(async (manager) => {
        await this.users.setSubscription(manager, user.id, tier.key, expiresAt);
        return this.ledger.move(manager, {
          userId: user.id,
          amount: tier.monthlyCredits,
          type: 'subscription',
          provider: STARS_PROVIDER,
          reference: payment.telegram_payment_charge_id,
          metadata: {
            tier: tier.key,
            stars: payment.total_amount,
            expiresAt: expiresAt.toISOString(),
            recurring: renewal,
            subscriptionChargeId,
          },
        });
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') return { kind: 'duplicate' };
      throw error;
    }
    await this.users.forget(user.telegramId);
    await this.cancelOtherTier(user, previous, tier.key);
    return { kind: 'granted', tier: tier.key, credits: tier.monthlyCredits, balance: moved.balance, expiresAt, renewal: true };
  }

  /** Cancels or re-enables the renewal of the user's current subscription. */
  async setRenewal(user: UserSnapshot, enabled: boolean): Promise<boolean> {
    const latest = await this.ledger.latestSubscription(user.id);
    if (!latest?.paymentReference) return false;
    await this.stars.editUserStarSubscription(Number(user.telegramId), this.subscriptionId(latest), !enabled);
    await this.ledger.mergeMetadata(this.dataSource.manager, latest.id, { renewalCanceled: !enabled });
    return true;
  }

  /** Suspension and /deleteme stop the renewal too (the month already paid runs out). */
  async cancelRenewal(userId: number, telegramId: string): Promise<void> {
    const latest = await this.ledger.latestSubscription(userId);
    if (!latest?.paymentReference || latest.metadata?.renewalCanceled === true) return;
    try {
      await this.stars.editUserStarSubscription(Number(telegramId), this.subscriptionId(latest), true);
      await this.ledger.mergeMetadata(this.dataSource.manager, latest.id, { renewalCanceled: true });
    } catch (error) {
      this.logger.warn(`Could not cancel the renewal of user ${userId}: ${(error as Error).message}`);
    }
  }

  /** Scheduled: tiers whose month ended lose their benefits; the credits granted stay. */
  async lapse(now = new Date()): Promise<number> {
    const lapsed = await this.users.lapseSubscriptions(this.dataSource.manager, now);
    for (const user of lapsed) await this.users.forget(String(user.telegram_id));
    return lapsed.length;
  }

  private subscriptionId(charge: Transaction): string {
    return String(charge.metadata?.subscriptionChargeId ?? charge.paymentReference);
  }

  private async cancelOtherTier(user: User, previous: Transaction | null, newTier: SubscriptionTier): Promise<void> {
    if (!previous?.paymentReference || previous.metadata?.tier === newTier || previous.metadata?.renewalCanceled === true) return;
    try {
      await this.stars.editUserStarSubscription(Number(user.telegramId), this.subscriptionId(previous), true);
      await this.ledger.mergeMetadata(this.dataSource.manager, previous.id, { renewalCanceled: true, replacedBy: newTier });
    } catch (error) {
      this.logger.warn(`Could not cancel the old tier's renewal for user ${user.id}: ${(error as Error).message}`);
    }
  }
}
