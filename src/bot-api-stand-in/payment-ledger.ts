import { BotApiError } from './bot-api-error';
import type { TgStarTransaction, TgTransactionPartnerUser, TgUser } from './telegram-objects.types';

export interface InvoiceRecord {
  kind: 'message' | 'link';
  chatId?: number;
  messageId?: number;
  slug?: string;
  link?: string;
  title: string;
  description: string;
  payload: string;
  currency: string;
  totalAmount: number;
  subscriptionPeriod?: number;
  /** Every parameter the bot sent with the invoice. */
  params: Record<string, unknown>;
  createdAt: number;
}

export interface ChargeRecord {
  chargeId: string;
  user: TgUser;
  amount: number;
  currency: string;
  payload: string;
  date: number;
  invoice: InvoiceRecord;
  refunded: boolean;
  refundedAt?: number;
  /** First charge id of the subscription this payment belongs to. */
  subscriptionId?: string;
  expiresAt?: number;
}

export interface SubscriptionRecord {
  firstChargeId: string;
  user: TgUser;
  invoice: InvoiceRecord;
  period: number;
  expiresAt: number;
  isCanceled: boolean;
  chargeIds: string[];
}

export interface NewCharge {
  chargeId: string;
  user: TgUser;
  invoice: InvoiceRecord;
  date: number;
  subscriptionId?: string;
  expiresAt?: number;
}

/** What a data directory keeps of the ledger between runs. */
export interface PaymentLedgerSnapshot {
  invoices: InvoiceRecord[];
  charges: ChargeRecord[];
  subscriptions: SubscriptionRecord[];
  transactions: TgStarTransaction[];
}

const INVOICE_LINK_SLUG = /(?:^|\$|slug=)([A-Za-z0-9_-]+)\/?$/;

/** Invoices the bot issued, Star payments and refunds (the bot's Star transactions), and subscriptions. */
export class PaymentLedger {
  private readonly invoicesByMessage = new Map<string, InvoiceRecord>();
  private readonly invoicesBySlug = new Map<string, InvoiceRecord>();
  private readonly charges = new Map<string, ChargeRecord>();
  private readonly subscriptions = new Map<string, SubscriptionRecord>();
  private transactions: TgStarTransaction[] = [];

  addInvoice(invoice: InvoiceRecord): void {
    if (invoice.kind === 'message') this.invoicesByMessage.set(messageKey(invoice.chatId, invoice.messageId), invoice);
    else if (invoice.slug) this.invoicesBySlug.set(invoice.slug, invoice);
  }

  invoiceForMessage(chatId: number, messageId: number): InvoiceRecord | undefined {
    return this.invoicesByMessage.get(messageKey(chatId, messageId));
  }

  /** Accepts a full link (https://t.me/$slug), "$slug" or the bare slug. */
  invoiceForLink(reference: string): InvoiceRecord | undefined {
    const slug = INVOICE_LINK_SLUG.exec(reference.trim())?.[1];
    return slug ? this.invoicesBySlug.get(slug) : undefined;
  }

  allInvoices(): InvoiceRecord[] {
    return [...this.invoicesByMessage.values(), ...this.invoicesBySlug.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  recordCharge(charge: NewCharge): ChargeRecord {
    const { invoice } = charge;
    const record: ChargeRecord = {
      chargeId: charge.chargeId,
      user: charge.user,
      amount: invoice.totalAmount,
      currency: invoice.currency,
      payload: invoice.payload,
      date: charge.date,
      invoice,
      refunded: false,
      subscriptionId: charge.subscriptionId,
      expiresAt: charge.expiresAt,
    };
    this.charges.set(record.chargeId, record);
    const partner = this.partner(record);
    if (invoice.subscriptionPeriod) partner.subscription_period = invoice.subscriptionPeriod;
    this.transactions.push({ id: record.chargeId, amount: record.amount, date: record.date, source: partner });
    return record;
  }

  charge(chargeId: string): ChargeRecord | undefined {
    return this.charges.get(chargeId);
  }

  allCharges(): ChargeRecord[] {
    return [...this.charges.values()];
  }

  startSubscription(first: ChargeRecord, period: number, expiresAt: number): SubscriptionRecord {
    const subscription: SubscriptionRecord = {
      firstChargeId: first.chargeId,
      user: first.user,
      invoice: first.invoice,
      period,
      expiresAt,
      isCanceled: false,
      chargeIds: [first.chargeId],
    };
    this.subscriptions.set(first.chargeId, subscription);
    return subscription;
  }

  /**
   * Records a recurring payment: Telegram charges when the paid period ends, so the renewal
   * played at `date` ends that period there and pays for one more from it.
   */
  recordRenewal(subscription: SubscriptionRecord, chargeId: string, date: number): ChargeRecord {
    subscription.expiresAt = date + subscription.period;
    subscription.chargeIds.push(chargeId);
    return this.recordCharge({
      chargeId,
      user: subscription.user,
      invoice: subscription.invoice,
      date,
      subscriptionId: subscription.firstChargeId,
      expiresAt: subscription.expiresAt,
    });
  }

  /** The subscription a charge (first or renewal) belongs to. */
  subscription(chargeId: string): SubscriptionRecord | undefined {
    const subscriptionId = this.charges.get(chargeId)?.subscriptionId ?? chargeId;
    return this.subscriptions.get(subscriptionId);
  }

  /** Throws Telegram's errors for unknown or already refunded charges. */
  refund(userId: number, chargeId: string, date: number): ChargeRecord {
    const charge = this.charges.get(chargeId);
    if (!charge) throw BotApiError.badRequest('CHARGE_NOT_FOUND');
    if (charge.user.id !== userId) throw BotApiError.badRequest('USER_ID_INVALID');
    if (charge.refunded) throw BotApiError.badRequest('CHARGE_ALREADY_REFUNDED');
    charge.refunded = true;
    charge.refundedAt = date;
    this.transactions.push({ id: charge.chargeId, amount: charge.amount, date, receiver: this.partner(charge) });
    return charge;
  }

  setSubscriptionCanceled(userId: number, chargeId: string, isCanceled: boolean): SubscriptionRecord {
    if (!this.charges.has(chargeId)) throw BotApiError.badRequest('CHARGE_NOT_FOUND');
    const subscription = this.subscription(chargeId);
    if (!subscription) throw BotApiError.badRequest('SUBSCRIPTION_NOT_FOUND');
    if (subscription.user.id !== userId) throw BotApiError.badRequest('USER_ID_INVALID');
    subscription.isCanceled = isCanceled;
    return subscription;
  }

  starTransactions(offset: number, limit: number): TgStarTransaction[] {
    return structuredClone(this.transactions.slice(offset, offset + limit));
  }

  clear(): void {
    this.invoicesByMessage.clear();
    this.invoicesBySlug.clear();
    this.charges.clear();
    this.subscriptions.clear();
    this.transactions = [];
  }

  snapshot(): PaymentLedgerSnapshot {
    return {
      invoices: this.allInvoices(),
      charges: this.allCharges(),
      subscriptions: [...this.subscriptions.values()],
      transactions: this.transactions,
    };
  }

  restore(snapshot: PaymentLedgerSnapshot): void {
    this.clear();
    for (const invoice of snapshot.invoices) this.addInvoice(invoice);
    for (const charge of snapshot.charges) this.charges.set(charge.chargeId, charge);
    for (const subscription of snapshot.subscriptions) this.subscriptions.set(subscription.firstChargeId, subscription);
    this.transactions = [...snapshot.transactions];
  }

  private partner(charge: ChargeRecord): TgTransactionPartnerUser {
    return { type: 'user', transaction_type: 'invoice_payment', user: charge.user, invoice_payload: charge.payload };
  }
}

function messageKey(chatId: number | undefined, messageId: number | undefined): string {
  return `${chatId}:${messageId}`;
}
