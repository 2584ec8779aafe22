import request from 'supertest';
import { MESSAGES_EN } from 'src/common/i18n/messages.en';
import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { eventually } from '../support/eventually';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { payAndWait, requestInvoice } from '../support/payment-helpers';
import { chooseSpread, picturesSince, Player, textsSince } from '../support/reading-helpers';
import { ADMIN_TOKEN, startAppOnStandIn, stopAppOnStandIn, TestApp } from '../support/test-app';

/** Every run of English words from the catalogue (between placeholders and tags) long enough to be telling. */
function englishFragments(): string[] {
  const texts = Object.values(MESSAGES_EN).flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m)));
  const fragments = texts.flatMap((t) =>
    t
      .split(/\{\w+\}|<[^>]+>|\n/)
      .map((s) => s.trim())
      .filter((s) => s.length >= 12 && /[a-z]{4}/.test(s)),
  );
  const cardNames = Object.values(CARD_TEXTS_EN).map((c) => c.names.rws);
  return [...new Set([...fragments, ...cardNames.filter((n) => n.length >= 8)])];
}

describe('the bot in Ukrainian and Russian', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

  beforeAll(async () => {
    ({ standIn, sut } = await startAppOnStandIn());
  });

  afterAll(() => stopAppOnStandIn(sut, standIn));

  const grant = async (telegramId: number, amount: number) => {
    const [{ id }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [telegramId]);
    await request(sut.server).post(`/api/v1/users/${id}/credits/grant`).set(auth).send({ amount, reason: 'test' }).expect(200);
  };

  it('registers the command menu in each language', async () => {
    // Set in the background at start, so that a Telegram hiccup does not stop the bot.
    await eventually(async () => {
      const menus = standIn.calls('setMyCommands').map((c) => c.params.language_code ?? 'default');
      expect(menus).toEqual(expect.arrayContaining(['default', 'uk', 'ru']));
    });
    const uk = standIn.calls('setMyCommands').find((c) => c.params.language_code === 'uk')!;
    expect(JSON.stringify(uk.params.commands)).toMatch(/[а-яіїєґ]/i);
  });

  it('takes a Ukrainian user through /start, a purchase and a Celtic Cross without a word of English', async () => {
    const user: Player = { id: 80_001, first_name: 'Оксана', language_code: 'uk' };
    const mark = standIn.mark();
    expect(await say(standIn, user, '/start')).toContain('5 кредитів');
    const invoiceId = await requestInvoice(standIn, user, 'credits_50');
    const invoice = standIn.calls('sendInvoice').at(-1)!.params;
    expect(String(invoice.title)).toMatch(/кредит/);
    const { reply } = await payAndWait(standIn, user, invoiceId);
    expect(reply).toContain('55 кредитів');
    await chooseSpread(standIn, user, 'celtic_cross');
    const readingMark = standIn.mark();
    await standIn.sendText(user, 'Що чекає на мене цієї осені?');
    await standIn.waitForCall(
      (c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id && c.index > readingMark && /40 кредитів/.test(String(c.params.text)),
      { after: readingMark, timeoutMs: 10_000 },
    );
    const received = [
      ...textsSince(standIn, user.id, mark),
      ...standIn.calls('sendInvoice').filter((c) => c.index >= mark).map((c) => `${c.params.title}\n${c.params.description}`),
      ...picturesSince(standIn, user.id, mark).map((c) => c.caption),
    ].join('\n');
    expect(englishFragments().length).toBeGreaterThan(150);
    const english = englishFragments().filter((fragment) => received.includes(fragment));
    expect(english).toEqual([]);
    expect(received).toMatch(/Кельтський хрест/i);
  });

  it('uses Russian plural forms', async () => {
    const user: Player = { id: 80_002, first_name: 'Игорь', language_code: 'ru' };
    expect(await say(standIn, user, '/start')).toContain('5 кредитов');
    await grant(user.id, 16);
    expect(await say(standIn, user, '/balance')).toContain('21 кредит</b>');
    await grant(user.id, 1);
    expect(await say(standIn, user, '/balance')).toContain('22 кредита</b>');
    await grant(user.id, 3);
    expect(await say(standIn, user, '/balance')).toContain('25 кредитов</b>');
  });

  it('switches language in /preferences from the next message on', async () => {
    const user: Player = { id: 80_003, first_name: 'Alex', language_code: 'en' };
    await say(standIn, user, '/start');
    let mark = standIn.mark();
    await standIn.sendText(user, '/preferences');
    const menu = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
    mark = standIn.mark();
    await standIn.pressButton(user, (menu.result as { message_id: number }).message_id, 'v1:pref:language:uk');
    await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
    expect(await say(standIn, user, '/balance')).toContain('5 кредитів');
    const [{ preferences }] = await sut.dataSource.query(`SELECT preferences FROM users WHERE telegram_id = $1`, [user.id]);
    expect(preferences).toMatchObject({ language: 'uk', languageChosen: true });
    expect(await say(standIn, { ...user, language_code: 'ru' }, '/start')).toContain('кредитів');
  });
});
