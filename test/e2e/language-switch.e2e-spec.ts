import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { CallRecord } from 'src/bot-api-stand-in/stand-in-api.types';
import { say } from '../support/bot-helpers';
import { Player } from '../support/reading-helpers';
import { startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';

describe('choosing a language in /preferences', () => {
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

  /** Presses a language on the latest /preferences menu: the callback's answer, the menu that follows, and every call made meanwhile. */
  const choose = async (player: Player, language: string): Promise<{ answer: CallRecord; menu: string; calls: CallRecord[] }> => {
    let mark = standIn.mark();
    await standIn.sendText(player, '/preferences');
    const shown = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === player.id, { after: mark });
    mark = standIn.mark();
    await standIn.pressButton(player, (shown.result as { message_id: number }).message_id, `v1:pref:language:${language}`);
    const answer = await standIn.waitForCall('answerCallbackQuery', { after: mark });
    const menu = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === player.id, { after: mark });
    return { answer, menu: String(menu.params.text), calls: standIn.calls().filter((c) => c.index >= mark) };
  };

  const chatMenus = (calls: CallRecord[], method: string, chatId: number) =>
    calls.filter((c) => c.method === method && (c.params.scope as { chat_id?: number } | undefined)?.chat_id === chatId);

  it('confirms in the new language, answers in it from then on, and sets the chat’s command menu', async () => {
    const player: Player = { id: 14_001, first_name: 'Alex', language_code: 'en' };
    await say(standIn, player, '/start');

    const toUk = await choose(player, 'uk');
    expect(toUk.answer.params.text).toBe('Збережено.');
    expect(toUk.menu).toContain('Ваші налаштування');
    const [ukMenu] = chatMenus(toUk.calls, 'setMyCommands', player.id);
    expect(ukMenu.params.scope).toEqual({ type: 'chat', chat_id: player.id });
    expect(ukMenu.params.commands).toContainEqual({ command: 'read', description: 'Обрати розклад' });
    expect(await say(standIn, player, '/balance')).toContain('кредитів');

    const toRu = await choose(player, 'ru');
    expect(toRu.answer.params.text).toBe('Сохранено.');
    expect(toRu.menu).toContain('Ваши настройки');
    expect(chatMenus(toRu.calls, 'setMyCommands', player.id)[0].params.commands).toContainEqual(
      expect.objectContaining({ command: 'read', description: expect.not.stringMatching(/Choose|Обрати/) }),
    );

    // Back to Telegram's own language: the chat's menu goes, and the language's default one shows again.
    const toEn = await choose(player, 'en');
    expect(toEn.answer.params.text).toBe('Saved.');
    expect(toEn.menu).toContain('Your preferences');
    expect(chatMenus(toEn.calls, 'deleteMyCommands', player.id)).toHaveLength(1);
    expect(chatMenus(toEn.calls, 'setMyCommands', player.id)).toHaveLength(0);
  });
});
