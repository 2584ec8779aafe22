import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { PastReadingsService } from 'src/readings/history/past-readings.service';
import { ReadingRecoveryJob } from 'src/readings/generation/reading-recovery.job';
import { ReadingGeneratorService } from 'src/readings/generation/reading-generator.service';
import { ReadingFlowService } from 'src/readings/flow/reading-flow.service';
import { ReadingsService } from 'src/readings/readings.service';
import { SessionExpiryJob } from 'src/sessions/session-expiry.job';
import { REPEAT_PRESS_MS } from 'src/telegram/button-presses';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { nextReply, say } from '../support/bot-helpers';
import { ledgerMismatches } from '../support/ledger';
import { eventually } from '../support/eventually';
import { chooseSpread, picturesSince, Player, textsSince, waitForDelivery } from '../support/reading-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';

describe('readings', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn);
  });

  afterAll(async () => {
    expect(await ledgerMismatches(sut.dataSource)).toEqual([]);
    await sut?.app.get(ReadingGeneratorService).settle();
    await sut?.close();
    await standIn?.stop();
  });

  const userRow = async (telegramId: number) =>
    (await sut.dataSource.query(`SELECT id, credits FROM users WHERE telegram_id = $1`, [telegramId]))[0];
  const readingsOf = async (telegramId: number) =>
    sut.dataSource.query(
      `SELECT r.* FROM readings r JOIN users u ON u.id = r.user_id WHERE u.telegram_id = $1 ORDER BY r.id`,
      [telegramId],
    );
  const costsOf = async (telegramId: number) =>
    sut.dataSource.query(
      `SELECT t.amount, t.status, t.metadata FROM transactions t JOIN users u ON u.id = t.user_id
       WHERE u.telegram_id = $1 AND t.type = 'reading_cost' ORDER BY t.id`,
      [telegramId],
    );
  const grant = async (telegramId: number, amount: number) => {
    const { id } = await userRow(telegramId);
    await request(sut.server).post(`/api/v1/users/${id}/credits/grant`).set(auth).send({ amount, reason: 'test' }).expect(200);
  };

  it('takes a single-card reading from /read to the delivered interpretation, charged once', async () => {
    const user: Player = { id: 10_001, first_name: 'Uma' };
    await say(standIn, user, '/start');
    expect(await chooseSpread(standIn, user, 'single')).toContain('You chose <b>Single Card</b> (5 credits)');
    const mark = standIn.mark();
    await standIn.sendText(user, 'What should I focus on this week?');
    const shuffling = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
    expect(String(shuffling.params.text)).toContain('Shuffling the deck');
    await waitForDelivery(standIn, user.id, mark);

    // Two calls deliver it: the picture with the cards in place of "Shuffling…", then one message.
    const calls = standIn.calls().filter((c) => c.index > shuffling.index && Number(c.params.chat_id) === user.id);
    expect(calls.map((c) => `${c.method} ${c.ok}`)).toEqual(['editMessageMedia true', 'sendMessage true']);
    const [picture] = picturesSince(standIn, user.id, shuffling.index);
    expect(calls[0].params.message_id).toBe((shuffling.result as { message_id: number }).message_id);
    expect(picture.caption).toContain('<b>Single Card</b>');
    expect(picture.caption).toContain('What should I focus on this week?');
    const [text] = textsSince(standIn, user.id, shuffling.index + 1);
    expect(text).toContain('The spread as a whole');
    expect(text).toContain('Guidance');
    expect(text).toMatch(/5 credits spent; <b>0 credits<\/b> left\.$/);
    expect(text).not.toContain('<b>Single Card</b>');
    expect(calls[1].params.reply_markup).toBeDefined();
    const shown = standIn.messagesTo(user.id).find((m) => m.message_id === (shuffling.result as { message_id: number }).message_id);
    expect(shown).toMatchObject({ photo: expect.any(Array), caption: expect.stringContaining('Single Card') });
    expect(shown!.text).toBeUndefined();

    const [reading] = await readingsOf(user.id);
    expect(reading).toMatchObject({ spread_type: 'single', status: 'completed', question: 'What should I focus on this week?' });
    expect(reading.cards).toHaveLength(1);
    expect(reading.cards[0]).toEqual(
      expect.objectContaining({ positionKey: 'focus', positionName: expect.any(String), cardId: expect.any(String) }),
    );
    expect(reading.interpretation.length).toBeGreaterThan(200);
    expect(reading.completed_at).not.toBeNull();
    expect(reading.duration_seconds).toBeGreaterThanOrEqual(0);
    expect(await costsOf(user.id)).toEqual([{ amount: -5, status: 'completed', metadata: { readingId: reading.id, spread: 'single' } }]);
    expect((await userRow(user.id)).credits).toBe(0);
  });

  it('reads a Celtic Cross with ten positions', async () => {
    const user: Player = { id: 10_002, first_name: 'Vic' };
    await say(standIn, user, '/start');
    await grant(user.id, 10);
    await chooseSpread(standIn, user, 'celtic_cross');
    const mark = standIn.mark();
    await standIn.sendText(user, '/skip');
    await waitForDelivery(standIn, user.id, mark);
    const photo = standIn.calls('editMessageMedia').find((c) => c.index >= mark && Number(c.params.chat_id) === user.id);
    expect(photo?.ok).toBe(true);
    const shown = standIn.messagesTo(user.id).find((m) => m.message_id === photo!.params.message_id)!;
    expect(shown.caption!.length).toBeLessThanOrEqual(1024);
    expect(shown.caption).toContain('Celtic Cross');
    expect(shown.caption!.split('\n').filter((line) => /^\d+\. /.test(line))).toHaveLength(10);
    const interpretation = standIn.calls('sendMessage').find((c) => c.index >= mark && String(c.params.text).includes('The spread as a whole'));
    expect(photo!.index).toBeLessThan(interpretation!.index);
    // The cards are listed once: in the caption.
    expect(textsSince(standIn, user.id, mark).filter((t) => t.includes('<b>Celtic Cross</b>'))).toEqual([]);
    const [reading] = await readingsOf(user.id);
    expect(reading.status).toBe('completed');
    expect(new Set(reading.cards.map((c: { cardId: string }) => c.cardId)).size).toBe(10);
    expect((await userRow(user.id)).credits).toBe(0);
  });

  it('asks the questionnaire one question at a time, with /skip, and stores the answers', async () => {
    const user: Player = { id: 10_003, first_name: 'Wes' };
    await say(standIn, user, '/start');
    await grant(user.id, 7);
    await chooseSpread(standIn, user, 'relationship');
    const first = await say(standIn, user, 'Are we right for each other?');
    expect(first).toContain('<b>1/4.</b>');
    expect(await say(standIn, user, 'My partner Alex')).toContain('<b>2/4.</b>');
    expect(await say(standIn, user, '/skip')).toContain('<b>3/4.</b>');
    expect(await say(standIn, user, 'We argue about small things')).toContain('<b>4/4.</b>');
    const mark = standIn.mark();
    await standIn.sendText(user, 'More patience');
    await waitForDelivery(standIn, user.id, mark);
    const [reading] = await readingsOf(user.id);
    expect(reading.status).toBe('completed');
    expect(reading.questionnaire_responses.questionnaire).toBe('relationship_context');
    expect(reading.questionnaire_responses.answers.map((a: { answer: string | null }) => a.answer)).toEqual([
      'My partner Alex',
      null,
      'We argue about small things',
      'More patience',
    ]);
  });

  it('stops a questionnaire on /cancel without charging', async () => {
    const user: Player = { id: 10_004, first_name: 'Xia' };
    await say(standIn, user, '/start');
    await grant(user.id, 7);
    await chooseSpread(standIn, user, 'career');
    await say(standIn, user, 'Should I change jobs?');
    expect(await say(standIn, user, '/cancel')).toContain('Nothing was charged');
    const [reading] = await readingsOf(user.id);
    expect(reading.status).toBe('interrupted');
    expect(await costsOf(user.id)).toEqual([]);
    expect((await userRow(user.id)).credits).toBe(12);
  });

  it('interrupts a questionnaire left idle for 30 minutes, and tells the user', async () => {
    const user: Player = { id: 10_005, first_name: 'Yan' };
    await say(standIn, user, '/start');
    await grant(user.id, 15);
    await chooseSpread(standIn, user, 'week_ahead');
    await say(standIn, user, 'How will my week go?');
    const { id } = await userRow(user.id);
    await sut.dataSource.query(`UPDATE user_sessions SET last_activity_at = now() - interval '31 minutes' WHERE user_id = $1`, [id]);
    const mark = standIn.mark();
    await sut.app.get(SessionExpiryJob).run();
    const [reading] = await readingsOf(user.id);
    expect(reading.status).toBe('interrupted');
    expect(await costsOf(user.id)).toEqual([]);
    expect(textsSince(standIn, user.id, mark)).toEqual([
      'Your reading waited 30 minutes without an answer, so I closed it. Nothing was charged; /read starts again.',
    ]);
  });

  it('tells a user who cannot pay at once, with a way to buy, and stores nothing', async () => {
    const user: Player = { id: 10_006, first_name: 'Zed' };
    await say(standIn, user, '/start');
    const reply = await chooseSpread(standIn, user, 'celtic_cross');
    expect(reply).toContain('costs 15 credits and you have 5 credits');
    const call = standIn.calls('sendMessage').at(-1)!;
    expect(JSON.stringify(call.params.reply_markup)).toContain('v1:buy');
    expect(await readingsOf(user.id)).toEqual([]);
  });

  it('answers a question about self-harm with care: no reading, no charge', async () => {
    const user: Player = { id: 10_007, first_name: 'Ari' };
    await say(standIn, user, '/start');
    await chooseSpread(standIn, user, 'single');
    const reply = await say(standIn, user, 'I want to end my life, should I?');
    expect(reply).toContain('emergency');
    const [reading] = await readingsOf(user.id);
    expect(reading.status).toBe('interrupted');
    expect(reading.cards).toEqual([]);
    expect(await costsOf(user.id)).toEqual([]);
  });

  it('refuses an over-long question with a clear message and keeps waiting', async () => {
    const user: Player = { id: 10_008, first_name: 'Bea' };
    await say(standIn, user, '/start');
    await chooseSpread(standIn, user, 'single');
    expect(await say(standIn, user, 'why '.repeat(200))).toContain('Please keep it under 500 characters');
    const mark = standIn.mark();
    await standIn.sendText(user, 'Short one?');
    await waitForDelivery(standIn, user.id, mark);
    const [reading] = await readingsOf(user.id);
    expect(reading).toMatchObject({ status: 'completed', question: 'Short one?' });
  });

  it('recovers a reading cut off between its questions and the charge, exactly once', async () => {
    const user: Player = { id: 10_009, first_name: 'Cal' };
    await say(standIn, user, '/start');
    const { id: userId } = await userRow(user.id);
    const [{ id: readingId }] = await sut.dataSource.query(
      `INSERT INTO readings (user_id, spread_type, question, cards, interpretation, questionnaire_responses)
       VALUES ($1, 'single', 'Lost?', '[]', '', '{"questionnaire":null,"answers":[]}') RETURNING id`,
      [userId],
    );
    await sut.dataSource.query(
      `INSERT INTO user_sessions (user_id, session_type, data, last_activity_at)
       VALUES ($1, 'reading', $2, now() - interval '5 minutes')`,
      [userId, JSON.stringify({ readingId, spreadKey: 'single', price: 5, step: 'generating', questionIndex: 0, answers: [], attempts: 0 })],
    );
    const job = sut.app.get(ReadingRecoveryJob);
    const mark = standIn.mark();
    expect(await job.run()).toBe(1);
    await waitForDelivery(standIn, user.id, mark);
    expect(await job.run()).toBe(0);
    const [reading] = await readingsOf(user.id);
    expect(reading.status).toBe('completed');
    expect(await costsOf(user.id)).toHaveLength(1);
    expect((await userRow(user.id)).credits).toBe(0);
  });

  it('delivers a paid reading, /today and a reopened reading as text when Telegram refuses every picture', async () => {
    const user: Player = { id: 10_013, first_name: 'Pia' };
    await say(standIn, user, '/start');
    const refusePhoto = () => standIn.failNext('sendPhoto', { error_code: 400, description: 'Bad Request: IMAGE_PROCESS_FAILED' });
    const photosSince = (from: number) => picturesSince(standIn, user.id, from);

    await chooseSpread(standIn, user, 'single');
    let mark = standIn.mark();
    refusePhoto();
    standIn.failNext('editMessageMedia', { error_code: 400, description: 'Bad Request: IMAGE_PROCESS_FAILED' });
    await standIn.sendText(user, 'Where is my energy best spent?');
    await waitForDelivery(standIn, user.id, mark);
    // In place of "Shuffling…" first, then as a message of its own.
    expect(photosSince(mark).map((c) => `${c.method} ${c.ok}`)).toEqual(['editMessageMedia false', 'sendPhoto false']);
    const delivered = textsSince(standIn, user.id, mark).join('\n');
    expect(delivered).toContain('<b>Single Card</b>');
    expect(delivered).toContain('The spread as a whole');
    expect(delivered).toContain('5 credits spent; <b>0 credits</b> left.');
    const [reading] = await readingsOf(user.id);
    expect(reading.status).toBe('completed');
    expect(await costsOf(user.id)).toEqual([{ amount: -5, status: 'completed', metadata: { readingId: reading.id, spread: 'single' } }]);

    mark = standIn.mark();
    refusePhoto();
    await standIn.sendText(user, '/today');
    await eventually(async () => expect((await readingsOf(user.id)).map((r: { spread_type: string }) => r.spread_type)).toContain('daily'));
    const daily = (await readingsOf(user.id)).find((r: { spread_type: string }) => r.spread_type === 'daily');
    await eventually(async () => expect(textsSince(standIn, user.id, mark).join('\n')).toContain(daily.interpretation.slice(0, 40)));
    expect(photosSince(mark).map((c) => c.ok)).toEqual([false]);
    expect(textsSince(standIn, user.id, mark).join('\n')).not.toContain('Something went wrong');

    mark = standIn.mark();
    refusePhoto();
    await standIn.sendText(user, '/past');
    const list = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
    const keyboard = (list.params.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard;
    mark = standIn.mark();
    await standIn.pressButton(user, (list.result as { message_id: number }).message_id, `v1:open:${reading.id}`);
    await eventually(async () => expect(textsSince(standIn, user.id, mark).join('\n')).toContain(reading.interpretation.slice(0, 40)));
    expect(keyboard.some((row) => row[0].callback_data === `v1:open:${reading.id}`)).toBe(true);
    expect(photosSince(mark).map((c) => c.ok)).toEqual([false]);

    const metrics = await request(sut.server).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
    expect(metrics.text).toMatch(/tarot_spread_pictures_total\{outcome="failed"\} [3-9]/);
    expect((await userRow(user.id)).credits).toBe(0);
  });

  it('answers a button once when its handler fails after answering it, and apologises in the chat', async () => {
    const user: Player = { id: 10_014, first_name: 'Gil' };
    await say(standIn, user, '/start');
    const failing = jest.spyOn(sut.app.get(ReadingFlowService), 'choose').mockRejectedValueOnce(new Error('the flow is broken'));
    try {
      const mark = standIn.mark();
      await standIn.sendText(user, '/read');
      const menu = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
      await standIn.pressButton(user, (menu.result as { message_id: number }).message_id, 'v1:spread:single');
      await eventually(async () => expect(textsSince(standIn, user.id, mark).join('\n')).toContain('Something went wrong'));
      const answers = standIn.calls('answerCallbackQuery').filter((c) => c.index >= mark);
      expect(answers.map((c) => c.ok)).toEqual([true]);
    } finally {
      failing.mockRestore();
    }
  });

  it('gives the same free card all day with /today, with no transaction', async () => {
    const user: Player = { id: 10_010, first_name: 'Dot' };
    await say(standIn, user, '/start');
    let mark = standIn.mark();
    await standIn.sendText(user, '/today');
    await eventually(async () => expect(textsSince(standIn, user.id, mark).length).toBeGreaterThanOrEqual(3));
    const first = textsSince(standIn, user.id, mark)[1];
    mark = standIn.mark();
    await standIn.sendText(user, '/today');
    await eventually(async () => expect(textsSince(standIn, user.id, mark).join()).toContain('a new one comes at midnight'));
    expect(textsSince(standIn, user.id, mark)[1]).toBe(first);
    const readings = await readingsOf(user.id);
    expect(readings.map((r: { spread_type: string; status: string }) => [r.spread_type, r.status])).toEqual([['daily', 'completed']]);
    const [{ n }] = await sut.dataSource.query(
      `SELECT count(*)::int AS n FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_id = $1 AND t.type = 'reading_cost'`,
      [user.id],
    );
    expect(n).toBe(0);
  });

  it('pages through /past five at a time and opens a reading', async () => {
    const user: Player = { id: 10_011, first_name: 'Eli' };
    await say(standIn, user, '/start');
    const { id: userId } = await userRow(user.id);
    for (let i = 0; i < 7; i++) {
      await sut.dataSource.query(
        `INSERT INTO readings (user_id, spread_type, cards, interpretation, status, created_at)
         VALUES ($1, 'three_card', '[{"cardId":"the_sun","name":"The Sun","reversed":false,"positionKey":"past","positionName":"Past"}]', $2, 'completed', now() - make_interval(days => $3))`,
        [userId, `Reading number ${i}.`, i],
      );
    }
    let mark = standIn.mark();
    await standIn.sendText(user, '/past');
    const page1 = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
    expect(String(page1.params.text)).toContain('page 1 of 2');
    const keyboard1 = (page1.params.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard;
    expect(keyboard1.filter((row) => row[0].callback_data.startsWith('v1:open:'))).toHaveLength(5);
    expect(keyboard1.at(-1)!.map((b) => b.callback_data)).toEqual(['v1:past:1']);

    mark = standIn.mark();
    await standIn.pressButton(user, (page1.result as { message_id: number }).message_id, 'v1:past:1');
    const page2 = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
    expect(String(page2.params.text)).toContain('page 2 of 2');
    const keyboard2 = (page2.params.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard;
    expect(keyboard2.filter((row) => row[0].callback_data.startsWith('v1:open:'))).toHaveLength(2);

    mark = standIn.mark();
    await standIn.pressButton(user, (page2.result as { message_id: number }).message_id, keyboard2[0][0].callback_data);
    await eventually(async () => expect(textsSince(standIn, user.id, mark).join('\n')).toContain('Reading number 5.'));

    // Opened again (later than a double tap), the same picture goes by the file_id Telegram gave it the first time: no drawing, no upload.
    await sleep(REPEAT_PRESS_MS + 100);
    const firstOpen = mark;
    const photosOf = () => standIn.calls('sendPhoto').filter((c) => c.index >= firstOpen && Number(c.params.chat_id) === user.id);
    mark = standIn.mark();
    await standIn.pressButton(user, (page2.result as { message_id: number }).message_id, keyboard2[0][0].callback_data);
    await eventually(async () => expect(textsSince(standIn, user.id, mark).join('\n')).toContain('Reading number 5.'));
    const [uploaded, reused] = photosOf();
    expect(typeof uploaded.params.photo).toBe('object');
    const fileId = (uploaded.result as { photo: { file_id: string }[] }).photo.at(-1)!.file_id;
    expect({ photo: reused.params.photo, ok: reused.ok, caption: reused.params.caption }).toEqual({ photo: fileId, ok: true, caption: uploaded.params.caption });
  });

  it('keeps the newest 250 readings of /past in one cache entry, reads older pages from the database, and forgets on a change', async () => {
    const user: Player = { id: 10_012, first_name: 'Fay' };
    await say(standIn, user, '/start');
    const { id: userId } = await userRow(user.id);
    await sut.dataSource.query(
      `INSERT INTO readings (user_id, spread_type, cards, interpretation, status, created_at)
       SELECT $1, 'three_card', '[]', 'r' || n, 'completed', now() - make_interval(mins => n) FROM generate_series(1, 253) AS n`,
      [userId],
    );
    const past = sut.app.get(PastReadingsService);
    const ids = (await sut.dataSource.query(`SELECT id FROM readings WHERE user_id = $1 ORDER BY created_at DESC, id DESC`, [userId])).map(
      (r: { id: number }) => r.id,
    );
    const first = await past.page(userId, 0);
    expect({ ids: first.entries.map((e) => e.id), pages: first.pages }).toEqual({ ids: ids.slice(0, 5), pages: 51 });
    expect((await past.page(userId, 49)).entries.map((e) => e.id)).toEqual(ids.slice(245, 250));
    expect((await past.page(userId, 50)).entries.map((e) => e.id)).toEqual(ids.slice(250, 253));

    await sut.dataSource.query(`INSERT INTO readings (user_id, spread_type, cards, interpretation, status) VALUES ($1, 'single', '[]', '', 'in_progress')`, [userId]);
    expect((await past.page(userId, 0)).entries).toHaveLength(5);
    expect((await past.page(userId, 0)).pages).toBe(51); // cached: the insert above went around the app
    await sut.app.get(ReadingsService).forgetHistory(userId);
    const fresh = await past.page(userId, 0);
    expect({ newest: fresh.entries[0].status, pages: fresh.pages }).toEqual({ newest: 'in_progress', pages: 51 });
    expect((await past.page(userId, 50)).entries).toHaveLength(4);
  });

  it('serves a user\'s readings and one reading on the REST API', async () => {
    const { id } = await userRow(10_001);
    const { body } = await request(sut.server).get(`/api/v1/users/${id}/readings`).set(auth).expect(200);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ spreadType: 'single', status: 'completed' });
    const one = await request(sut.server).get(`/api/v1/readings/${body.items[0].id}`).set(auth).expect(200);
    expect(one.body.cards).toHaveLength(1);
    await request(sut.server).get('/api/v1/readings/999999').set(auth).expect(404);
  });
});
