import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { BOT_COMMANDS } from 'src/bot/bot-commands';
import { UsersService } from 'src/users/users.service';
import { nextReply, say } from '../support/bot-helpers';
import { eventually } from '../support/eventually';
import { chooseSpread, picturesSince, Player, textsSince, waitForDelivery } from '../support/reading-helpers';
import { startAppOnStandIn, stopAppOnStandIn, TestApp } from '../support/test-app';

describe('what the bot says', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;

  beforeAll(async () => {
    ({ standIn, sut } = await startAppOnStandIn());
  });

  afterAll(() => stopAppOnStandIn(sut, standIn));

  it.each(['en', 'uk', 'ru'])('lists every command in /help (%s)', async (language) => {
    const player: Player = { id: 16_000 + ['en', 'uk', 'ru'].indexOf(language), first_name: 'Help', language_code: language };
    await say(standIn, player, '/start');
    const help = await say(standIn, player, '/help');
    for (const { command } of [...BOT_COMMANDS, { command: 'skip' }]) expect(help).toContain(`/${command} `);
  });

  it.each([
    ['en', 'hello, can you read my cards?', 'Choose a spread'],
    ['uk', 'Привіт, зробиш мені розклад?', 'Оберіть розклад'],
    ['ru', 'Погадай мне, пожалуйста', 'Выберите расклад'],
  ])('answers a request for a reading with the spread menu (%s)', async (language, text, menu) => {
    const player: Player = { id: 16_010 + ['en', 'uk', 'ru'].indexOf(language), first_name: 'Ask', language_code: language };
    await say(standIn, player, '/start');
    const mark = standIn.mark();
    await standIn.sendText(player, text);
    const menuCall = await standIn.waitForCall(
      (c) => c.method === 'sendMessage' && Number(c.params.chat_id) === player.id && JSON.stringify(c.params.reply_markup ?? '').includes('v1:spread:'),
      { after: mark },
    );
    expect(String(menuCall.params.text)).toContain(menu);
  });

  it('points anything else to what the bot does, briefly and kindly', async () => {
    const player: Player = { id: 16_020, first_name: 'Chat', language_code: 'en' };
    await say(standIn, player, '/start');
    expect(await say(standIn, player, 'what a lovely day')).toBe(
      'I read tarot cards. /read to choose a spread, /today for a free card of the day, /help for everything else.',
    );
  });

  it('names the plan in the user’s language and says whether it renews or ends', async () => {
    const player: Player = { id: 16_030, first_name: 'Plan', language_code: 'uk' };
    await say(standIn, player, '/start');
    await sut.dataSource.query(`UPDATE users SET subscription_tier = 'basic', subscription_expires_at = '2099-01-15' WHERE telegram_id = $1`, [player.id]);
    const [{ id }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [player.id]);
    await sut.app.get(UsersService).forget(String(player.id));
    const renewing = await say(standIn, player, '/balance');
    expect(renewing).toContain('Ваш тариф: <b>Базовий</b>, продовжиться 15 січня 2099');
    await sut.dataSource.query(
      `INSERT INTO transactions (user_id, amount, type, status, payment_provider, payment_reference, metadata)
       VALUES ($1, 0, 'subscription', 'completed', 'telegram_stars', 'charge-words-1', '{"tier":"basic","renewalCanceled":true}')`,
      [id],
    );
    expect(await say(standIn, player, '/balance')).toContain('Ваш тариф: <b>Базовий</b>, завершиться 15 січня 2099');
  });

  it('labels /past entries with the question’s first words, or the first card', async () => {
    const player: Player = { id: 16_040, first_name: 'Past', language_code: 'en' };
    await say(standIn, player, '/start');
    await sut.dataSource.query(`UPDATE users SET credits = 100 WHERE telegram_id = $1`, [player.id]);
    await sut.app.get(UsersService).forget(String(player.id));
    for (const question of ['Should I take the job offer in Lisbon this autumn?', null]) {
      await chooseSpread(standIn, player, 'single');
      const mark = standIn.mark();
      await standIn.sendText(player, question ?? '/skip');
      await waitForDelivery(standIn, player.id, mark);
    }
    const [{ card }] = await sut.dataSource.query(
      `SELECT r.cards->0->>'name' AS card FROM readings r JOIN users u ON u.id = r.user_id WHERE u.telegram_id = $1 AND r.question IS NULL`,
      [player.id],
    );
    const mark = standIn.mark();
    await standIn.sendText(player, '/past');
    await nextReply(standIn, player.id, mark);
    const list = standIn.lastMessageTo(player.id)!;
    const labels = list.reply_markup!.inline_keyboard.flat().map((b) => b.text);
    expect(labels).toEqual([expect.stringMatching(new RegExp(`Single Card: ${card}$`)), expect.stringMatching(/Single Card: Should I take the job offer in…$/)]);
  });

  it('says the list of cards once: in the picture’s caption, not again in the message after it', async () => {
    const player: Player = { id: 16_050, first_name: 'Once', language_code: 'en' };
    await say(standIn, player, '/start');
    await chooseSpread(standIn, player, 'single');
    const mark = standIn.mark();
    await standIn.sendText(player, '/skip');
    await waitForDelivery(standIn, player.id, mark);
    const [photo] = picturesSince(standIn, player.id, mark);
    expect(photo.caption).toContain('Single Card');
    expect(photo.caption.split('\n').filter((line) => /^1\. /.test(line))).toHaveLength(1);
    const listed = standIn
      .calls('sendMessage')
      .filter((c) => c.index >= mark && Number(c.params.chat_id) === player.id)
      .filter((c) => String(c.params.text).split('\n').some((line) => /^1\. /.test(line)));
    expect(listed).toHaveLength(0);
  });

  it('shows /today and a reopened reading under the headings of a fresh one', async () => {
    const player: Player = { id: 16_060, first_name: 'Heads', language_code: 'en' };
    await say(standIn, player, '/start');
    const headings = ['The spread as a whole', 'The cards', 'Guidance'];
    let mark = standIn.mark();
    await standIn.sendText(player, '/today');
    await eventually(async () => {
      const today = textsSince(standIn, player.id, mark).join('\n');
      for (const heading of headings) expect(today).toContain(`<b>${heading}</b>`);
    });

    await chooseSpread(standIn, player, 'single');
    mark = standIn.mark();
    await standIn.sendText(player, 'Where is my energy best spent?');
    await waitForDelivery(standIn, player.id, mark);
    mark = standIn.mark();
    await standIn.sendText(player, '/past');
    await nextReply(standIn, player.id, mark);
    const list = standIn.lastMessageTo(player.id)!;
    const open = list.reply_markup!.inline_keyboard.flat().find((b) => b.text.includes('Where is my energy'))!;
    mark = standIn.mark();
    await standIn.pressButton(player, list.message_id, open.callback_data!);
    await eventually(async () => {
      const reopened = textsSince(standIn, player.id, mark).join('\n');
      for (const heading of headings) expect(reopened).toContain(`<b>${heading}</b>`);
      expect(reopened).toMatch(/<b>[^<]+ · [^<]+<\/b>\n/);
    });
  });
});
