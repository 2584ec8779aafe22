import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from 'src/config/app-config';
import { validateEnvironment } from 'src/config/environment';
import { DatabaseTarget } from 'src/database/database-target';
import { BuiltinInterpreter } from 'src/readings/interpreter/builtin-interpreter';
import { Interpreter } from 'src/readings/interpreter/interpretation';
import { READING_INTERPRETER } from 'src/readings/interpreter/interpreter-tokens';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { nextReply, say } from '../support/bot-helpers';
import { chooseSpread } from '../support/reading-helpers';
import { startWebhookApp } from '../support/payment-forgery';
import { connectClient } from '../support/services';
import { startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment, TestEnvironment } from '../support/test-environment';

describe('graceful shutdown', () => {
  let standIn: BotApiStandIn;
  let environment: TestEnvironment;
  let sut: TestApp;
  const builtin = new BuiltinInterpreter();
  const slow: Interpreter = { interpret: async (input, seed) => (await sleep(1_500), builtin.interpret(input, seed)) };

  beforeAll(async () => {
    standIn = await startStandIn();
    environment = await prepareTestEnvironment();
    sut = await startTestApp(environment, standIn, {}, (builder) =>
      builder.overrideProvider(READING_INTERPRETER).useValue(slow),
    );
  });

  afterAll(async () => {
    await standIn?.stop();
  });

  it('lets a reading in flight be stored, paid and delivered before the database closes', async () => {
    const user = { id: 70_001, first_name: 'Sid' };
    await say(standIn, user, '/start');
    await chooseSpread(standIn, user, 'single');
    const mark = standIn.mark();
    await standIn.sendText(user, '/skip');
    expect(await nextReply(standIn, user.id, mark)).toContain('Shuffling');
    const [{ id: userId }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]);
    const { dataSource } = sut;
    await sut.close();
    expect(dataSource.isInitialized).toBe(false);
    const delivered = standIn
      .calls('sendMessage')
      .filter((c) => c.index >= mark && String(c.params.text).includes('credits spent'));
    expect(delivered).toHaveLength(1);
    // Read it where the app keeps it: the worker's PostgreSQL database, or embedded PGlite's data
    // directory, whose server stopped with the app and is started again here.
    const target = await DatabaseTarget.resolve(
      new AppConfig(validateEnvironment({ DATABASE_URL: environment.databaseUrl, DATA_DIR: environment.dataDir })),
    );
    const client = await connectClient(target.url);
    try {
      const { rows } = await client.query(`SELECT status FROM readings WHERE user_id = $1`, [userId]);
      expect(rows.map((row) => row.status)).toEqual(['completed']);
    } finally {
      await client.end();
      await target.embedded?.stop();
    }
  });
});

describe('graceful shutdown in webhook mode', () => {
  let standIn: BotApiStandIn;

  beforeAll(async () => {
    standIn = await startStandIn();
  });

  afterAll(async () => {
    await standIn?.stop();
  });

  it('answers the webhook 503 while it shuts down, even with nothing in flight', async () => {
    const sut = await startWebhookApp(standIn);
    const user = { id: 70_101, first_name: 'Tess' };
    await say(standIn, user, '/start');
    const signalled = Date.now();
    const closing = sut.close();
    const statuses: (number | string)[] = [];
    for (const at of [300, 1_000, 1_500]) {
      await sleep(Math.max(0, signalled + at - Date.now()));
      const report = await standIn.deliver({
        update_id: standIn.nextUpdateId(),
        message: { message_id: at, date: Math.floor(Date.now() / 1000), chat: { id: user.id, type: 'private' }, from: { id: user.id, is_bot: false, first_name: 'Tess' }, text: '/balance' },
      });
      statuses.push(report.status || `refused (${report.error})`);
    }
    await closing;
    expect(statuses).toEqual([503, 503, 503]);
  });
});
