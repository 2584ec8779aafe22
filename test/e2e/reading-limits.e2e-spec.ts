import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { loadCatalog } from 'src/catalog/catalog.service';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { nextReply, say } from '../support/bot-helpers';
import { Player, textsSince, waitForDelivery } from '../support/reading-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';

const READINGS_PER_HOUR = 2;

describe('reading and payment limits', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

  beforeAll(async () => {
    const catalog = loadCatalog(undefined);
    const file = join(mkdtempSync(join(tmpdir(), 'catalog-')), 'catalog.json');
    writeFileSync(file, JSON.stringify({ ...catalog, limits: { ...catalog.limits, readingsPerHour: READINGS_PER_HOUR, paymentsPerHour: 1 } }));
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn, { CATALOG_PATH: file });
    // The reading window is the wall-clock hour: do not start in its last minute.
    const now = new Date();
    if (now.getUTCMinutes() === 59) await sleep((61 - now.getUTCSeconds()) * 1000);
  }, 90_000);

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  const startWith = async (player: Player, credits: number): Promise<number> => {
    await say(standIn, player, '/start');
    const [{ id }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [player.id]);
    await request(sut.server).post(`/api/v1/users/${id}/credits/grant`).set(auth).send({ amount: credits, reason: 'limits test' }).expect(200);
    return id;
  };

  /** The /read menu's message id. */
  const menu = async (player: Player): Promise<number> => {
    const mark = standIn.mark();
    await standIn.sendText(player, '/read');
    const sent = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === player.id, { after: mark });
    return (sent.result as { message_id: number }).message_id;
  };

  const press = async (player: Player, messageId: number, data: string): Promise<void> => {
    await standIn.pressButton(player, messageId, data);
  };

  const readingCount = async (id: number): Promise<number> => {
    const rows = await sut.dataSource.query(`SELECT request_count FROM rate_limits WHERE user_id = $1 AND endpoint = 'reading:1h'`, [id]);
    return rows[0]?.request_count ?? 0;
  };

  const errorsTo = (player: Player) => standIn.calls('sendMessage').filter((c) => Number(c.params.chat_id) === player.id && String(c.params.text).includes('Something went wrong'));

  it('counts readings started, not presses: a double tap, a quick cancel and a quick change of spread count nothing extra', async () => {
    const player: Player = { id: 13_001, first_name: 'Lim', language_code: 'en' };
    const id = await startWith(player, 100);
    let messageId = await menu(player);

    // A double tap: one prompt, one reading, one count.
    let mark = standIn.mark();
    await press(player, messageId, 'v1:spread:single');
    await nextReply(standIn, player.id, mark);
    const second = standIn.mark();
    await press(player, messageId, 'v1:spread:single');
    await standIn.waitForCall((c) => c.method === 'answerCallbackQuery', { after: second });
    await sleep(300);
    expect(textsSince(standIn, player.id, mark).filter((t) => t.includes('You chose'))).toHaveLength(1);
    expect(await readingCount(id)).toBe(1);

    // Cancelled within seconds: not a reading.
    expect(await say(standIn, player, '/cancel')).toContain('Stopped');
    expect(await readingCount(id)).toBe(0);

    // Another spread chosen within seconds replaces the first, which does not count.
    messageId = await menu(player);
    mark = standIn.mark();
    await press(player, messageId, 'v1:spread:three_card');
    await nextReply(standIn, player.id, mark);
    mark = standIn.mark();
    await press(player, messageId, 'v1:spread:single');
    await nextReply(standIn, player.id, mark);
    expect(await readingCount(id)).toBe(1);
    mark = standIn.mark();
    await standIn.sendText(player, '/skip');
    await waitForDelivery(standIn, player.id, mark);
    expect(await readingCount(id)).toBe(1);
    expect(errorsTo(player)).toEqual([]);
  });

  it('tells a limited user when they can read again, in their language, every time, and never answers with an error', async () => {
    const player: Player = { id: 13_002, first_name: 'Ліна', language_code: 'uk' };
    const id = await startWith(player, 100);
    for (let i = 0; i < READINGS_PER_HOUR; i++) {
      const messageId = await menu(player);
      const mark = standIn.mark();
      await press(player, messageId, 'v1:spread:single');
      await nextReply(standIn, player.id, mark);
      const delivered = standIn.mark();
      await standIn.sendText(player, '/skip');
      await standIn.waitForCall(
        (c) => c.method === 'sendMessage' && Number(c.params.chat_id) === player.id && String(c.params.text).includes('Списано кредитів'),
        { after: delivered, timeoutMs: 10_000 },
      );
    }
    const nextHour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 3_600_000);
    const expectedTime = `${String(nextHour.getUTCHours()).padStart(2, '0')}:00`;
    const messageId = await menu(player);
    // Three different spreads: the same button again within seconds would be a double tap, ignored.
    for (const spread of ['single', 'three_card', 'celtic_cross']) {
      const mark = standIn.mark();
      await press(player, messageId, `v1:spread:${spread}`);
      const reply = await nextReply(standIn, player.id, mark);
      expect(reply).toContain('Наступний можна почати після');
      expect(reply).toContain(expectedTime);
      await sleep(50);
    }
    expect(errorsTo(player)).toEqual([]);
    expect(standIn.calls('sendMessage').filter((c) => Number(c.params.chat_id) === player.id && String(c.params.text).includes('Щось пішло не так'))).toEqual([]);
    const [{ n }] = await sut.dataSource.query(`SELECT count(*)::int AS n FROM readings WHERE user_id = $1`, [id]);
    expect(n).toBe(READINGS_PER_HOUR);
    expect(await readingCount(id)).toBe(READINGS_PER_HOUR);
  });

  it('answers every press past the payment limit with when to try again, never with an error', async () => {
    const player: Player = { id: 13_003, first_name: 'Pay', language_code: 'en' };
    await say(standIn, player, '/start');
    const mark = standIn.mark();
    await standIn.sendText(player, '/buy');
    const sent = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === player.id, { after: mark });
    const messageId = (sent.result as { message_id: number }).message_id;
    await press(player, messageId, 'v1:buy:credits_50');
    await standIn.waitForCall((c) => c.method === 'sendInvoice' && Number(c.params.chat_id) === player.id, { after: mark });
    for (const pack of ['credits_120', 'credits_300', 'credits_1000']) {
      const before = standIn.mark();
      await press(player, messageId, `v1:buy:${pack}`);
      const answer = await standIn.waitForCall((c) => c.method === 'answerCallbackQuery', { after: before });
      expect(answer.params).toMatchObject({ show_alert: true, text: expect.stringContaining('Please try again after') });
    }
    await sleep(200);
    expect(errorsTo(player)).toEqual([]);
  });
});
