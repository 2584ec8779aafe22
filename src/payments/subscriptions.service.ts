import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogService } from 'src/catalog/catalog.service';
import { SubscriptionTierDefinition } from 'src/catalog/catalog';
import { isUniqueViolation } from 'src/database/unique-violation';
import { SubscriptionTier, User } from 'src/users/user.entity';
import { UserSnapshot } from 'src/users/user-snapshot';
import { UsersService } from 'src/users/users.service';
import { encodePayload, SubscriptionPayload } from './invoice-payload';
import { LedgerService, STARS_PROVIDER } from './ledger.service';
import {
  ACCEPTED,
  ChargeClaim,
  invoiceVerdict,
  isInvoiceOf,
  PaymentClaim,
  PaymentOutcome,
  refusal,
  STARS_CURRENCY,
  StarsProduct,
  starsOf,
  Verdict,
} from './stars-product';
import { StarsClient } from 'src/telegram/stars-client';
import { SubscriptionRenewals } from './subscription-renewals';
import { Transaction } from './transaction.entity';

export const SUBSCRIPTION_PERIOD_SECONDS = 2_592_000;
/** How far Telegram's clock may run ahead of ours when it dates a subscription's end. */
const CLOCK_SKEW_MS = 3600_000;

export interface CurrentTier {
  tier: SubscriptionTierDefinition;
  until: Date;
}

export type LinkResult =
  | { kind: 'link'; link: string; replaces?: CurrentTier }
  | { kind: 'same_tier'; current: CurrentTier }
  | { kind: 'unknown' };

/**
 * 30-day Stars subscriptions: one tier at a time. A link records a pending `subscription` row;
 * each first and recurring charge, checked against that row, sets the tier and its end and
 * grants the month's credits once.
 */
@Injectable()
export class SubscriptionsService implements StarsProduct<SubscriptionPayload> {
  readonly kind = 'subscription';
  readonly grantType = 'subscription';

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly ledger: LedgerService,
    private readonly users: UsersService,
    private readonly stars: StarsClient,
    private readonly renewals: SubscriptionRenewals,
  ) {}

  get tiers(): readonly SubscriptionTierDefinition[] {
    return this.catalog.catalog.tiers;
  }

  /** The user's tier while it is paid for. */
  current(user: { subscriptionTier: SubscriptionTier | null; subscriptionExpiresAt: string | Date | null }, now = new Date()): CurrentTier | undefined {
    const until = user.subscriptionExpiresAt ? new Date(user.subscriptionExpiresAt) : null;
    const tier = until && until > now ? this.catalog.tier(user.subscriptionTier) : undefined;
    return tier && until ? { tier, until } : undefined;
  }

  /**
   * A subscription invoice link for the tier (Telegram renews it every 30 days until cancelled),
   * recorded as a pending row; none for the tier the user already has.
   */
  async createLink(user: UserSnapshot, tierKey: string, title: string, description: string): Promise<LinkResult> {
    const tier = this.catalog.tier(tierKey as SubscriptionTier);
    if (!tier) return { kind: 'unknown' };
    const current = this.current(user);
    if (current?.tier.key === tier.key) return { kind: 'same_tier', current };
    const invoice = await this.ledger.record(this.dataSource.manager, {
      userId: user.id,
      amount: tier.monthlyCredits,
      type: 'subscription',
      status: 'pending',
      provider: STARS_PROVIDER,
      metadata: { tier: tier.key, stars: tier.stars, credits: tier.monthlyCredits },
    });
    const payload = encodePayload({ kind: 'subscription', transactionId: invoice.id, tier: tier.key, stars: tier.stars, telegramUserId: user.telegramId, issuedAt: null });
    try {
      const link = await this.stars.createSubscriptionInvoiceLink({
        title,
        description,
        payload,
        currency: STARS_CURRENCY,
        prices: [{ label: title, amount: tier.stars }],
        subscription_period: SUBSCRIPTION_PERIOD_SECONDS,
      });
      return { kind: 'link', link, replaces: current };
    } catch (error) {
      await this.ledger.failPending(invoice.id, (error as Error).message);
      throw error;
    }
  }

  async checkPreCheckout(claim: PaymentClaim, payload: SubscriptionPayload, payer: User, now: Date): Promise<Verdict> {
    const invoice = await this.invoiceOf(payload, payer);
    if (invoice === undefined) return refusal('invoice');
    if (claim.totalAmount !== payload.stars) return refusal('amount');
    const tier = this.catalog.tier(payload.tier as SubscriptionTier);
    if (!tier || tier.stars !== payload.stars) return refusal('price_changed');
    // An `s1` link has no row to settle: its first charge is no longer taken (renewals need no pre-checkout).
    const verdict = invoice ? invoiceVerdict(invoice, now) : refusal('expired');
    if (!verdict.ok) return verdict;
    const current = this.current(payer, now);
    if (current?.tier.key === tier.key) return refusal('same_tier', { tier: tier.key, until: current.until });
    return ACCEPTED;
  }

  /**
   * A first or recurring charge of one of this user's links, for its price, ending at most one
   * period after the paid month: the tier, its end and the month's credits, once per charge.
   */
  async applyPayment(claim: ChargeClaim, payload: SubscriptionPayload, payer: User, now: Date): Promise<PaymentOutcome> {
    const invoice = await this.invoiceOf(payload, payer);
    const anchor = invoice === null ? await this.renewedCharge(payload, payer) : invoice;
    const credits = invoice ? invoice.amount : this.catalog.tier(payload.tier as SubscriptionTier)?.monthlyCredits;
    if (!anchor || credits === undefined) return { kind: 'refused', refusal: 'invoice' };
    if (claim.totalAmount !== payload.stars) return { kind: 'refused', refusal: 'amount' };
    const expiresAt = claim.subscriptionExpiresAt ?? new Date(now.getTime() + SUBSCRIPTION_PERIOD_SECONDS * 1000);
    if (expiresAt > this.latestEnd(payer, now)) return { kind: 'refused', refusal: 'expiry' };
    if (await this.ledger.findCharge(claim.chargeId)) return { kind: 'duplicate' };
    const tier = payload.tier as SubscriptionTier;
    const term = { tier, credits, expiresAt, now };
    const previous = await this.ledger.latestSubscription(payer.id);
    let moved;
    try {
      moved = await this.dataSource.transaction((manager) => this.grant(manager, claim, payer, anchor, term));
    } catch (error) {
      if (isUniqueViolation(error)) return { kind: 'duplicate' };
      throw error;
    }
    await this.renewals.cancelOtherTier(payer, previous, tier);
    return { kind: 'granted', product: 'subscription', tier, credits, balance: moved.balance, expiresAt, renewal: moved.renewal };
  }

  async onRefund(manager: EntityManager, _grant: Transaction, user: User): Promise<void> {
    await this.users.setSubscription(manager, user.id, null, null);
  }

  grantProblem(grant: Transaction, payload: SubscriptionPayload, stars: number): string | undefined {
    const meta = grant.metadata ?? {};
    if (grant.type !== 'subscription' || meta.tier !== payload.tier) return `grants ${grant.type} ${String(meta.tier)} for a charge of ${payload.tier}`;
    if (starsOf(grant) !== stars || payload.stars !== stars) return `records ${starsOf(grant)} Stars for a charge of ${stars}`;
    const credits = Number(meta.credits ?? this.catalog.tier(payload.tier as SubscriptionTier)?.monthlyCredits);
    if (grant.amount !== credits) return `grants ${grant.amount} credits for a month of ${credits}`;
    return undefined;
  }

  private async grant(
    manager: EntityManager,
    claim: ChargeClaim,
    payer: User,
    /** The link's row (pending until its first charge), or for an `s1` charge an earlier charge of its subscription. */
    anchor: Transaction,
    term: { tier: SubscriptionTier; credits: number; expiresAt: Date; now: Date },
  ): Promise<{ balance: number; renewal: boolean }> {
    // A charge reported late (reconciliation) grants its credits without bringing back an ended month.
    if (term.expiresAt > term.now) await this.users.setSubscription(manager, payer.id, term.tier, term.expiresAt);
    const dates = { charged: claim.totalAmount, expiresAt: term.expiresAt.toISOString() };
    const settled = await this.ledger.settlePending(manager, anchor.id, claim.chargeId, { ...dates, recurring: false, subscriptionChargeId: claim.chargeId });
    if (settled) return { balance: settled.balance, renewal: false };
    // A later charge: Telegram names the subscription by its first charge.
    const moved = await this.ledger.move(manager, {
      userId: payer.id,
      amount: term.credits,
      type: 'subscription',
      provider: STARS_PROVIDER,
      reference: claim.chargeId,
      metadata: {
        tier: term.tier,
        stars: claim.totalAmount,
        credits: term.credits,
        ...dates,
        recurring: true,
        subscriptionChargeId: String(anchor.metadata?.subscriptionChargeId ?? anchor.paymentReference),
        renews: anchor.id,
      },
    });
    return { balance: moved.balance, renewal: true };
  }

  /** A subscription ends at most one period after the month already paid (or after now), give or take clock skew. */
  private latestEnd(payer: User, now: Date): Date {
    const paidUntil = Math.max(now.getTime(), payer.subscriptionExpiresAt?.getTime() ?? 0);
    return new Date(paidUntil + SUBSCRIPTION_PERIOD_SECONDS * 1000 + CLOCK_SKEW_MS);
  }

  /** For an `s1` charge (its link has no row): an earlier charge of the subscription it renews, same tier and Stars. */
  private async renewedCharge(payload: SubscriptionPayload, payer: User): Promise<Transaction | undefined> {
    const earlier = await this.ledger.latestSubscription(payer.id, payload.tier);
    return earlier && starsOf(earlier) === payload.stars ? earlier : undefined;
  }

  /**
   * The link's row when it matches this user, tier and price; null for an `s1` link (it has no
   * row: only the renewals of a subscription already granted are taken); undefined when it does
   * not match.
   */
  private async invoiceOf(payload: SubscriptionPayload, payer: User): Promise<Transaction | null | undefined> {
    if (payload.transactionId === null) return this.catalog.tier(payload.tier as SubscriptionTier) ? null : undefined;
    const row = await this.ledger.findById(payload.transactionId);
    return isInvoiceOf(row, payer.id, 'subscription', { tier: payload.tier, stars: payload.stars }) ? row : undefined;
  }
}
