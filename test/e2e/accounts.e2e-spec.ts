import request from 'supertest';
import { AccountsService } from 'src/accounts/accounts.service';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';

describe('accounts through the bot', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn);
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  const ledgerOf = async (telegramId: number) =>
    sut.dataSource.query(
      `SELECT t.amount, t.type, t.status, t.payment_provider, t.metadata FROM transactions t
       JOIN users u ON u.id = t.user_id WHERE u.telegram_id = $1 ORDER BY t.id`,
      [telegramId],
    );

  it('registers a new user on /start with the welcome credits as a promo bonus', async () => {
    const user = { id: 5001, first_name: 'Ada', language_code: 'en-GB' };
    const reply = await say(standIn, user, '/start');

    expect(reply).toContain('Welcome, Ada');
    expect(reply).toContain('5 credits');
    const [row] = await sut.dataSource.query(`SELECT credits, status, preferences FROM users WHERE telegram_id = $1`, [user.id]);
    expect(row).toEqual({ credits: 5, status: 'active', preferences: { language: 'en' } });
    expect(await ledgerOf(user.id)).toEqual([
      { amount: 5, type: 'bonus', status: 'completed', payment_provider: 'promo', metadata: { reason: 'welcome' } },
    ]);
  });

  it('greets a returning user without granting anything again', async () => {
    const user = { id: 5002, first_name: 'Bo' };
    await say(standIn, user, '/start');
    const reply = await say(standIn, user, '/start');

    expect(reply).toContain('Welcome back, Bo');
    expect(await ledgerOf(user.id)).toHaveLength(1);
  });

  it('shows the balance', async () => {
    const user = { id: 5003, first_name: 'Cy' };
    await say(standIn, user, '/start');
    expect(await say(standIn, user, '/balance')).toContain('You have <b>5 credits</b>');
  });

  it('asks a stranger to /start before anything else', async () => {
    expect(await say(standIn, { id: 5004 }, '/balance')).toContain('Send /start to begin');
  });

  it('deletes on a confirmed /deleteme, and never grants the welcome credits twice', async () => {
    const user = { id: 5005, first_name: 'Di' };
    await say(standIn, user, '/start');
    await sut.dataSource.query(
      `INSERT INTO readings (user_id, spread_type, question, cards, interpretation, status, questionnaire_responses)
       SELECT id, 'single', 'Will it rain?', '[]', 'Yes.', 'completed', '{"q":"a"}' FROM users WHERE telegram_id = $1`,
      [user.id],
    );

    let mark = standIn.mark();
    await standIn.sendText(user, '/deleteme');
    const prompt = await standIn.waitForCall('sendMessage', { after: mark });
    expect(String(prompt.params.text)).toContain('Are you sure?');
    const messageId = (prompt.result as { message_id: number }).message_id;

    mark = standIn.mark();
    await standIn.pressButton(user, messageId, 'v1:deleteme:yes');
    const done = await standIn.waitForCall('sendMessage', { after: mark });
    expect(String(done.params.text)).toContain('Your data has been deleted');

    const [row] = await sut.dataSource.query(`SELECT status, preferences, credits FROM users WHERE telegram_id = $1`, [user.id]);
    expect(row).toEqual({ status: 'deleted', preferences: {}, credits: 5 });
    // Nothing was charged for it, so nothing of it stays.
    const readings = await sut.dataSource.query(`SELECT r.id FROM readings r JOIN users u ON u.id = r.user_id WHERE u.telegram_id = $1`, [user.id]);
    expect(readings).toEqual([]);

    expect(await say(standIn, user, '/balance')).toContain('Send /start to begin again');
    const back = await say(standIn, user, '/start');
    expect(back).toContain('Welcome back');
    expect(await ledgerOf(user.id)).toHaveLength(1);
    const [after] = await sut.dataSource.query(`SELECT status, credits FROM users WHERE telegram_id = $1`, [user.id]);
    expect(after).toEqual({ status: 'active', credits: 5 });
  });

  it('keeps everything when /deleteme is declined', async () => {
    const user = { id: 5006, first_name: 'Ed' };
    await say(standIn, user, '/start');
    let mark = standIn.mark();
    await standIn.sendText(user, '/deleteme');
    const prompt = await standIn.waitForCall('sendMessage', { after: mark });
    mark = standIn.mark();
    await standIn.pressButton(user, (prompt.result as { message_id: number }).message_id, 'v1:deleteme:no');
    const edited = await standIn.waitForCall('editMessageText', { after: mark });
    expect(String(edited.params.text)).toContain('Nothing was deleted');
    const [row] = await sut.dataSource.query(`SELECT status FROM users WHERE telegram_id = $1`, [user.id]);
    expect(row.status).toBe('active');
  });

  it('gives a suspended user one clear message and nothing else, until reactivated', async () => {
    const user = { id: 5007, first_name: 'Flo' };
    await say(standIn, user, '/start');
    const [{ id }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]);

    await request(sut.server).patch(`/api/v1/users/${id}/status`).set(auth).send({ status: 'suspended' }).expect(200);
    expect(await say(standIn, user, '/balance')).toContain('Your account is suspended');
    expect(await say(standIn, user, '/help')).toContain('Your account is suspended');

    await request(sut.server).patch(`/api/v1/users/${id}/status`).set(auth).send({ status: 'active' }).expect(200);
    expect(await say(standIn, user, '/balance')).toContain('5 credits');
  });

  it('answers /help, /terms, /privacy and /paysupport from the catalogue', async () => {
    const user = { id: 5008, first_name: 'Gus' };
    await say(standIn, user, '/start');
    expect(await say(standIn, user, '/help')).toContain('/read');
    expect(await say(standIn, user, '/terms')).toContain('Terms of service');
    expect(await say(standIn, user, '/privacy')).toContain('/deleteme');
    expect(await say(standIn, user, '/cancel')).toContain('nothing to cancel');
    expect(await say(standIn, user, '/paysupport')).toContain('Help with a payment');
    expect(await say(standIn, user, '/cancel')).toContain('Stopped');
    expect(await say(standIn, user, '/nonsense')).toContain('I do not know that command');
  });

  it('answers a press on an old keyboard politely', async () => {
    const user = { id: 5009, first_name: 'Hal' };
    await say(standIn, user, '/start');
    let mark = standIn.mark();
    await standIn.sendText(user, '/deleteme');
    const prompt = await standIn.waitForCall('sendMessage', { after: mark });
    mark = standIn.mark();
    await standIn.pressButton(user, (prompt.result as { message_id: number }).message_id, 'v1:deleteme:no');
    await standIn.waitForCall('editMessageText', { after: mark });
    // The edit removed the buttons; an update carrying an old version's data still gets an answer.
    const update = {
      update_id: standIn.nextUpdateId(),
      callback_query: {
        id: 'old-keyboard-1',
        from: { id: user.id, is_bot: false, first_name: 'Hal' },
        chat_instance: '1',
        data: 'v0:delete:yes',
        message: { message_id: (prompt.result as { message_id: number }).message_id, date: 1, chat: { id: user.id, type: 'private' } },
      },
    };
    mark = standIn.mark();
    await standIn.deliver(update);
    const answer = await standIn.waitForCall('answerCallbackQuery', { after: mark });
    expect(answer.params.text).toBe('This button has expired. Please use the latest message.');
  });

  it('tells the user something went wrong when a handler fails, and goes on working', async () => {
    const user = { id: 5010, first_name: 'Ivy' };
    const accounts = sut.app.get(AccountsService);
    const spy = jest.spyOn(accounts, 'start').mockRejectedValueOnce(new Error('database exploded'));
    try {
      expect(await say(standIn, user, '/start')).toBe('Something went wrong on our side. Please try again in a moment.');
    } finally {
      spy.mockRestore();
    }
    expect(await say(standIn, user, '/start')).toContain('Welcome, Ivy');
  });

  it('only talks in private chats', async () => {
    const mark = standIn.mark();
    await standIn.deliver({
      update_id: standIn.nextUpdateId(),
      message: {
        message_id: 1,
        date: 1,
        chat: { id: -100123, type: 'group', title: 'Witches' },
        from: { id: 5011, is_bot: false, first_name: 'Jo' },
        text: '/start',
      },
    });
    const reply = await standIn.waitForCall('sendMessage', { after: mark }).catch(() => undefined);
    expect(reply?.ok ?? false).toBe(false);
    const [{ n }] = await sut.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE telegram_id = 5011`);
    expect(n).toBe(0);
  });

  it('registers the command menu at start', () => {
    const call = standIn.calls('setMyCommands')[0];
    expect(call).toBeDefined();
    const commands = call.params.commands as { command: string }[];
    expect(commands.map((c) => c.command)).toEqual(
      expect.arrayContaining(['start', 'help', 'balance', 'cancel', 'paysupport', 'terms', 'privacy', 'deleteme']),
    );
  });
});
