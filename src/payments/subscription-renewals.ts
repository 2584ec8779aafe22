import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SubscriptionTier } from 'src/users/user.entity';
import { UsersService } from 'src/users/users.service';
import { LedgerService } from './ledger.service';
import { StarsClient } from 'src/telegram/stars-client';
import { Transaction } from './transaction.entity';

/**
 * A subscription after its charge: Telegram renews it every 30 days until its renewal is
 * cancelled (by the user, a suspension, /deleteme, or a new tier); a tier whose month ran out
 * loses its benefits. Telegram names a subscription by its first charge.
 */
@Injectable()
export class SubscriptionRenewals {
  private readonly logger = new Logger(SubscriptionRenewals.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly users: UsersService,
    private readonly stars: StarsClient,
  ) {}

  /** Whether the renewal of the user's newest subscription was cancelled. */
  async renewalCanceled(userId: number): Promise<boolean> {
    return (await this.ledger.latestSubscription(userId))?.metadata?.renewalCanceled === true;
  }

  /** Cancels or re-enables the renewal of the user's current subscription. */
  async setRenewal(user: { id: number; telegramId: string }, enabled: boolean): Promise<boolean> {
    const latest = await this.ledger.latestSubscription(user.id);
    if (!latest?.paymentReference) return false;
    await this.stars.editUserStarSubscription(Number(user.telegramId), subscriptionId(latest), !enabled);
    await this.ledger.mergeMetadata(this.dataSource.manager, latest.id, { renewalCanceled: !enabled });
    return true;
  }

  /** Suspension and /deleteme stop the renewal too (the month already paid runs out). */
  async cancelRenewal(userId: number, telegramId: string): Promise<void> {
    const latest = await this.ledger.latestSubscription(userId);
    if (!latest?.paymentReference || latest.metadata?.renewalCanceled === true) return;
    try {
      await this.stars.editUserStarSubscription(Number(telegramId), subscriptionId(latest), true);
      await this.ledger.mergeMetadata(this.dataSource.manager, latest.id, { renewalCanceled: true });
    } catch (error) {
      this.logger.warn(`Could not cancel the renewal of user ${userId}: ${(error as Error).message}`);
    }
  }

  /** A new tier was paid: the old one stops renewing (its credits stay). */
  async cancelOtherTier(user: { id: number; telegramId: string }, previous: Transaction | null, newTier: SubscriptionTier): Promise<void> {
    if (!previous?.paymentReference || previous.metadata?.tier === newTier || previous.metadata?.renewalCanceled === true) return;
    try {
      await this.stars.editUserStarSubscription(Number(user.telegramId), subscriptionId(previous), true);
      await this.ledger.mergeMetadata(this.dataSource.manager, previous.id, { renewalCanceled: true, replacedBy: newTier });
    } catch (error) {
      this.logger.warn(`Could not cancel the old tier's renewal for user ${user.id}: ${(error as Error).message}`);
    }
  }

  /** Scheduled: tiers whose month ended lose their benefits; the credits granted stay. */
  async lapse(now = new Date()): Promise<number> {
    const lapsed = await this.users.lapseSubscriptions(this.dataSource.manager, now);
    return lapsed.length;
  }
}

/** The id Telegram knows a subscription by: its first charge's. */
export function subscriptionId(charge: Transaction): string {
  return String(charge.metadata?.subscriptionChargeId ?? charge.paymentReference);
}
