import { EntityManager } from 'typeorm';
import { SubscriptionTier, User } from 'src/users/user.entity';
import { InvoicePayload } from './invoice-payload';
import { STARS_PROVIDER } from './ledger.service';
import { StarsGrantType, Transaction } from './transaction.entity';

/** Telegram Stars: the only currency of digital goods sold in a bot. */
export const STARS_CURRENCY = 'XTR';

/** An invoice can be paid for a day; the hourly job fails it after that. */
export const INVOICE_LIFETIME_MS = 24 * 3600_000;

/** What a payment update, or a line of Telegram's Stars ledger, says was paid; believed only once checked. */
export interface PaymentClaim {
  payerTelegramId: string;
  currency: string;
  totalAmount: number;
  payload: string;
  /** Absent at pre-checkout, where nothing is charged yet. */
  chargeId?: string;
  subscriptionExpiresAt?: Date;
}

export type ChargeClaim = PaymentClaim & { chargeId: string };

/** Why a payment is not applied (or a pre-checkout refused); also the metric's `reason` label. */
export type Refusal =
  | 'currency'
  | 'payload'
  | 'other_user'
  | 'unknown_user'
  | 'inactive'
  | 'invoice'
  | 'amount'
  | 'price_changed'
  | 'expired'
  | 'already_paid'
  | 'same_tier'
  | 'expiry'
  | 'unknown_charge';

export type Verdict = { ok: true } | { ok: false; refusal: Refusal; tier?: SubscriptionTier; until?: Date };

export type PaymentOutcome =
  | { kind: 'granted'; product: 'package'; credits: number; balance: number }
  | { kind: 'granted'; product: 'subscription'; tier: SubscriptionTier; credits: number; balance: number; expiresAt: Date; renewal: boolean }
  | { kind: 'duplicate' }
  | { kind: 'refused'; refusal: Refusal };

export const ACCEPTED: Verdict = { ok: true };

export function refusal(reason: Refusal, details: { tier?: SubscriptionTier; until?: Date } = {}): { ok: false; refusal: Refusal; tier?: SubscriptionTier; until?: Date } {
  return { ok: false, refusal: reason, ...details };
}

/**
 * Something sold for Stars. The router (`StarsPayments`) decodes the payload and checks what is
 * common (currency, payer); the product checks the rest against its own invoice row and grants.
 * Adding a product: its payload kind, a class implementing this, its catalogue entry and texts.
 */
export interface StarsProduct<P extends InvoicePayload = InvoicePayload> {
  readonly kind: P['kind'];
  /** The type of the ledger rows its charges grant. */
  readonly grantType: StarsGrantType;
  /** Pre-checkout: may this payer pay this invoice now? Nothing is granted. */
  checkPreCheckout(claim: PaymentClaim, payload: P, payer: User, now: Date): Promise<Verdict>;
  /** A charge: checked against the invoice row, then granted exactly once. */
  applyPayment(claim: ChargeClaim, payload: P, payer: User, now: Date): Promise<PaymentOutcome>;
  /** Inside a refund's database transaction: what else refunding one of its grants undoes. */
  onRefund(manager: EntityManager, grant: Transaction, user: User): Promise<void>;
  /** The Stars audit: how a grant differs from the charge that paid for it, or undefined. */
  grantProblem(grant: Transaction, payload: P, stars: number): string | undefined;
}

/**
 * Whether `row` is this user's Stars invoice of this type with these terms (package or tier,
 * Stars): never an operator's grant, a reading's cost, a refund or someone else's invoice.
 */
export function isInvoiceOf(row: Transaction | null, userId: number, type: StarsGrantType, terms: Record<string, string | number>): row is Transaction {
  return (
    row !== null &&
    row.userId === userId &&
    row.type === type &&
    row.paymentProvider === STARS_PROVIDER &&
    Object.entries(terms).every(([key, value]) => row.metadata?.[key] === value)
  );
}

/** Pre-checkout's view of an invoice row: still payable, paid already, or expired. */
export function invoiceVerdict(row: Transaction, now: Date): Verdict {
  if (row.status === 'completed' || row.status === 'refunded') return refusal('already_paid');
  if (row.status === 'failed' || row.createdAt.getTime() + INVOICE_LIFETIME_MS < now.getTime()) return refusal('expired');
  return ACCEPTED;
}

/** The Stars a grant was paid with: the charge's own amount when recorded, else the invoice's price. */
export function starsOf(grant: Transaction): number {
  return Number(grant.metadata?.charged ?? grant.metadata?.stars);
}
