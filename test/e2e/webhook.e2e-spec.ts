import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { PurchasesService } from 'src/payments/purchases.service';
import { BotContext } from 'src/bot/bot-context';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { UpdatePipeline } from 'src/telegram/update-pipeline';
import { updateIdentity } from 'src/telegram/update-identity';
import { handledMark } from 'src/telegram/update-gate.service';
import type { Update } from 'telegraf/types';
import { eventually } from '../support/eventually';
import { requestInvoice } from '../support/payment-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp, WEBHOOK_SECRET } from '../support/test-app';
import { chooseSpread } from '../support/reading-helpers';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { describeNeeding } from '../support/needs-services';
import { prepareTestEnvironment } from '../support/test-environment';

const WEBHOOK_PATH = '/telegram/webhook';

/** Watches, across both app instances in this process, whether one user's updates ever overlap. */
class OverlapWatch {
  readonly inFlight = new Map<number, number>();
  maxConcurrent = 0;

  async around<T>(userId: number, work: () => Promise<T>): Promise<T> {
    const now = (this.inFlight.get(userId) ?? 0) + 1;
    this.inFlight.set(userId, now);
    this.maxConcurrent = Math.max(this.maxConcurrent, now);
    try {
      await sleep(15);
      return await work();
    } finally {
      this.inFlight.set(userId, this.inFlight.get(userId)! - 1);
    }
  }
}

describeNeeding(['Redis'], 'webhook mode with two app instances', () => {
  let standIn: BotApiStandIn;
  let a: TestApp;
  let b: TestApp;
  let urlA: string;
  let urlB: string;
  const watch = new OverlapWatch();
  /** As if the instance that handled the update died before marking it handled. */
  const forgetHandled = async (update: Update) => {
    const mark = handledMark(updateIdentity(standIn.botUser().id, update));
    await a.app.get<RedisClient>(REDIS_CLIENT).sRem(mark.key, mark.digest);
  };

  beforeAll(async () => {
    standIn = await startStandIn();
    const environment = await prepareTestEnvironment();
    const env = {
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
      WEBHOOK_SECRET,
      // Twelve updates of one user at once all wait their turn here (the bound has its own specs).
      USER_QUEUE_LIMIT: '20',
    };
    a = await startTestApp(environment, standIn, env);
    b = await startTestApp(environment, standIn, env);
    urlA = `${await a.listen()}${WEBHOOK_PATH}`;
    urlB = `${await b.listen()}${WEBHOOK_PATH}`;
    for (const app of [a, b]) {
      // What runs under the user's lock: the status guard and the handler.
      type Guarded = (ctx: BotContext, next: () => Promise<void>, read: unknown) => Promise<void>;
      const pipeline = app.app.get(UpdatePipeline) as unknown as { guarded: Guarded };
      const guarded = pipeline.guarded.bind(pipeline);
      pipeline.guarded = (ctx, next, read) => watch.around(ctx.from!.id, () => guarded(ctx, next, read));
    }
    standIn.redirectWebhook(urlA);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await standIn?.stop();
  });

  it('registers the webhook with its secret and the update kinds it handles', () => {
    const call = standIn.calls('setWebhook').at(-1)!;
    expect(call.params).toMatchObject({
      url: 'https://bot.example.test/telegram/webhook',
      secret_token: WEBHOOK_SECRET,
      allowed_updates: ['message', 'callback_query', 'pre_checkout_query', 'my_chat_member'],
    });
  });

  it('answers 401 without the secret or with a wrong one, and changes nothing', async () => {
    const update = { update_id: 1, message: { message_id: 1, date: 1, chat: { id: 9, type: 'private' }, from: { id: 9, is_bot: false, first_name: 'X' }, text: '/start' } };
    await request(a.server).post(WEBHOOK_PATH).send(update).expect(401);
    await request(a.server).post(WEBHOOK_PATH).set('X-Telegram-Bot-Api-Secret-Token', 'wrong-secret-value').send(update).expect(401);
    await request(a.server).post(WEBHOOK_PATH).set('X-Telegram-Bot-Api-Secret-Token', WEBHOOK_SECRET).send({ hello: 1 }).expect(400);
    const [{ n }] = await a.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE telegram_id = 9`);
    expect(n).toBe(0);
  });

  it('drops an update whose known fields break the Bot API types (200, logged), and changes nothing', async () => {
    const from = { id: 8101, is_bot: false, first_name: 'Odd' };
    const broken = { update_id: 81_010, message: { message_id: 1, date: 1, chat: { id: 8101, type: 'private' }, from: { ...from, id: 'x' }, text: '/start' } };
    const mark = standIn.mark();
    const response = await request(a.server).post(WEBHOOK_PATH).set('X-Telegram-Bot-Api-Secret-Token', WEBHOOK_SECRET).send(broken).expect(200);
    expect(response.body).toEqual({ ok: false, description: 'Ignored: message.from.id' });
    const nested = { update_id: 81_011, message: { message_id: 1, date: 1, chat: { id: 8101, type: 'private' }, from, text: 12 } };
    await request(a.server).post(WEBHOOK_PATH).set('X-Telegram-Bot-Api-Secret-Token', WEBHOOK_SECRET).send(nested).expect(200);
    await request(a.server).post(WEBHOOK_PATH).set('X-Telegram-Bot-Api-Secret-Token', WEBHOOK_SECRET).send([broken]).expect(400);
    await sleep(100);
    expect(standIn.calls('sendMessage').filter((c) => c.index >= mark)).toHaveLength(0);
    const [{ n }] = await a.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE telegram_id = 8101`);
    expect(n).toBe(0);
  });

  it('does not ask for a redelivery when Telegram refused the reply itself (the work before it is saved)', async () => {
    const user = { id: 8102, first_name: 'Mute' };
    standIn.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' });
    const mark = standIn.mark();
    const report = await standIn.sendText(user, '/start');
    expect(report.status).toBe(200);
    const [{ n }] = await a.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE telegram_id = $1`, [user.id]);
    expect(n).toBe(1);
    // The welcome was refused; the apology, sent next, goes through.
    const texts = standIn.calls('sendMessage').filter((c) => c.index >= mark && Number(c.params.chat_id) === user.id);
    expect(texts.map((c) => [c.ok, String(c.params.text).slice(0, 20)])).toEqual([
      [false, expect.stringContaining('Welcome')],
      [true, 'Something went wrong'],
    ]);
  });

  it('keeps asking Telegram to deliver a payment again for as long as it fails, then grants it once', async () => {
    const user = { id: 8103, first_name: 'Payer' };
    await standIn.sendText(user, '/start');
    const invoice = await requestInvoice(standIn, user, 'credits_50');
    const purchases = a.app.get(PurchasesService);
    const applyPayment = purchases.applyPayment.bind(purchases);
    let outage = 4; // more failed deliveries than any other update gets before its apology
    purchases.applyPayment = async (...args) => {
      if (outage-- > 0) throw new Error('the database is away (test)');
      return applyPayment(...args);
    };
    try {
      const payment = await standIn.payInvoice(user, invoice);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await standIn.deliverTo(urlA, payment.update!, WEBHOOK_SECRET)).status ?? 0);
      const [{ credits }] = await a.dataSource.query(`SELECT credits FROM users WHERE telegram_id = $1`, [user.id]);
      const thanks = standIn.calls('sendMessage').filter((c) => Number(c.params.chat_id) === user.id && String(c.params.text).includes('Thank you'));
      expect({ statuses, credits, thanks: thanks.length }).toEqual({ statuses: [500, 500, 500, 200, 200], credits: 55, thanks: 1 });
    } finally {
      purchases.applyPayment = applyPayment;
    }
  });

  it('does not take an answer twice when it is delivered again after it was saved (a process died before answering Telegram)', async () => {
    const user = { id: 8104, first_name: 'Again' };
    await standIn.sendText(user, '/start');
    const [{ id }] = await a.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]);
    await request(a.server)
      .post(`/api/v1/users/${id}/credits/grant`)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Idempotency-Key', 'webhook-spec-8104')
      .send({ amount: 10, reason: 'webhook spec' })
      .expect(200);
    await chooseSpread(standIn, user, 'relationship');
    await standIn.sendText(user, 'Are we right for each other?');
    const answered = await standIn.sendText(user, 'My partner Alex');
    // The answer is saved and answered; then the instance dies before its `done` mark: Telegram delivers it again.
    await forgetHandled(answered.update as Update);
    const mark = standIn.mark();
    expect((await standIn.deliverTo(urlB, answered.update, WEBHOOK_SECRET)).status).toBe(200);
    const [session] = await a.dataSource.query(`SELECT data FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.telegram_id = $1 AND s.status = 'active'`, [
      user.id,
    ]);
    const asked = standIn.calls('sendMessage').filter((c) => c.index >= mark && Number(c.params.chat_id) === user.id);
    expect({ answers: session.data.answers, index: session.data.questionIndex, asked: asked.map((c) => String(c.params.text).slice(0, 12)) }).toEqual({
      answers: ['My partner Alex'],
      index: 1,
      asked: ['<b>2/4.</b> '],
    });
  });

  it('does not start a second reading when a spread press is delivered again after its reading was started', async () => {
    const user = { id: 8105, first_name: 'Presser' };
    await standIn.sendText(user, '/start');
    let mark = standIn.mark();
    await standIn.sendText(user, '/read');
    const menu = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
    const press = await standIn.pressButton(user, (menu.result as { message_id: number }).message_id, 'v1:spread:single');
    await forgetHandled(press.update as Update);
    mark = standIn.mark();
    expect((await standIn.deliverTo(urlB, press.update, WEBHOOK_SECRET)).status).toBe(200);
    const readings = await a.dataSource.query(`SELECT r.status FROM readings r JOIN users u ON u.id = r.user_id WHERE u.telegram_id = $1`, [user.id]);
    const texts = standIn.calls('sendMessage').filter((c) => c.index >= mark && Number(c.params.chat_id) === user.id).map((c) => String(c.params.text));
    expect({ readings: readings.map((r: { status: string }) => r.status), replaced: texts.filter((t) => t.includes('I closed')).length }).toEqual({
      readings: ['in_progress'],
      replaced: 0,
    });
    expect(texts.filter((t) => t.includes('You chose <b>Single Card</b>'))).toHaveLength(1);
  });

  it('handles an update delivered to both instances once', async () => {
    const user = { id: 8001, first_name: 'Twice' };
    const mark = standIn.mark();
    const report = await standIn.sendText(user, '/start');
    expect(report.status).toBe(200);
    const again = await Promise.all([
      standIn.deliverTo(urlA, report.update, WEBHOOK_SECRET),
      standIn.deliverTo(urlB, report.update, WEBHOOK_SECRET),
    ]);
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    await sleep(100);
    const replies = standIn.calls('sendMessage').filter((c) => c.index >= mark && Number(c.params.chat_id) === user.id);
    expect(replies).toHaveLength(1);
    const [{ n }] = await a.dataSource.query(
      `SELECT count(*)::int AS n FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_id = $1`,
      [user.id],
    );
    expect(n).toBe(1);
  });

  it('handles a different update that reuses an update_id (ids restarted, another bot on the same Redis)', async () => {
    const user = { id: 8003, first_name: 'Reused' };
    await standIn.sendText(user, '/start');
    const first = await standIn.sendText(user, '/balance');
    const mark = standIn.mark();
    const reused = { ...first.update, message: { ...(first.update.message as object), message_id: 999_001, text: '/help' } };
    expect((await standIn.deliverTo(urlB, reused, WEBHOOK_SECRET)).status).toBe(200);
    expect((await standIn.deliverTo(urlA, first.update, WEBHOOK_SECRET)).status).toBe(200);
    await sleep(100);
    const replies = standIn.calls('sendMessage').filter((c) => c.index >= mark && Number(c.params.chat_id) === user.id);
    expect(replies).toHaveLength(1);
    expect(String(replies[0].params.text)).toContain('/read');
  });

  it("handles one user's updates one at a time across both instances", async () => {
    const user = { id: 8002, first_name: 'Busy' };
    await standIn.sendText(user, '/start');
    standIn.redirectWebhook('http://127.0.0.1:9/unused');
    const updates = [];
    for (let i = 0; i < 12; i++) updates.push((await standIn.sendText(user, '/balance')).update);
    standIn.redirectWebhook(urlA);
    const mark = standIn.mark();
    watch.maxConcurrent = 0;
    const statuses = await Promise.all(
      updates.map((u, i) => standIn.deliverTo(i % 2 === 0 ? urlA : urlB, u, WEBHOOK_SECRET).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(watch.maxConcurrent).toBe(1);
    await eventually(async () => {
      const replies = standIn.calls('sendMessage').filter((c) => c.index >= mark && Number(c.params.chat_id) === user.id);
      expect(replies).toHaveLength(12);
    });
  });

  it('shares the message rate limit between instances', async () => {
    const [row] = await b.dataSource.query(
      `SELECT r.request_count FROM rate_limits r JOIN users u ON u.id = r.user_id WHERE u.telegram_id = 8002 AND r.endpoint = 'message:1m'`,
    );
    expect(row.request_count).toBeGreaterThanOrEqual(12);
  });
});
