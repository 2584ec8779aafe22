/**
 * Bot API types newer than telegraf 4.16's typings, written from the official reference
 * (src/bot-api-stand-in/spec/bot-api.json, Bot API 10.1).
 */
export interface SubscriptionPaymentFields {
  subscription_expiration_date?: number;
  is_recurring?: boolean;
  is_first_recurring?: boolean;
}

export interface SuccessfulStarPayment extends SubscriptionPaymentFields {
  currency: string;
  total_amount: number;
  invoice_payload: string;
  telegram_payment_charge_id: string;
  provider_payment_charge_id: string;
}

export interface RefundedPayment {
  currency: string;
  total_amount: number;
  invoice_payload: string;
  telegram_payment_charge_id: string;
  provider_payment_charge_id?: string;
}

export interface TransactionPartnerUser {
  type: 'user';
  transaction_type: string;
  user: { id: number; is_bot: boolean; first_name: string };
  invoice_payload?: string;
  subscription_period?: number;
}

export interface TransactionPartnerOther {
  type: Exclude<string, 'user'>;
}

export interface StarTransaction {
  /** For a payment by a user, the payment's telegram_payment_charge_id; a refund carries the same id. */
  id: string;
  amount: number;
  nanostar_amount?: number;
  date: number;
  /** The paying user, for incoming payments. */
  source?: TransactionPartnerUser | TransactionPartnerOther;
  /** The refunded user, for outgoing refunds. */
  receiver?: TransactionPartnerUser | TransactionPartnerOther;
}

export interface StarTransactions {
  transactions: StarTransaction[];
}

export interface SubscriptionInvoiceLink {
  title: string;
  description: string;
  payload: string;
  currency: 'XTR';
  prices: { label: string; amount: number }[];
  subscription_period: number;
}
