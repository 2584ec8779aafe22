import { setTimeout as sleep } from 'node:timers/promises';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { CallRecord } from 'src/bot-api-stand-in/stand-in-api.types';
import { eventually } from '../support/eventually';
import { auditThroughApi, integrityProblems, seededRandom, starsAuditThroughApi } from '../support/fault-checks';
import { FaultEnvironment, describeFault, prepareFaultEnvironment } from '../support/fault-environment';
import { WebhookRelay } from '../support/fault-webhook-relay';
import { Player, waitForDelivery } from '../support/reading-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp, WEBHOOK_SECRET } from '../support/test-app';

const USERS: Player[] = Array.from({ length: 6 }, (_, i) => ({ id: 70_001 + i, first_name: `Twice${i + 1}`, language_code: 'en' }));
const ANSWERS = ['My partner of five years', 'Five years', 'Where we will live', 'That we stay kind to each other'];
/** How long to keep watching for a late second answer once the expected ones arrived. */
const SETTLE_MS = 150;

/**
 * Every update of a mixed run (registration, balance, a purchase with its pre-checkout and
 * payment, a questionnaire reading) reaches the bot twice, in a shuffled order, on either of
 * two instances: each must still be handled exactly once.
 */
describeFault('redelivery: every update delivered twice, shuffled, across two instances', () => {
  let environment: FaultEnvironment;
  let standIn: BotApiStandIn;
  let a: TestApp;
  let b: TestApp;
  let relay: WebhookRelay;
  let apiUrl: string;

  beforeAll(async () => {
    environment = await prepareFaultEnvironment('redelivery');
    standIn = await startStandIn();
    const env = { BOT_MODE: 'webhook', WEBHOOK_URL: 'https://faults.example.test/hook', WEBHOOK_SECRET };
    a = await startTestApp(environment, standIn, env);
    b = await startTestApp(environment, standIn, env);
    apiUrl = await a.listen();
    const hooks = [`${apiUrl}/telegram/webhook`, `${await b.listen()}/telegram/webhook`];
    relay = new WebhookRelay(standIn, hooks, WEBHOOK_SECRET, seededRandom(7));
    standIn.redirectWebhook(await relay.start());
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await relay?.stop();
    await standIn?.stop();
    await environment?.dispose();
  });

  function callsTo(method: string, user: Player, mark: number): CallRecord[] {
    return standIn.calls(method).filter((c) => c.index >= mark && c.ok && Number(c.params.chat_id) === user.id);
  }

  function messagesTo(user: Player, mark: number): string[] {
    return callsTo('sendMessage', user, mark).map((c) => String(c.params.text));
  }

  /**
   * One step of the run for every user at once: the users act (the relay keeps the updates),
   * then every update is delivered twice, shuffled, and each user must get exactly `expected`
   * (a predicate per expected message), and nothing more once things settled. `counted` narrows
   * the messages looked at (the last answer's reading is written and sent outside the handler).
   */
  async function step(
    act: (user: Player) => Promise<unknown>,
    expected: ((text: string) => boolean)[],
    updatesPerUser = 1,
    counted: (text: string) => boolean = () => true,
  ): Promise<void> {
    await Promise.all(USERS.map(act));
    const updates = relay.take();
    expect(updates).toHaveLength(USERS.length * updatesPerUser);
    const mark = standIn.mark();
    const deliveries = await relay.deliverTwice(updates);
    expect(deliveries.filter((d) => d.status !== 200)).toEqual([]);
    expect(deliveries).toHaveLength(updates.length * 2);
    const check = () => {
      for (const user of USERS) {
        const texts = messagesTo(user, mark).filter(counted);
        expect({ user: user.id, count: texts.length }).toEqual({ user: user.id, count: expected.length });
        for (const matches of expected) expect({ user: user.id, texts, found: texts.some(matches) }).toMatchObject({ found: true });
      }
    };
    await eventually(async () => check(), 5000);
    await sleep(SETTLE_MS);
    check();
  }

  function botMessageWithButton(user: Player, data: string): number {
    const message = standIn
      .messagesTo(user.id)
      .filter((m) => m.reply_markup?.inline_keyboard.flat().some((button) => button.callback_data === data))
      .at(-1);
    if (!message) throw new Error(`no message to ${user.id} with a "${data}" button`);
    return message.message_id;
  }

  async function userRow(user: Player) {
    const { rows } = await environment.sql.query(`SELECT id, credits FROM users WHERE telegram_id = $1`, [user.id]);
    return rows[0] as { id: number; credits: number };
  }

  it('registers each user once, with one welcome grant', async () => {
    await step((user) => standIn.sendText(user, '/start'), [(t) => t.includes('Welcome,')]);
    const { rows } = await environment.sql.query(
      `SELECT u.telegram_id, u.credits, count(t.id)::int AS grants FROM users u LEFT JOIN transactions t ON t.user_id = u.id
       GROUP BY u.id ORDER BY u.telegram_id`,
    );
    expect(rows).toEqual(USERS.map((u) => ({ telegram_id: String(u.id), credits: 5, grants: 1 })));
  });

  it('answers /balance and /buy once each', async () => {
    await step(
      async (user) => {
        await standIn.sendText(user, '/balance');
        await standIn.sendText(user, '/buy');
      },
      [(t) => t.startsWith('You have <b>5 credits</b>'), (t) => t.includes('Buy credits with Telegram Stars')],
      2,
    );
  });

  it('sends one invoice per press of a package button, and records one pending purchase', async () => {
    const mark = standIn.mark();
    await step((user) => standIn.pressButton(user, botMessageWithButton(user, 'v1:buy:credits_50'), 'v1:buy:credits_50'), []);
    for (const user of USERS) expect({ user: user.id, invoices: callsTo('sendInvoice', user, mark).length }).toEqual({ user: user.id, invoices: 1 });
    const answers = standIn.calls('answerCallbackQuery').filter((c) => c.index >= mark);
    expect(answers).toHaveLength(USERS.length);
    expect(answers.every((c) => c.ok)).toBe(true);
    const { rows } = await environment.sql.query(`SELECT count(*)::int AS n FROM transactions WHERE status = 'pending'`);
    expect(rows[0].n).toBe(USERS.length);
  });

  it('answers each pre-checkout once and grants each charge once', async () => {
    const mark = standIn.mark();
    // The stand-in waits for the pre-checkout answer: those go out twice right away; the payments are kept and shuffled.
    relay.policy = (update) => ('pre_checkout_query' in update ? 'duplicate' : 'capture');
    const payments = await Promise.all(
      USERS.map((user) => {
        const invoice = standIn.messagesTo(user.id).filter((m) => m.invoice).at(-1)!;
        return standIn.payInvoice(user, invoice.message_id);
      }),
    );
    relay.policy = () => 'capture';
    expect(payments.map((p) => p.ok)).toEqual(USERS.map(() => true));
    const answers = standIn.calls('answerPreCheckoutQuery').filter((c) => c.index >= mark);
    expect(answers).toHaveLength(USERS.length);
    expect(new Set(answers.map((c) => c.params.pre_checkout_query_id)).size).toBe(USERS.length);
    expect(relay.deliveries.filter((d) => payments.some((p) => p.preCheckoutUpdate?.update_id === d.updateId))).toHaveLength(USERS.length * 2);

    // The successful payments the relay kept: one per user, now delivered twice each.
    await step(async () => undefined, [(t) => t.includes('Thank you! <b>50</b> credits were added')]);
    for (const [i, user] of USERS.entries()) {
      const { rows } = await environment.sql.query(
        `SELECT count(*)::int AS n, min(status) AS status FROM transactions WHERE payment_reference = $1`,
        [payments[i].chargeId],
      );
      expect(rows[0]).toEqual({ n: 1, status: 'completed' });
      expect((await userRow(user)).credits).toBe(55);
    }
  });

  it('runs a questionnaire reading with every step delivered twice, and charges it once', async () => {
    await step((user) => standIn.sendText(user, '/read'), [(t) => t.includes('Choose a spread')]);
    await step(
      (user) => standIn.pressButton(user, botMessageWithButton(user, 'v1:spread:relationship'), 'v1:spread:relationship'),
      [(t) => t.includes('Relationship')],
    );
    await step((user) => standIn.sendText(user, 'Will we stay together?'), [(t) => t.includes('<b>1/4.</b>')]);
    for (const [i, answer] of ANSWERS.entries()) {
      const last = i === ANSWERS.length - 1;
      const reply = (t: string) => (last ? t.includes('Shuffling the deck') : t.includes(`<b>${i + 2}/4.</b>`));
      await step((user) => standIn.sendText(user, answer), [reply], 1, last ? reply : undefined);
    }
    // The reading is written outside the handlers: wait for every delivery, then for anything late.
    const mark = 0; // the whole run: no reading was delivered before this one
    await Promise.all(USERS.map((user) => waitForDelivery(standIn, user.id, mark, 15_000)));
    await sleep(SETTLE_MS * 2);
    for (const user of USERS) {
      const delivered = messagesTo(user, mark).filter((t) => t.includes('credits spent'));
      expect({ user: user.id, delivered: delivered.length }).toEqual({ user: user.id, delivered: 1 });
      const { id, credits } = await userRow(user);
      expect(credits).toBe(5 + 50 - 12);
      const { rows: readings } = await environment.sql.query(`SELECT id, status FROM readings WHERE user_id = $1`, [id]);
      expect(readings.map((r) => r.status)).toEqual(['completed']);
      const { rows: costs } = await environment.sql.query(
        `SELECT metadata->>'readingId' AS reading FROM transactions WHERE user_id = $1 AND type = 'reading_cost'`,
        [id],
      );
      expect(costs).toEqual([{ reading: String(readings[0].id) }]);
    }
  }, 60_000);

  it('leaves a clean ledger and answered every update once', async () => {
    expect(await integrityProblems(environment.sql)).toEqual([]);
    expect(await auditThroughApi(apiUrl, ADMIN_TOKEN)).toMatchObject({ ok: true, users: USERS.length });
    const stars = await starsAuditThroughApi(apiUrl, ADMIN_TOKEN);
    expect({ ok: stars.ok, mismatches: stars.mismatches, paid: stars.charges > 0 }).toEqual({ ok: true, mismatches: [], paid: true });
    // Every update was delivered exactly twice and every delivery was answered 200.
    const perUpdate = new Map<number, number>();
    for (const d of relay.deliveries) perUpdate.set(d.updateId, (perUpdate.get(d.updateId) ?? 0) + 1);
    expect([...perUpdate.values()].every((n) => n === 2)).toBe(true);
    expect(relay.deliveries.every((d) => d.status === 200)).toBe(true);
    process.stdout.write(`redelivery: ${perUpdate.size} updates, ${relay.deliveries.length} deliveries, all answered 200\n`);
  });
});
