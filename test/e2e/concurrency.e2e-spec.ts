import { ReadingGeneratorService } from 'src/readings/generation/reading-generator.service';
import { ReadingStoreService } from 'src/readings/generation/reading-store.service';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { ledgerMismatches } from '../support/ledger';
import { payAndWait, requestInvoice } from '../support/payment-helpers';
import { startStandIn, startTestApp, TestApp, WEBHOOK_SECRET } from '../support/test-app';
import { describeNeeding } from '../support/needs-services';
import { prepareTestEnvironment } from '../support/test-environment';

const WEBHOOK_PATH = '/telegram/webhook';

describeNeeding(['Redis'], 'two app instances on one database', () => {
  let standIn: BotApiStandIn;
  let a: TestApp;
  let b: TestApp;
  let urlA: string;
  let urlB: string;

  beforeAll(async () => {
    standIn = await startStandIn();
    const environment = await prepareTestEnvironment();
    const env = { BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.test/telegram/webhook', WEBHOOK_SECRET };
    a = await startTestApp(environment, standIn, env);
    b = await startTestApp(environment, standIn, env);
    urlA = `${await a.listen()}${WEBHOOK_PATH}`;
    urlB = `${await b.listen()}${WEBHOOK_PATH}`;
    standIn.redirectWebhook(urlA);
  });

  afterAll(async () => {
    expect(await ledgerMismatches(a.dataSource)).toEqual([]);
    await a?.close();
    await b?.close();
    await standIn?.stop();
  });

  it('completes exactly as many of 20 simultaneous readings as the balance covers', async () => {
    const user = { id: 30_001, first_name: 'Many' };
    await say(standIn, user, '/start');
    const [{ id: userId }] = await a.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]);
    await a.dataSource.query(`UPDATE users SET credits = 35 WHERE id = $1`, [userId]);
    await a.dataSource.query(
      `INSERT INTO transactions (user_id, amount, type, status, payment_provider, metadata)
       VALUES ($1, 30, 'adjustment', 'completed', 'operator', '{"reason":"test"}')`,
      [userId],
    );
    const sessions: { id: number; data: Record<string, unknown> }[] = [];
    for (let i = 0; i < 20; i++) {
      const [{ id: readingId }] = await a.dataSource.query(
        `INSERT INTO readings (user_id, spread_type, cards, interpretation, questionnaire_responses)
         VALUES ($1, 'single', '[]', '', '{"questionnaire":null,"answers":[]}') RETURNING id`,
        [userId],
      );
      const data = { readingId, spreadKey: 'single', price: 5, step: 'generating', questionIndex: 0, answers: [], attempts: 0 };
      const [{ id: sessionId }] = await a.dataSource.query(
        `INSERT INTO user_sessions (user_id, session_type, data) VALUES ($1, 'reading', $2) RETURNING id`,
        [userId, JSON.stringify(data)],
      );
      sessions.push({ id: sessionId, data });
    }
    const work = await a.app.get(ReadingStoreService).jobs(sessions);
    expect(work).toHaveLength(20);
    const generators = [a.app.get(ReadingGeneratorService), b.app.get(ReadingGeneratorService)];
    const results = await Promise.all(work.map((job, i) => generators[i % 2].generate(job)));

    expect(results.filter((r) => r === 'completed')).toHaveLength(7);
    expect(results.filter((r) => r === 'insufficient')).toHaveLength(13);
    const statuses = await a.dataSource.query(`SELECT status, count(*)::int AS n FROM readings WHERE user_id = $1 GROUP BY status ORDER BY status`, [userId]);
    expect(statuses).toEqual([
      { status: 'completed', n: 7 },
      { status: 'error', n: 13 },
    ]);
    const [{ credits }] = await a.dataSource.query(`SELECT credits FROM users WHERE id = $1`, [userId]);
    expect(credits).toBe(0);
    const [{ n }] = await a.dataSource.query(`SELECT count(*)::int AS n FROM transactions WHERE user_id = $1 AND type = 'reading_cost'`, [userId]);
    expect(n).toBe(7);
  });

  it('stores and charges one reading written by both instances at once exactly once', async () => {
    const user = { id: 30_003, first_name: 'Twice' };
    await say(standIn, user, '/start');
    const [{ id: userId, credits: before }] = await a.dataSource.query(`SELECT id, credits FROM users WHERE telegram_id = $1`, [user.id]);
    const [{ id: readingId }] = await a.dataSource.query(
      `INSERT INTO readings (user_id, spread_type, cards, interpretation, questionnaire_responses)
       VALUES ($1, 'single', '[]', '', '{"questionnaire":null,"answers":[]}') RETURNING id`,
      [userId],
    );
    const data = { readingId, spreadKey: 'single', price: 1, step: 'generating', questionIndex: 0, answers: [], attempts: 0 };
    const [{ id: sessionId }] = await a.dataSource.query(
      `INSERT INTO user_sessions (user_id, session_type, data) VALUES ($1, 'reading', $2) RETURNING id`,
      [userId, JSON.stringify(data)],
    );
    const [job] = await a.app.get(ReadingStoreService).jobs([{ id: sessionId, data }]);

    const results = await Promise.all([a.app.get(ReadingGeneratorService).generate(job), b.app.get(ReadingGeneratorService).generate(job)]);

    expect(results.sort()).toEqual(['completed', 'gone']);
    const [reading] = await a.dataSource.query(`SELECT status, jsonb_array_length(cards) AS cards FROM readings WHERE id = $1`, [readingId]);
    expect(reading).toEqual({ status: 'completed', cards: 1 });
    const [{ credits }] = await a.dataSource.query(`SELECT credits FROM users WHERE id = $1`, [userId]);
    expect(credits).toBe(before - 1);
    const costs = await a.dataSource.query(`SELECT amount, metadata->>'readingId' AS reading FROM transactions WHERE user_id = $1 AND type = 'reading_cost'`, [userId]);
    expect(costs).toEqual([{ amount: -1, reading: String(readingId) }]);
    const [session] = await a.dataSource.query(`SELECT status FROM user_sessions WHERE id = $1`, [sessionId]);
    expect(session.status).toBe('completed');
  });

  it('grants a successful payment delivered to both instances once', async () => {
    const user = { id: 30_002, first_name: 'Payer' };
    await say(standIn, user, '/start');
    const { payment } = await payAndWait(standIn, user, await requestInvoice(standIn, user, 'credits_50'));
    const again = await Promise.all([
      standIn.deliverTo(urlA, payment.update!, WEBHOOK_SECRET),
      standIn.deliverTo(urlB, payment.update!, WEBHOOK_SECRET),
      standIn.deliverTo(urlB, { ...payment.update!, update_id: standIn.nextUpdateId() }, WEBHOOK_SECRET),
      standIn.deliverTo(urlA, { ...payment.update!, update_id: standIn.nextUpdateId() }, WEBHOOK_SECRET),
    ]);
    expect(again.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const grants = await a.dataSource.query(`SELECT id FROM transactions WHERE payment_reference = $1`, [payment.chargeId]);
    expect(grants).toHaveLength(1);
    const [{ credits }] = await a.dataSource.query(`SELECT credits FROM users WHERE telegram_id = $1`, [user.id]);
    expect(credits).toBe(55);
  });
});
