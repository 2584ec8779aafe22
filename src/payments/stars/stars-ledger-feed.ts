import { Injectable } from '@nestjs/common';
import { StarsClient } from 'src/telegram/stars-client';
import { StarTransaction, TransactionPartnerUser } from 'src/telegram/stars-api.types';

/** The largest page getStarTransactions gives. */
export const STARS_LEDGER_PAGE = 100;

/** One line of Telegram's Stars ledger, read as this bot's money. */
export type StarsLedgerEntry =
  | { kind: 'payment'; chargeId: string; payerTelegramId: string; stars: number; payload: string; date: Date; subscriptionPeriod?: number }
  | { kind: 'refund'; chargeId: string; userTelegramId: string; stars: number }
  | { kind: 'other'; chargeId: string };

function userPartner(partner: StarTransaction['source']): TransactionPartnerUser | undefined {
  return partner?.type === 'user' ? (partner as TransactionPartnerUser) : undefined;
}

function entryOf(transaction: StarTransaction): StarsLedgerEntry {
  const payer = userPartner(transaction.source);
  if (payer?.invoice_payload) {
    return {
      kind: 'payment',
      chargeId: transaction.id,
      payerTelegramId: String(payer.user.id),
      stars: transaction.amount,
      payload: payer.invoice_payload,
      date: new Date(transaction.date * 1000),
      subscriptionPeriod: payer.subscription_period,
    };
  }
  const refunded = userPartner(transaction.receiver);
  if (refunded) return { kind: 'refund', chargeId: transaction.id, userTelegramId: String(refunded.user.id), stars: Math.abs(transaction.amount) };
  return { kind: 'other', chargeId: transaction.id };
}

/**
 * Telegram's record of the Stars the bot received and refunded (`getStarTransactions`, oldest
 * first), a page at a time: read by reconciliation from where it stopped, and by the Stars
 * audit from the start.
 */
@Injectable()
export class StarsLedgerFeed {
  constructor(private readonly stars: StarsClient) {}

  /** Pages of `size` (at most 100) from `offset` to the end; `next` is the offset after the page. */
  async *pages(offset = 0, size = STARS_LEDGER_PAGE): AsyncGenerator<{ entries: StarsLedgerEntry[]; next: number }> {
    for (;;) {
      const { transactions } = await this.stars.getStarTransactions(offset, size);
      offset += transactions.length;
      yield { entries: transactions.map(entryOf), next: offset };
      if (transactions.length < size) return;
    }
  }
}
