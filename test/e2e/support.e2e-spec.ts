import request from 'supertest';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { CallRecord } from 'src/bot-api-stand-in/stand-in-api.types';
import { nextReply, say } from '../support/bot-helpers';
import { payAndWait, requestInvoice } from '../support/payment-helpers';
import { chooseSpread, Player } from '../support/reading-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';

const OPERATOR = { id: 9900, first_name: 'Olga', username: 'olga_ops' };

describe('support requests', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn, { SUPPORT_CHAT_ID: String(OPERATOR.id) });
    // The operators' chat must exist before the bot can write to it; the operators' own talk gets no answer.
    const mark = standIn.mark();
    await standIn.sendText(OPERATOR, 'good morning, team');
    await expect(standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === OPERATOR.id, { after: mark, timeoutMs: 700 })).rejects.toThrow();
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  /** The message the bot forwarded to the operators' chat after `mark`. */
  const forwarded = (mark: number): Promise<CallRecord> =>
    standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === OPERATOR.id && c.ok, { after: mark });

  /** The operator replies (Telegram's "reply") to a forwarded message. */
  const operatorReplies = async (to: CallRecord, text: string): Promise<void> => {
    const replied = to.result as { message_id: number; date: number; chat: Record<string, unknown>; text: string };
    await standIn.deliver({
      update_id: standIn.nextUpdateId(),
      message: {
        message_id: replied.message_id + 1000,
        date: Math.floor(Date.now() / 1000),
        chat: { id: OPERATOR.id, type: 'private', first_name: OPERATOR.first_name },
        from: { id: OPERATOR.id, is_bot: false, first_name: OPERATOR.first_name, username: OPERATOR.username },
        text,
        reply_to_message: { ...replied, from: standIn.botUser() },
      },
    });
  };

  const requestsOf = async (user: Player) =>
    sut.dataSource.query(
      `SELECT s.id, s.status, s.data FROM user_sessions s JOIN users u ON u.id = s.user_id
       WHERE u.telegram_id = $1 AND s.session_type = 'support' ORDER BY s.id`,
      [user.id],
    );

  it('stores what the user writes after /paysupport, forwards it, and brings the operator’s reply back', async () => {
    const user = { id: 9101, first_name: 'Ann', language_code: 'en' };
    await say(standIn, user, '/start');
    const opened = await say(standIn, user, '/paysupport');
    expect(opened).toContain('It goes to a person on our team, who answers here, usually within 48 hours');

    let mark = standIn.mark();
    await standIn.sendText(user, 'I paid 500 stars yesterday and got no credits');
    const ack = await nextReply(standIn, user.id, mark);
    const [stored] = await requestsOf(user);
    expect(ack).toContain(`request #${stored.id}`);
    expect(ack).toContain('within 48 hours');
    const copy = await forwarded(mark);
    expect(String(copy.params.text)).toContain(`Support request #${stored.id}`);
    expect(String(copy.params.text)).toContain('I paid 500 stars yesterday and got no credits');
    expect(stored.status).toBe('active');
    expect(stored.data).toMatchObject({ state: 'open', messages: [{ from: 'user', text: 'I paid 500 stars yesterday and got no credits' }] });

    const open = await request(sut.server).get('/api/v1/support/requests').set(auth).expect(200);
    expect(open.body.items).toContainEqual(
      expect.objectContaining({ id: stored.id, telegramId: String(user.id), state: 'open', conversationOpen: true }),
    );

    mark = standIn.mark();
    await operatorReplies(copy, 'We found it: 50 credits are on your balance now.');
    const answer = await nextReply(standIn, user.id, mark);
    expect(answer).toContain(`Support</b> (request #${stored.id})`);
    expect(answer).toContain('We found it: 50 credits are on your balance now.');
    const confirmation = await nextReply(standIn, OPERATOR.id, mark);
    expect(confirmation).toBe(`Sent to the user of request #${stored.id}.`);
    const [answered] = await requestsOf(user);
    expect(answered.data.state).toBe('answered');
    expect(answered.data.messages.at(-1)).toMatchObject({ from: 'operator', operator: '@olga_ops' });

    // The user's reply continues the same request, which waits for an answer again.
    mark = standIn.mark();
    await standIn.sendText(user, 'Thank you, I see them');
    expect(await nextReply(standIn, user.id, mark)).toContain(`request #${stored.id}`);
    await forwarded(mark);
    const [continued] = await requestsOf(user);
    expect(continued.data.state).toBe('open');
    expect(continued.data.messages).toHaveLength(3);
  });

  it('answers a request through the REST API and takes it off the open list', async () => {
    const user = { id: 9102, first_name: 'Бо', language_code: 'uk' };
    await say(standIn, user, '/start');
    expect(await say(standIn, user, '/paysupport')).toContain('зазвичай протягом 48 годин');
    expect(await say(standIn, user, 'Гроші списали двічі')).toContain('запит №');
    const [stored] = await requestsOf(user);

    const mark = standIn.mark();
    const answered = await request(sut.server)
      .post(`/api/v1/support/requests/${stored.id}/answer`)
      .set(auth)
      .send({ text: 'Повернули одну оплату.' })
      .expect(200);
    expect(answered.body).toMatchObject({ id: stored.id, state: 'answered', conversationOpen: true });
    expect(answered.body.messages.at(-1)).toMatchObject({ from: 'operator', text: 'Повернули одну оплату.', operator: 'tester' });
    const delivered = await nextReply(standIn, user.id, mark);
    expect(delivered).toContain('Підтримка');
    expect(delivered).toContain('Повернули одну оплату.');

    const open = await request(sut.server).get('/api/v1/support/requests?state=open').set(auth).expect(200);
    expect(open.body.items.map((r: { id: number }) => r.id)).not.toContain(stored.id);
    const one = await request(sut.server).get(`/api/v1/support/requests/${stored.id}`).set(auth).expect(200);
    expect(one.body.messages).toHaveLength(2);
  });

  it('refuses bad requests naming the field, and unknown requests with 404', async () => {
    const noText = await request(sut.server).post('/api/v1/support/requests/1/answer').set(auth).send({}).expect(400);
    expect(JSON.stringify(noText.body)).toContain('text');
    const extra = await request(sut.server).post('/api/v1/support/requests/1/answer').set(auth).send({ text: 'hi', sneaky: 1 }).expect(400);
    expect(JSON.stringify(extra.body)).toContain('sneaky');
    const badState = await request(sut.server).get('/api/v1/support/requests?state=lost').set(auth).expect(400);
    expect(JSON.stringify(badState.body)).toContain('state');
    await request(sut.server).post('/api/v1/support/requests/999999/answer').set(auth).send({ text: 'hi' }).expect(404);
    await request(sut.server).get('/api/v1/support/requests').expect(401);
  });

  it('lets a suspended user reach support and nothing else', async () => {
    const user = { id: 9103, first_name: 'Cy', language_code: 'en' };
    await say(standIn, user, '/start');
    const [{ id }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]);
    await request(sut.server).patch(`/api/v1/users/${id}/status`).set(auth).send({ status: 'suspended' }).expect(200);

    expect(await say(standIn, user, 'hello?')).toContain('Your account is suspended');
    expect(await say(standIn, user, '/paysupport')).toContain('Help with a payment');
    const mark = standIn.mark();
    const ack = await say(standIn, user, 'Why was I suspended? I only bought credits.');
    expect(ack).toContain('request #');
    expect(String((await forwarded(mark)).params.text)).toContain('suspended');
    expect(await say(standIn, user, '/read')).toContain('Your account is suspended');
    expect(await say(standIn, user, '/balance')).toContain('Your account is suspended');
    const [stored] = await requestsOf(user);
    expect(stored.data.messages).toEqual([expect.objectContaining({ text: 'Why was I suspended? I only bought credits.' })]);
  });

  it('puts a support button on every payment receipt, which opens a support conversation', async () => {
    const user = { id: 9104, first_name: 'Di', language_code: 'en' };
    await say(standIn, user, '/start');
    const invoice = await requestInvoice(standIn, user, 'credits_50');
    const { reply } = await payAndWait(standIn, user, invoice);
    expect(reply).toContain('credits');
    const receipt = standIn.lastMessageTo(user.id)!;
    expect(JSON.stringify(receipt.reply_markup)).toContain('v1:support');

    const mark = standIn.mark();
    await standIn.pressButton(user, receipt.message_id, 'v1:support');
    expect(await nextReply(standIn, user.id, mark)).toContain('Your recent payments');
    expect(await say(standIn, user, 'The invoice said 500 but I paid 550')).toContain('request #');
  });

  it('stops an unfinished reading when support is opened, so the next message goes to support', async () => {
    const user = { id: 9105, first_name: 'Ed', language_code: 'en' };
    await say(standIn, user, '/start');
    expect(await chooseSpread(standIn, user, 'single')).toContain('question');
    const opened = await say(standIn, user, '/paysupport');
    expect(opened).toContain('Your unfinished reading was stopped; nothing was charged.');
    expect(await say(standIn, user, 'my payment is stuck')).toContain('request #');
    const [reading] = await sut.dataSource.query(
      `SELECT r.status FROM readings r JOIN users u ON u.id = r.user_id WHERE u.telegram_id = $1`,
      [user.id],
    );
    expect(reading.status).toBe('interrupted');
  });
});
