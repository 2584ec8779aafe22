import request from 'supertest';
import { FakeLlmServer } from 'src/readings/interpreter/fake-llm-server';
import { Interpreter } from 'src/readings/interpreter/interpretation';
import { READING_INTERPRETER } from 'src/readings/interpreter-tokens';
import { BotApiStandIn } from 'src/telegram/stand-in/bot-api-stand-in';
import { nextReply, say } from '../support/bot-helpers';
import { ledgerMismatches } from '../support/ledger';
import { chooseSpread, Player, waitForDelivery } from '../support/reading-helpers';
import { startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment, TestEnvironment } from '../support/test-environment';

describe('interpretation through an LLM, and its failures', () => {
  let standIn: BotApiStandIn;
  let environment: TestEnvironment;
  let llm: FakeLlmServer;
  let sut: TestApp;

  beforeAll(async () => {
    standIn = await startStandIn();
    environment = await prepareTestEnvironment();
    llm = new FakeLlmServer();
    const baseUrl = await llm.start();
    sut = await startTestApp(environment, standIn, { LLM_BASE_URL: baseUrl, LLM_API_KEY: 'sk-test-secret', LLM_TIMEOUT_MS: '300' });
  });

  afterAll(async () => {
    expect(await ledgerMismatches(sut.dataSource)).toEqual([]);
    await sut?.close();
    await llm?.stop();
    await standIn?.stop();
  });

  const read = async (user: Player) => {
    await say(standIn, user, '/start');
    await chooseSpread(standIn, user, 'single');
    const mark = standIn.mark();
    await standIn.sendText(user, 'Where is my path going?');
    return mark;
  };
  const costs = async (telegramId: number) =>
    sut.dataSource.query(
      `SELECT t.amount FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_id = $1 AND t.type = 'reading_cost'`,
      [telegramId],
    );

  it('writes the reading with the LLM and escapes what it returns', async () => {
    llm.reset().enqueue({ kind: 'reply', content: { theme: 'A <b>bold</b> theme & more.', journey: ['The card speaks.'], guidance: 'Go gently.' } });
    const user: Player = { id: 40_001, first_name: 'Lia' };
    const mark = await read(user);
    await waitForDelivery(standIn, user.id, mark);
    const texts = standIn.calls('sendMessage').filter((c) => c.index >= mark && Number(c.params.chat_id) === user.id).map((c) => String(c.params.text));
    expect(texts.join('\n')).toContain('A &lt;b&gt;bold&lt;/b&gt; theme &amp; more.');
    expect(llm.requests.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(llm.requests.at(-1))).toContain('Where is my path going?');
    expect(await costs(user.id)).toEqual([{ amount: -5 }]);
  });

  it('falls back to the built-in interpreter when the LLM times out, and charges once', async () => {
    llm.reset().setDefault({ kind: 'auto', delayMs: 2_000 });
    const user: Player = { id: 40_002, first_name: 'Max' };
    const mark = await read(user);
    await waitForDelivery(standIn, user.id, mark, 15_000);
    const [reading] = await sut.dataSource.query(
      `SELECT r.status, r.interpretation FROM readings r JOIN users u ON u.id = r.user_id WHERE u.telegram_id = $1`,
      [user.id],
    );
    expect(reading.status).toBe('completed');
    expect(reading.interpretation.length).toBeGreaterThan(200);
    expect(await costs(user.id)).toEqual([{ amount: -5 }]);
    llm.reset();
  });

  it('reports an unreachable LLM as degraded on /health (200), and readings go on with the built-in interpreter', async () => {
    await llm.stop();
    const { body } = await request(sut.server).get('/health').expect(200);
    expect(body.details.llm).toMatchObject({ status: 'up', degraded: true, readingsBy: 'the built-in interpreter' });
    const user: Player = { id: 40_003, first_name: 'Ola' };
    const mark = await read(user);
    await waitForDelivery(standIn, user.id, mark);
    expect(await costs(user.id)).toEqual([{ amount: -5 }]);
  });
});

describe('a generation that fails outright', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  const failing: Interpreter = { interpret: async () => Promise.reject(new Error('the muse is out')) };

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn, {}, (builder) =>
      builder.overrideProvider(READING_INTERPRETER).useValue(failing),
    );
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  it('ends the reading as error, tells the user and charges nothing', async () => {
    const user: Player = { id: 40_010, first_name: 'Ned' };
    await say(standIn, user, '/start');
    await chooseSpread(standIn, user, 'single');
    const mark = standIn.mark();
    await standIn.sendText(user, '/skip');
    await nextReply(standIn, user.id, mark);
    const failure = await standIn.waitForCall(
      (c) => c.method === 'sendMessage' && String(c.params.text).includes('could not finish this reading'),
      { after: mark },
    );
    expect(failure.ok).toBe(true);
    const [reading] = await sut.dataSource.query(
      `SELECT r.status, r.error_message FROM readings r JOIN users u ON u.id = r.user_id WHERE u.telegram_id = $1`,
      [user.id],
    );
    expect(reading.status).toBe('error');
    expect(reading.error_message).toContain('READ001');
    const [{ credits }] = await sut.dataSource.query(`SELECT credits FROM users WHERE telegram_id = $1`, [user.id]);
    expect(credits).toBe(5);
  });
});
