import { Injectable } from '@nestjs/common';
import { User } from 'src/users/user.entity';
import { UsersService } from 'src/users/users.service';
import { decodePayload, InvoicePayload, ProductKind } from './invoice-payload';
import { PaymentRejections, PaymentSource } from './payment-rejections';
import { PurchasesService } from './purchases.service';
import { ChargeClaim, PaymentClaim, PaymentOutcome, Refusal, refusal, STARS_CURRENCY, StarsProduct, Verdict } from './stars-product';
import { SubscriptionsService } from './subscriptions.service';
import { Transaction } from './transaction.entity';

type Identified = { payload: InvoicePayload; payer: User } | { refusal: Refusal };

/**
 * The one way into a Stars product: the pre-checkout, the update handler's charges and
 * reconciliation's all come here. What every product shares is checked here (Stars as the
 * currency, a payload this bot wrote, paid by the user it names, who has an account); the
 * product checks the rest against its own invoice row. A refusal is recorded for an operator.
 */
@Injectable()
export class StarsPayments {
  private readonly products: readonly StarsProduct[];

  constructor(
    purchases: PurchasesService,
    subscriptions: SubscriptionsService,
    private readonly users: UsersService,
    private readonly rejections: PaymentRejections,
  ) {
    this.products = [purchases, subscriptions] as StarsProduct[];
  }

  async preCheckout(claim: PaymentClaim, now = new Date()): Promise<Verdict> {
    const identified = await this.identify(claim);
    let verdict: Verdict;
    if ('refusal' in identified) verdict = refusal(identified.refusal);
    else if (identified.payer.status !== 'active') verdict = refusal('inactive');
    else verdict = await this.productFor(identified.payload).checkPreCheckout(claim, identified.payload, identified.payer, now);
    if (!verdict.ok) this.reject('pre_checkout_query', verdict.refusal, claim);
    return verdict;
  }

  /** A charge: applied when it matches our rows, otherwise recorded and left alone. */
  async applyPayment(claim: ChargeClaim, source: PaymentSource, now = new Date()): Promise<PaymentOutcome> {
    const identified = await this.identify(claim);
    const outcome: PaymentOutcome =
      'refusal' in identified
        ? { kind: 'refused', refusal: identified.refusal }
        : await this.productFor(identified.payload).applyPayment(claim, identified.payload, identified.payer, now);
    if (outcome.kind === 'refused') this.reject(source, outcome.refusal, claim);
    return outcome;
  }

  /** The product whose charges a ledger row of this type grants. */
  productOfGrant(grant: Transaction): StarsProduct | undefined {
    return this.products.find((p) => p.grantType === grant.type);
  }

  productFor<P extends InvoicePayload>(payload: P): StarsProduct<P> {
    return this.products.find((p) => p.kind === (payload.kind as ProductKind)) as unknown as StarsProduct<P>;
  }

  private async identify(claim: PaymentClaim): Promise<Identified> {
    if (claim.currency !== STARS_CURRENCY) return { refusal: 'currency' };
    const payload = decodePayload(claim.payload);
    if (!payload) return { refusal: 'payload' };
    if (payload.telegramUserId !== claim.payerTelegramId) return { refusal: 'other_user' };
    const payer = await this.users.findByTelegramId(claim.payerTelegramId);
    return payer ? { payload, payer } : { refusal: 'unknown_user' };
  }

  private reject(source: PaymentSource, reason: Refusal, claim: PaymentClaim): void {
    this.rejections.record(source, reason, {
      payerTelegramId: claim.payerTelegramId,
      stars: claim.totalAmount,
      currency: claim.currency,
      chargeId: claim.chargeId,
      payload: claim.payload,
    });
  }
}
