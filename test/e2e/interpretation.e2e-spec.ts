import request from 'supertest';
import { FakeLlmServer } from 'src/readings/interpreter/fake-llm-server';
import { Interpreter } from 'src/readings/interpreter/interpretation';
import { READING_INTERPRETER } from 'src/readings/interpreter/interpreter-tokens';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { nextReply, say } from '../support/bot-helpers';
import { ledgerMismatches } from '../support/ledger';
import { chooseSpread, Player, textsSince, waitForDelivery } from '../support/reading-helpers';
import type { LlmMaterial } from 'src/readings/interpreter/llm-prompt';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
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

describe('an LLM reading streamed to the user as it is written', () => {
  let standIn: BotApiStandIn;
  let llm: FakeLlmServer;
  let sut: TestApp;

  beforeAll(async () => {
    standIn = await startStandIn();
    llm = new FakeLlmServer();
    const baseUrl = await llm.start();
    sut = await startTestApp(await prepareTestEnvironment(), standIn, { LLM_BASE_URL: baseUrl, LLM_TIMEOUT_MS: '8000', LLM_BUDGET_MS: '15000' });
  });

  afterAll(async () => {
    expect(await ledgerMismatches(sut.dataSource)).toEqual([]);
    await sut?.close();
    await llm?.stop();
    await standIn?.stop();
  });

  /** A reading long enough to be written over a few seconds, in pieces. */
  const longReply = (cards: number) => ({
    theme: Array.from({ length: 6 }, (_, i) => `Theme sentence ${i + 1}: the spread leans toward patient work & steady light.`).join(' '),
    journey: Array.from({ length: cards }, (_, i) => `Card ${i + 1} speaks of its place in the question, slowly and clearly, with care.`),
    guidance: 'Take the next step gently, and keep what you wrote in mind.',
  });
  const careerReading = async (user: Player) => {
    await say(standIn, user, '/start');
    const { id } = (await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]))[0];
    await request(sut.server).post(`/api/v1/users/${id}/credits/grant`).set({ Authorization: `Bearer ${ADMIN_TOKEN}` }).send({ amount: 7, reason: 'test' }).expect(200);
    await chooseSpread(standIn, user, 'career');
    for (const text of ['Should I ask for a promotion at work?', 'I am a junior designer', 'Lead my own projects', '/skip']) await say(standIn, user, text);
    const mark = standIn.mark();
    await standIn.sendText(user, 'Fear of speaking up');
    return mark;
  };
  const callsSince = (mark: number, userId: number) => standIn.calls().filter((c) => c.index >= mark && Number(c.params.chat_id) === userId);
  const costs = async (telegramId: number) =>
    sut.dataSource.query(
      `SELECT t.amount FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_id = $1 AND t.type = 'reading_cost'`,
      [telegramId],
    );

  it('tells the model each position’s role, the question’s domain and the questionnaire’s answers', async () => {
    llm.reset();
    const user: Player = { id: 40_020, first_name: 'Pia' };
    const mark = await careerReading(user);
    await waitForDelivery(standIn, user.id, mark);
    const body = llm.completions.at(-1)!.body as { messages: { role: string; content: string }[]; max_tokens: number };
    const userMessage = body.messages.find((m) => m.role === 'user')!.content;
    const material = JSON.parse(userMessage.slice(userMessage.indexOf('{'))) as LlmMaterial;
    expect(material.cards.map((c) => c.role)).toEqual(['situation', 'strength', 'challenge', 'advice']);
    expect(material.cards.every((c) => c.roleBrief.length > 10)).toBe(true);
    expect(material.domain).toMatchObject({ subject: 'career', form: 'yes_no' });
    expect(material.answers).toEqual([
      expect.objectContaining({ answer: 'I am a junior designer', speaksTo: 'Where You Stand' }),
      expect.objectContaining({ answer: 'Lead my own projects', kind: 'a plan' }),
      expect.objectContaining({ answer: 'Fear of speaking up', kind: 'an obstacle' }),
    ]);
    expect(body.max_tokens).toBe(2_500);
  });

  it('shows the reading growing in drafts about once a second while the model writes, then sends it whole', async () => {
    llm.reset().enqueue({ kind: 'reply', content: longReply(4), chunkChars: 16, chunkDelayMs: 40 });
    const user: Player = { id: 40_021, first_name: 'Rui' };
    const mark = await careerReading(user);
    await waitForDelivery(standIn, user.id, mark);

    expect((llm.completions.at(-1)!.body as { stream?: boolean }).stream).toBe(true);
    const calls = callsSince(mark, user.id);
    const drafts = calls.filter((c) => c.method === 'sendMessageDraft');
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(drafts.every((d) => d.ok)).toBe(true);
    // The reading itself (its picture first) comes after the last draft.
    const delivered = calls.findIndex((c) => c.method === 'editMessageMedia');
    expect(delivered).toBeGreaterThan(calls.indexOf(drafts.at(-1)!));
    for (let i = 1; i < drafts.length; i++) expect(drafts[i].at - drafts[i - 1].at).toBeGreaterThanOrEqual(900);
    const texts = drafts.map((d) => String(d.params.text));
    for (let i = 1; i < texts.length; i++) expect(texts[i].length).toBeGreaterThan(texts[i - 1].length);
    expect(texts.at(-1)).toContain('Theme sentence 1');
    expect(texts.at(-1)).toContain('&amp;');
    expect(new Set(drafts.map((d) => d.params.draft_id)).size).toBe(1);
    const final = textsSince(standIn, user.id, mark).join('\n');
    expect(final).toContain('Card 4 speaks of its place');
    expect(final).toContain('Take the next step gently');
    expect(standIn.draftIn(user.id)).toBeUndefined();
    expect(await costs(user.id)).toEqual([{ amount: -12 }]);
  });

  it('still gives one complete reading, charged once, when the stream is cut midway', async () => {
    llm.reset().enqueue({ kind: 'reply', content: longReply(4), chunkChars: 16, chunkDelayMs: 40, cutAfterChars: 400 }, { kind: 'reply', content: longReply(4), chunkChars: 64 });
    const user: Player = { id: 40_022, first_name: 'Sol' };
    const mark = await careerReading(user);
    await waitForDelivery(standIn, user.id, mark);

    expect(llm.completions).toHaveLength(2);
    const drafts = callsSince(mark, user.id).filter((c) => c.method === 'sendMessageDraft');
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    const final = textsSince(standIn, user.id, mark);
    expect(final.filter((t) => t.includes('Theme sentence 1'))).toHaveLength(1);
    expect(final.join('\n')).toContain('Take the next step gently');
    const readings = await sut.dataSource.query(`SELECT r.status FROM readings r JOIN users u ON u.id = r.user_id WHERE u.telegram_id = $1`, [user.id]);
    expect(readings).toEqual([{ status: 'completed' }]);
    expect(await costs(user.id)).toEqual([{ amount: -12 }]);
  });

  it('falls back to the built-in reader when every stream is cut, and still charges once', async () => {
    llm.reset().setDefault({ kind: 'auto', chunkChars: 8, chunkDelayMs: 30, cutAfterChars: 40 });
    const user: Player = { id: 40_023, first_name: 'Tao' };
    const mark = await careerReading(user);
    await waitForDelivery(standIn, user.id, mark);
    expect(llm.completions).toHaveLength(3);
    const final = textsSince(standIn, user.id, mark).join('\n');
    expect(final).not.toContain('Fake LLM');
    expect(final.length).toBeGreaterThan(500);
    expect(await costs(user.id)).toEqual([{ amount: -12 }]);
    llm.reset();
  });

  it('works with a model server that does not stream', async () => {
    llm.reset().setStreaming(false).setDefault({ kind: 'reply', content: longReply(4) });
    const user: Player = { id: 40_024, first_name: 'Uli' };
    const mark = await careerReading(user);
    await waitForDelivery(standIn, user.id, mark);
    expect(textsSince(standIn, user.id, mark).join('\n')).toContain('Card 4 speaks of its place');
    expect(callsSince(mark, user.id).filter((c) => c.method === 'sendMessageDraft')).toEqual([]);
    expect(await costs(user.id)).toEqual([{ amount: -12 }]);
    llm.reset();
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
