import { setTimeout as sleep } from 'node:timers/promises';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { REPEAT_PRESS_MS } from 'src/telegram/button-presses';
import { nextReply, say } from '../support/bot-helpers';
import { Player, textsSince, waitForDelivery } from '../support/reading-helpers';
import { startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';

describe('a second tap on the same button', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn);
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  /** Both taps answered, and what the bot sent meanwhile. */
  const doubleTap = async (player: Player, messageId: number, data: string): Promise<string[]> => {
    const mark = standIn.mark();
    await standIn.pressButton(player, messageId, data);
    await standIn.pressButton(player, messageId, data);
    // Both presses are answered (Telegram shows a spinner until then), the second with nothing else.
    for (let i = 0; i < 50 && standIn.calls('answerCallbackQuery').filter((a) => a.index >= mark).length < 2; i++) await sleep(20);
    expect(standIn.calls('answerCallbackQuery').filter((a) => a.index >= mark)).toHaveLength(2);
    await sleep(500);
    return textsSince(standIn, player.id, mark);
  };

  it('on a spread starts one reading and asks once', async () => {
    const player: Player = { id: 15_001, first_name: 'Tap', language_code: 'en' };
    await say(standIn, player, '/start');
    const mark = standIn.mark();
    await standIn.sendText(player, '/read');
    const menu = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === player.id, { after: mark });
    const sent = await doubleTap(player, (menu.result as { message_id: number }).message_id, 'v1:spread:single');
    expect(sent.filter((t) => t.includes('You chose'))).toHaveLength(1);
    expect(sent.join('\n')).not.toContain('I closed your unfinished reading');
    const [{ n }] = await sut.dataSource.query(
      `SELECT count(*)::int AS n FROM readings r JOIN users u ON u.id = r.user_id WHERE u.telegram_id = $1`,
      [player.id],
    );
    expect(n).toBe(1);
  });

  it('on "Another reading" shows one menu, and a tap seconds later shows it again', async () => {
    const player: Player = { id: 15_002, first_name: 'Again', language_code: 'en' };
    await say(standIn, player, '/start');
    let mark = standIn.mark();
    await standIn.sendText(player, '/read');
    const menu = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === player.id, { after: mark });
    mark = standIn.mark();
    await standIn.pressButton(player, (menu.result as { message_id: number }).message_id, 'v1:spread:single');
    await nextReply(standIn, player.id, mark);
    mark = standIn.mark();
    await standIn.sendText(player, '/skip');
    const last = await waitForDelivery(standIn, player.id, mark);
    const lastId = (last.result as { message_id: number }).message_id;
    expect(JSON.stringify(last.params.reply_markup)).toContain('v1:read');

    const sent = await doubleTap(player, lastId, 'v1:read');
    expect(sent.filter((t) => t.includes('Choose a spread'))).toHaveLength(1);

    await sleep(REPEAT_PRESS_MS + 100);
    mark = standIn.mark();
    await standIn.pressButton(player, lastId, 'v1:read');
    expect(await nextReply(standIn, player.id, mark)).toContain('Choose a spread');
  });
});
