import { createClient } from '@keyv/redis';
import request from 'supertest';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { LocalBotApi } from 'src/bot-api-stand-in/local-bot-api';
import { nextReply, say } from '../support/bot-helpers';
import { eventually } from '../support/eventually';
import { chooseSpread, Player, textsSince, waitForDelivery } from '../support/reading-helpers';
import { SPEC_PATH, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment, TestEnvironment } from '../support/test-environment';

/** Every table of the schema: a new one fails this spec until deletion has been thought through for it. */
const TABLES = ['migrations', 'rate_limits', 'readings', 'transactions', 'user_sessions', 'users'];

const QUESTION = 'Will Marta from the bakery say yes to me?';
const SUPPORT_TEXT = 'My card ending 4242 was charged twice';

describe('/deleteme', () => {
  let standIn: BotApiStandIn;
  let environment: TestEnvironment;
  let sut: TestApp;
  let redis: ReturnType<typeof createClient>;

  beforeAll(async () => {
    standIn = await startStandIn();
    environment = await prepareTestEnvironment();
    sut = await startTestApp(environment, standIn);
    redis = createClient({ url: environment.redisUrl });
    await redis.connect();
  });

  afterAll(async () => {
    await redis?.close();
    await sut?.close();
    await standIn?.stop();
  });

  const userId = async (player: Player): Promise<number> =>
    (await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [player.id]))[0].id;

  const confirmDeletion = async (player: Player): Promise<string> => {
    let mark = standIn.mark();
    await standIn.sendText(player, '/deleteme');
    const prompt = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === player.id, { after: mark });
    mark = standIn.mark();
    await standIn.pressButton(player, (prompt.result as { message_id: number }).message_id, 'v1:deleteme:yes');
    return nextReply(standIn, player.id, mark);
  };

  it('leaves nothing of the readings, conversations or caches but what the ledger needs', async () => {
    const player: Player = { id: 12_001, first_name: 'Gia', language_code: 'en' };
    await say(standIn, player, '/start');
    // A paid reading with a question, the free card of the day, a cancelled reading and a support request.
    await chooseSpread(standIn, player, 'single');
    let mark = standIn.mark();
    await standIn.sendText(player, QUESTION);
    await waitForDelivery(standIn, player.id, mark);
    mark = standIn.mark();
    await standIn.sendText(player, '/today');
    await eventually(async () => expect(textsSince(standIn, player.id, mark).length).toBeGreaterThanOrEqual(3));
    await sut.dataSource.query(`UPDATE users SET credits = credits + 20 WHERE telegram_id = $1`, [player.id]);
    await sut.dataSource.query(
      `INSERT INTO transactions (user_id, amount, type, status, payment_provider, metadata)
       SELECT id, 20, 'adjustment', 'completed', 'operator', '{"reason":"test"}' FROM users WHERE telegram_id = $1`,
      [player.id],
    );
    await chooseSpread(standIn, player, 'relationship');
    await say(standIn, player, 'Is this the one?');
    await say(standIn, player, '/cancel');
    await say(standIn, player, '/paysupport');
    await say(standIn, player, SUPPORT_TEXT);
    const pastBefore = await say(standIn, player, '/past');
    expect(pastBefore).toContain('Your readings');
    const id = await userId(player);
    const [paid] = await sut.dataSource.query(
      `SELECT (metadata->>'readingId')::int AS reading FROM transactions WHERE user_id = $1 AND type = 'reading_cost'`,
      [id],
    );
    const keysBefore = await redis.keys('*');
    expect(keysBefore.some((key) => key.includes(`reading_history:${id}`))).toBe(true);

    expect(await confirmDeletion(player)).toContain('Your data has been deleted');

    // Every table, read whole: what is left of this user, and nothing of what they told us.
    const tables = (await sut.dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map(
      (t: { table_name: string }) => t.table_name,
    );
    expect(tables).toEqual(TABLES);
    for (const table of tables) {
      const rows: { row: string }[] = await sut.dataSource.query(`SELECT row_to_json(t)::text AS row FROM ${table} t`);
      for (const { row } of rows) {
        expect(row).not.toContain('Marta');
        expect(row).not.toContain('Is this the one');
        expect(row).not.toContain('4242');
      }
    }
    const [user] = await sut.dataSource.query(`SELECT status, preferences, credits FROM users WHERE id = $1`, [id]);
    expect(user).toEqual({ status: 'deleted', preferences: {}, credits: 20 });
    const readings = await sut.dataSource.query(
      `SELECT id, spread_type, status, question, cards, interpretation, questionnaire_responses, error_message FROM readings WHERE user_id = $1`,
      [id],
    );
    expect(readings).toEqual([
      {
        id: paid.reading,
        spread_type: 'single',
        status: 'completed',
        question: null,
        cards: [],
        interpretation: '',
        questionnaire_responses: null,
        error_message: null,
      },
    ]);
    const ledger = await sut.dataSource.query(`SELECT type, amount FROM transactions WHERE user_id = $1 ORDER BY id`, [id]);
    expect(ledger).toEqual([
      { type: 'bonus', amount: 5 },
      { type: 'reading_cost', amount: -5 },
      { type: 'adjustment', amount: 20 },
    ]);
    const sessions = await sut.dataSource.query(`SELECT status, data FROM user_sessions WHERE user_id = $1`, [id]);
    expect(sessions.length).toBeGreaterThan(0);
    for (const session of sessions) expect(session).toEqual({ status: expect.not.stringMatching(/^active$/), data: null });
    expect(await sut.dataSource.query(`SELECT * FROM rate_limits WHERE user_id = $1`, [id])).toEqual([]);

    // Every Redis key and value: nothing cached of this user.
    for (const key of await redis.keys('*')) {
      expect(key).not.toContain(`tg:${player.id}`);
      expect(key).not.toContain(`reading_history:${id}`);
      const value = (await redis.type(key)) === 'string' ? await redis.get(key) : '';
      expect(value ?? '').not.toContain('Marta');
      expect(value ?? '').not.toContain('4242');
    }

    // Back again: /past is empty, and the old reading's button opens nothing.
    expect(await say(standIn, player, '/start')).toContain('Welcome back');
    expect(await say(standIn, player, '/past')).toContain('You have no readings yet');
    const mark2 = standIn.mark();
    const menu = standIn.lastMessageTo(player.id)!;
    await standIn.deliver({
      update_id: standIn.nextUpdateId(),
      callback_query: {
        id: 'old-past-button',
        from: { id: player.id, is_bot: false, first_name: 'Gia' },
        chat_instance: '1',
        data: `v1:open:${paid.reading}`,
        message: { message_id: menu.message_id, date: 1, chat: { id: player.id, type: 'private' } },
      },
    });
    expect(await nextReply(standIn, player.id, mark2)).toBe('That reading is not available any more.');
  });

  it('says on /privacy exactly what stays and why', async () => {
    const player: Player = { id: 12_002, first_name: 'Hu', language_code: 'en' };
    await say(standIn, player, '/start');
    const privacy = await say(standIn, player, '/privacy');
    expect(privacy).toContain('/deleteme erases</b> your readings with their questions, answers, cards and interpretations');
    expect(privacy).toContain('What stays, for accounting:');
    expect(await say(standIn, { ...player, language_code: 'uk' }, '/privacy')).toContain('Що залишається для бухгалтерії');
  });
});

describe('/deleteme in local mode', () => {
  let sut: TestApp;

  beforeAll(async () => {
    const environment = await prepareTestEnvironment();
    const unused = await startStandIn();
    await unused.stop();
    sut = await startTestApp(environment, unused, {
      TELEGRAM_BOT_TOKEN: undefined,
      TELEGRAM_API_ROOT: undefined,
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
      ADMIN_API_TOKENS: undefined,
      LOCAL_BOT_API_PORT: '0',
      BOT_API_SPEC: SPEC_PATH,
    });
  }, 60_000);

  afterAll(async () => {
    await sut?.close();
  });

  it("erases the web chat's history, leaving only the confirmation", async () => {
    const apiRoot = sut.app.get(LocalBotApi).apiRoot!;
    const messages = async () => (await request(apiRoot).get('/_standin/users/77/messages').expect(200)).body.messages as {
      side: string;
      text?: string;
      message_id: number;
      reply_markup?: { inline_keyboard: { callback_data?: string }[][] };
    }[];
    await request(apiRoot).post('/_standin/users/77/messages').send({ text: '/start', first_name: 'Web' }).expect(200);
    await request(apiRoot).post('/_standin/users/77/messages').send({ text: '/deleteme' }).expect(200);
    let prompt: { message_id: number } | undefined;
    await eventually(async () => {
      prompt = (await messages()).find((m) => m.side === 'bot' && m.text?.includes('Are you sure?'));
      expect(prompt).toBeDefined();
    });
    await request(apiRoot).post('/_standin/users/77/callbacks').send({ message_id: prompt!.message_id, data: 'v1:deleteme:yes' }).expect(200);
    await eventually(async () => {
      const left = await messages();
      expect(left.map((m) => m.text)).toEqual(['Your data has been deleted. Send /start whenever you want to come back.']);
    });
  });
});
