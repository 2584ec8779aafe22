import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogService } from 'src/catalog/catalog.service';
import { CreditPackage } from 'src/catalog/catalog';
import { isUniqueViolation } from 'src/database/unique-violation';
import { MetricsService } from 'src/metrics/metrics.service';
import { User } from 'src/users/user.entity';
import { UserSnapshot } from 'src/users/user-snapshot';
import { UsersService } from 'src/users/users.service';
import { encodePayload, PackagePayload } from './invoice-payload';
import { LedgerService, STARS_PROVIDER } from './ledger.service';
import { ChargeClaim, invoiceVerdict, isInvoiceOf, PaymentClaim, PaymentOutcome, refusal, StarsProduct, Verdict } from './stars-product';
import { Transaction } from './transaction.entity';

export interface PackageOffer {
  key: string;
  stars: number;
  credits: number;
  bonusCredits: number;
}

/**
 * Credit packages for Stars, in the seed's payment flow: validate (the invoice and the
 * pre-checkout), let Telegram take the payment, then check the charge against the invoice row,
 * grant the credits and record the transaction in one database transaction, exactly once per
 * charge, and refresh the cache.
 */
@Injectable()
export class PurchasesService implements StarsProduct<PackagePayload> {
  readonly kind = 'package';
  readonly grantType = 'purchase';

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
  invoiceFailed(transactionId: number, reason: string): Promise<void> {
    return this.ledger.failPending(transactionId, reason);
  }

  async checkPreCheckout(claim: PaymentClaim, payload: PackagePayload, payer: User, now: Date): Promise<Verdict> {
    const invoice = await this.invoiceOf(payload, payer);
    if (!invoice) return refusal('invoice');
    if (claim.totalAmount !== payload.stars) return refusal('amount');
    const pkg = this.catalog.packages.find((p) => p.key === payload.packageKey);
    if (!pkg || pkg.stars !== payload.stars) return refusal('price_changed');
    return invoiceVerdict(invoice, now);
  }

  /**
   * A charge of one of this user's invoices, for its price: its credits are granted exactly once
   * per charge id. The first charge settles the pending row; a charge that raced past
   * pre-checkout onto an invoice already settled or expired is real money, so it is a purchase
   * of its own on the same terms.
   */
  async applyPayment(claim: ChargeClaim, payload: PackagePayload, payer: User): Promise<PaymentOutcome> {
    const invoice = await this.invoiceOf(payload, payer);
    if (!invoice) return { kind: 'refused', refusal: 'invoice' };
    if (claim.totalAmount !== payload.stars) return { kind: 'refused', refusal: 'amount' };
    if (await this.ledger.findCharge(claim.chargeId)) return { kind: 'duplicate' };
    try {
      const outcome = await this.dataSource.transaction(async (manager) => {
        const settled = await this.ledger.settlePending(manager, invoice.id, claim.chargeId, { charged: claim.totalAmount });
        if (settled) return settled;
        return this.ledger.move(manager, {
          userId: payer.id,
          amount: invoice.amount,
          type: 'purchase',
          provider: STARS_PROVIDER,
          reference: claim.chargeId,
          metadata: { ...invoice.metadata, charged: claim.totalAmount, invoice: invoice.id },
        });
      });
      this.metrics.payments.inc({ kind: 'purchase', outcome: 'granted' });
      return { kind: 'granted', product: 'package', credits: outcome.transaction.amount, balance: outcome.balance };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      this.metrics.payments.inc({ kind: 'purchase', outcome: 'duplicate' });
      return { kind: 'duplicate' };
    }
  }

  async onRefund(): Promise<void> {
    // The credits are taken back by the refund row; a package leaves nothing else behind.
  }

  grantProblem(grant: Transaction, payload: PackagePayload, stars: number): string | undefined {
    const meta = grant.metadata ?? {};
    if (grant.type !== 'purchase' || meta.package !== payload.packageKey) return `grants ${grant.type} ${String(meta.package)} for a charge of ${payload.packageKey}`;
    if (meta.stars !== stars || payload.stars !== stars) return `records ${String(meta.stars)} Stars for a charge of ${stars}`;
    const credits = Number(meta.credits) + Number(meta.bonusCredits ?? 0);
    if (grant.amount !== credits) return `grants ${grant.amount} credits for a package of ${credits}`;
    return undefined;
  }

  private async invoiceOf(payload: PackagePayload, payer: User): Promise<Transaction | undefined> {
    const row = await this.ledger.findById(payload.transactionId);
    return isInvoiceOf(row, payer.id, 'purchase', { package: payload.packageKey, stars: payload.stars }) ? row : undefined;
  }
}
