import { DEFAULT_BOT_API_SPEC } from './bot-api-spec';
import { BotApiStandIn } from './bot-api-stand-in';
import type { TgMessage, TgStarTransaction, TgUpdate } from './telegram-objects.types';

const TOKEN = '123456789:AAE-stand-in-payments-token';
const BUYER = { id: 7001, first_name: 'Grace' };
const FRIEND = { id: 7002, first_name: 'Alan' };
const THIRTY_DAYS = 2592000;

interface ApiBody<T> {
  ok: boolean;
  result: T;
  error_code?: number;
  description?: string;
}

async function call<T = unknown>(base: string, method: string, params: Record<string, unknown> = {}): Promise<ApiBody<T>> {
  const response = await fetch(`${base}/bot${TOKEN}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return (await response.json()) as ApiBody<T>;
}

const invoiceParams = (payload: string, amount = 50) => ({
  title: 'Three-card spread',
  description: 'Past, present and future',
  payload,
  currency: 'XTR',
  prices: [{ label: 'Spread', amount }],
});

describe('BotApiStandIn payments', () => {
  let clock: number;
  let standIn: BotApiStandIn;
  let base: string;
  let offset: number;

  /** Plays the bot: long-polls until a pre_checkout_query arrives, then answers it. */
  async function answerNextPreCheckout(ok: boolean, errorMessage?: string): Promise<TgUpdate> {
    for (;;) {
      const { result } = await call<TgUpdate[]>(base, 'getUpdates', { offset, timeout: 2 });
      for (const update of result) {
        offset = update.update_id + 1;
        const query = update.pre_checkout_query;
        if (query) {
          const answer = await call(base, 'answerPreCheckoutQuery', { pre_checkout_query_id: query.id, ok, error_message: errorMessage });
          expect(answer.ok).toBe(true);
          return update;
        }
      }
    }
  }

  async function pendingUpdates(): Promise<TgUpdate[]> {
    const { result } = await call<TgUpdate[]>(base, 'getUpdates', { offset, timeout: 0 });
    return result;
  }

  async function sendInvoice(chatId: number, payload: string): Promise<number> {
    const sent = await call<TgMessage>(base, 'sendInvoice', { chat_id: chatId, ...invoiceParams(payload) });
    expect(sent.ok).toBe(true);
    return sent.result.message_id;
  }

  beforeEach(async () => {
    clock = Date.UTC(2026, 2, 1, 9, 0, 0);
    offset = 0;
    standIn = new BotApiStandIn(DEFAULT_BOT_API_SPEC, { now: () => clock });
    base = await standIn.start();
    await standIn.sendText(BUYER, '/buy');
  });

  afterEach(async () => {
    await standIn.stop();
  });

  it('shows an invoice message and completes a payment the bot approves', async () => {
    const messageId = await sendInvoice(BUYER.id, 'spread:1');
    expect(standIn.lastMessageTo(BUYER.id)?.invoice).toEqual({
      title: 'Three-card spread',
      description: 'Past, present and future',
      start_parameter: '',
      currency: 'XTR',
      total_amount: 50,
    });

    const paying = standIn.payInvoice(BUYER, messageId);
    const preCheckout = await answerNextPreCheckout(true);
    const result = await paying;

    expect(preCheckout.pre_checkout_query).toMatchObject({
      from: { id: BUYER.id },
      currency: 'XTR',
      total_amount: 50,
      invoice_payload: 'spread:1',
    });
    expect(result.ok).toBe(true);
    expect(result.chargeId).toMatch(/^stx[\w-]+$/);
    expect(result.chargeId!.length).toBeGreaterThan(100);
    const payment = result.update?.message?.successful_payment;
    expect(payment).toEqual({
      currency: 'XTR',
      total_amount: 50,
      invoice_payload: 'spread:1',
      telegram_payment_charge_id: result.chargeId,
      provider_payment_charge_id: '',
    });
    expect(await pendingUpdates()).toEqual([result.update]);

    const { result: page } = await call<{ transactions: TgStarTransaction[] }>(base, 'getStarTransactions');
    expect(page.transactions).toEqual([
      {
        id: result.chargeId,
        amount: 50,
        date: Math.floor(clock / 1000),
        source: {
          type: 'user',
          transaction_type: 'invoice_payment',
          user: expect.objectContaining({ id: BUYER.id }),
          invoice_payload: 'spread:1',
        },
      },
    ]);
  });

  it('reports a refusal and sends no successful_payment', async () => {
    const messageId = await sendInvoice(BUYER.id, 'spread:2');
    const paying = standIn.payInvoice(BUYER, messageId);
    await answerNextPreCheckout(false, 'Out of stock');
    const result = await paying;

    expect(result).toMatchObject({ ok: false, reason: 'refused', errorMessage: 'Out of stock' });
    expect(result.chargeId).toBeUndefined();
    expect(await pendingUpdates()).toEqual([]);
  });

  it('fails the payment when the answer comes after the timeout, and refuses the late answer', async () => {
    const messageId = await sendInvoice(BUYER.id, 'spread:3');
    const result = await standIn.payInvoice(BUYER, messageId, { timeoutMs: 100 });
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });

    const update = (await pendingUpdates()).find((pending) => pending.pre_checkout_query) as TgUpdate;
    const late = await call(base, 'answerPreCheckoutQuery', { pre_checkout_query_id: update.pre_checkout_query?.id, ok: true });
    expect(late).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
    offset = update.update_id + 1;
    expect(await pendingUpdates()).toEqual([]);
    expect(standIn.starTransactions()).toEqual([]);
  });

  it('refunds a charge once and knows no unknown charges', async () => {
    const messageId = await sendInvoice(BUYER.id, 'spread:4');
    const paying = standIn.payInvoice(BUYER, messageId);
    await answerNextPreCheckout(true);
    const { chargeId } = await paying;

    const refund = { user_id: BUYER.id, telegram_payment_charge_id: chargeId };
    expect(await call(base, 'refundStarPayment', refund)).toEqual({ ok: true, result: true });
    expect((await call(base, 'refundStarPayment', refund)).description).toBe('Bad Request: CHARGE_ALREADY_REFUNDED');
    expect(
      (await call(base, 'refundStarPayment', { user_id: BUYER.id, telegram_payment_charge_id: 'stxNope' })).description,
    ).toBe('Bad Request: CHARGE_NOT_FOUND');
    expect(standIn.starTransactions().map((transaction) => [transaction.id, !!transaction.source, !!transaction.receiver])).toEqual([
      [chargeId, true, false],
      [chargeId, false, true],
    ]);
  });

  it('pages Star transactions with offset and limit', async () => {
    const link = (await call<string>(base, 'createInvoiceLink', invoiceParams('pack'))).result;
    const charges: string[] = [];
    for (let index = 0; index < 3; index++) {
      const paying = standIn.payInvoice(BUYER, link);
      await answerNextPreCheckout(true);
      charges.push((await paying).chargeId!);
    }
    expect(new Set(charges).size).toBe(3);

    const page = await call<{ transactions: TgStarTransaction[] }>(base, 'getStarTransactions', { offset: 1, limit: 1 });
    expect(page.result.transactions.map((transaction) => transaction.id)).toEqual([charges[1]]);
    const rest = await call<{ transactions: TgStarTransaction[] }>(base, 'getStarTransactions', { offset: 1, limit: 500 });
    expect(rest.result.transactions.map((transaction) => transaction.id)).toEqual(charges.slice(1));
  });

  it('runs a subscription from an invoice link: first payment, renewal, cancellation', async () => {
    const link = (await call<string>(base, 'createInvoiceLink', { ...invoiceParams('sub:monthly', 300), subscription_period: THIRTY_DAYS }))
      .result;
    expect(link).toMatch(/^https:\/\/t\.me\/\$[\w-]+$/);

    const paying = standIn.payInvoice(BUYER, link);
    await answerNextPreCheckout(true);
    const first = await paying;
    const now = Math.floor(clock / 1000);
    expect(first.update?.message?.successful_payment).toMatchObject({
      total_amount: 300,
      subscription_expiration_date: now + THIRTY_DAYS,
      is_recurring: true,
      is_first_recurring: true,
    });

    clock += THIRTY_DAYS * 1000;
    const renewal = await standIn.renewSubscription(BUYER, first.chargeId!);
    expect(renewal.ok).toBe(true);
    expect(renewal.chargeId).not.toBe(first.chargeId);
    const renewed = renewal.update?.message?.successful_payment;
    expect(renewed).toMatchObject({ is_recurring: true, subscription_expiration_date: now + 2 * THIRTY_DAYS });
    expect(renewed?.is_first_recurring).toBeUndefined();

    const cancel = { user_id: BUYER.id, telegram_payment_charge_id: first.chargeId, is_canceled: true };
    expect((await call(base, 'editUserStarSubscription', cancel)).ok).toBe(true);
    expect(await standIn.renewSubscription(BUYER, first.chargeId!)).toEqual({ ok: false, reason: 'canceled' });
    const unknown = await call(base, 'editUserStarSubscription', { ...cancel, telegram_payment_charge_id: 'stxUnknown' });
    expect(unknown.error_code).toBe(400);
  });

  it('lets another user pay a forwarded invoice, and Telegram refund it', async () => {
    const messageId = await sendInvoice(BUYER.id, 'gift');
    const paying = standIn.payInvoice(FRIEND, messageId, { fromChatOf: BUYER.id });
    const preCheckout = await answerNextPreCheckout(true);
    const result = await paying;
    expect(preCheckout.pre_checkout_query?.from.id).toBe(FRIEND.id);
    expect(result.update?.message).toMatchObject({ chat: { id: FRIEND.id }, from: { id: FRIEND.id } });

    const refund = await standIn.refundFromTelegram(FRIEND, result.chargeId!);
    expect(refund.update.message?.refunded_payment).toEqual({
      currency: 'XTR',
      total_amount: 50,
      invoice_payload: 'gift',
      telegram_payment_charge_id: result.chargeId,
    });
    const again = await call(base, 'refundStarPayment', { user_id: FRIEND.id, telegram_payment_charge_id: result.chargeId });
    expect(again.description).toBe('Bad Request: CHARGE_ALREADY_REFUNDED');
  });

  it('pays over the local-mode interface', async () => {
    const messageId = await sendInvoice(BUYER.id, 'spread:5');
    const paying = fetch(`${base}/_standin/users/${BUYER.id}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message_id: messageId }),
    });
    await answerNextPreCheckout(true);
    const body = (await (await paying).json()) as { ok: boolean; charge_id: string };
    expect(body.ok).toBe(true);
    expect(body.charge_id.length).toBeGreaterThan(100);
  });
});
