import { setTimeout as sleep } from 'node:timers/promises';
import { MetricsService } from 'src/metrics/metrics.service';
import { StarsPayments } from 'src/payments/stars-payments';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { ATTEMPTS_PER_PAYMENT } from 'src/telegram/update-pipeline';
import { say } from '../support/bot-helpers';
import { forgedChargeId, startWebhookApp } from '../support/payment-forgery';
import { Player } from '../support/reading-helpers';
import { startStandIn, TestApp } from '../support/test-app';

let messageId = 950_000;

/** A message update from `user` carrying `fields` (a payment, a text). */
function messageFrom(standIn: BotApiStandIn, user: Player, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    update_id: standIn.nextUpdateId(),
    message: {
      message_id: ++messageId,
      from: { id: user.id, is_bot: false, first_name: user.first_name },
      chat: { id: user.id, type: 'private', first_name: user.first_name },
      date: Math.floor(Date.now() / 1000),
      ...fields,
    },
  };
}

function press(standIn: BotApiStandIn, user: Player, data: string): Record<string, unknown> {
  return {
    update_id: standIn.nextUpdateId(),
    callback_query: {
      id: `hostile-${++messageId}`,
      from: { id: user.id, is_bot: false, first_name: user.first_name },
      chat_instance: 'ci',
      message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: user.id, type: 'private' } },
      data,
    },
  };
}

/**
 * Updates no Telegram client sends, but a public webhook may receive (a forged press, a bug on
 * either side): each one is refused or ignored with a 200, never a 500 that Telegram retries;
 * a payment that keeps failing is parked for an operator instead of being delivered for ever.
 */
describe('hostile and poison updates', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  let parked: () => Promise<Record<string, number>>;
  const user: Player = { id: 71_001, first_name: 'Hex', language_code: 'en' };

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startWebhookApp(standIn);
    const metrics = sut.app.get(MetricsService, { strict: false });
    parked = async () =>
      Object.fromEntries((await metrics.parkedUpdates.get()).values.map((v) => [`${v.labels.type}/${v.labels.cause}`, v.value]));
    await say(standIn, user, '/start');
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  const paid = (fields: Record<string, unknown>) => ({
    successful_payment: {
      currency: 'XTR',
      total_amount: 50,
      invoice_payload: 'p1:1:credits_50:50:71001',
      telegram_payment_charge_id: forgedChargeId(),
      provider_payment_charge_id: '',
      ...fields,
    },
  });

  it('parks a payment with a 400-character charge id or an expiry of 1e15, and answers 200', async () => {
    const before = await parked();
    const long = await standIn.deliver(messageFrom(standIn, user, paid({ telegram_payment_charge_id: 'c'.repeat(400) })));
    const far = await standIn.deliver(messageFrom(standIn, user, paid({ subscription_expiration_date: 1e15, is_recurring: true })));
    expect([long.status, far.status]).toEqual([200, 200]);
    expect((await parked())['successful_payment/malformed'] - (before['successful_payment/malformed'] ?? 0)).toBe(2);
    const [{ n }] = await sut.dataSource.query(`SELECT count(*)::int AS n FROM transactions WHERE payment_reference LIKE 'ccc%'`);
    expect(n).toBe(0);
  });

  it('refuses a pre-checkout naming transaction 9999999999 instead of failing', async () => {
    const mark = standIn.mark();
    const report = await standIn.deliver({
      update_id: standIn.nextUpdateId(),
      pre_checkout_query: {
        id: 'hostile-checkout',
        from: { id: user.id, is_bot: false, first_name: user.first_name },
        currency: 'XTR',
        total_amount: 50,
        invoice_payload: 'p1:9999999999:credits_50:50:71001',
      },
    });
    expect(report.status).toBe(200);
    const answers = standIn.calls('answerPreCheckoutQuery').filter((c) => c.index >= mark);
    expect(answers.map((c) => c.params.ok)).toEqual([false]);
  });

  it(`parks a payment that fails ${ATTEMPTS_PER_PAYMENT} deliveries, tells the user, and acknowledges it`, async () => {
    const payments = sut.app.get(StarsPayments, { strict: false });
    const failing = jest.spyOn(payments, 'applyPayment').mockRejectedValue(new Error('the ledger is unreachable'));
    try {
      const before = (await parked())['successful_payment/failed'] ?? 0;
      const mark = standIn.mark();
      const update = messageFrom(standIn, user, paid({}));
      const statuses: number[] = [];
      for (let i = 0; i < ATTEMPTS_PER_PAYMENT + 1; i++) statuses.push((await standIn.deliver(update)).status ?? 0);
      expect(statuses).toEqual([...Array<number>(ATTEMPTS_PER_PAYMENT - 1).fill(500), 200, 200]);
      expect((await parked())['successful_payment/failed'] - before).toBe(1);
      const replies = standIn.calls('sendMessage').filter((c) => c.index >= mark && Number(c.params.chat_id) === user.id);
      expect(replies.map((c) => c.params.text)).toEqual([expect.stringContaining('kept for our team')]);
    } finally {
      failing.mockRestore();
    }
  });

  describe('forged button presses', () => {
    async function pressed(data: string): Promise<{ status?: number; answers: string[]; replies: string[] }> {
      const mark = standIn.mark();
      const report = await standIn.deliver(press(standIn, user, data));
      await sleep(50);
      const mine = (method: string) => standIn.calls(method).filter((c) => c.index >= mark);
      return {
        status: report.status,
        answers: mine('answerCallbackQuery').map((c) => String(c.params.text ?? '')),
        replies: mine('sendMessage').map((c) => String(c.params.text)),
      };
    }

    it('answers v1:open:3000000000 as a reading not found', async () => {
      expect(await pressed('v1:open:3000000000')).toEqual({ status: 200, answers: [''], replies: ['That reading is not available any more.'] });
    });

    it('shows the last page for v1:past:99999999, not "page 100000000 of 1"', async () => {
      // No readings: the last page is the first, which says so.
      expect(await pressed('v1:past:99999999')).toEqual({ status: 200, answers: [''], replies: ['You have no readings yet. /read to start one.'] });
    });

    it('leaves reversed cards as they are for v1:pref:reversals:maybe', async () => {
      const result = await pressed('v1:pref:reversals:maybe');
      expect(result).toEqual({ status: 200, answers: ['This button has expired. Please use the latest message.'], replies: [] });
      const [{ preferences }] = await sut.dataSource.query(`SELECT preferences FROM users WHERE telegram_id = $1`, [user.id]);
      expect(preferences.reversals).not.toBe(false);
    });
  });
});
