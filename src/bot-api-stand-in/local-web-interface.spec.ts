import { BotApiStandIn } from './bot-api-stand-in';
import type { TgMessage } from './telegram-objects.types';

const TOKEN = '123456789:AAE-stand-in-test-token';
const USER = { id: 5002, first_name: 'Lin', language_code: 'ru' };
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

type Event = { event: string; data: Record<string, unknown> };

async function call<T>(base: string, method: string, params: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${base}/bot${TOKEN}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  const body = (await response.json()) as { ok: boolean; result: T; description?: string };
  if (!body.ok) throw new Error(`${method}: ${body.description}`);
  return body.result;
}

/** Reads a server-sent event stream; `next(name)` resolves with the next event of that name. */
async function openEvents(url: string): Promise<{ next(name: string): Promise<Event['data']>; close(): void }> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: Event[] = [];
  let buffer = '';
  const pull = async (): Promise<void> => {
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended');
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (name && data) events.push({ event: name, data: JSON.parse(data) as Event['data'] });
    }
  };
  return {
    async next(name) {
      for (;;) {
        const index = events.findIndex((event) => event.event === name);
        if (index >= 0) return events.splice(0, index + 1)[index].data;
        await pull();
      }
    },
    close: () => controller.abort(),
  };
}

describe('BotApiStandIn local web interface', () => {
  let standIn: BotApiStandIn;
  let base: string;

  beforeEach(async () => {
    standIn = new BotApiStandIn(null);
    base = await standIn.start();
  });

  afterEach(async () => {
    await standIn.stop();
  });

  it('streams a chat: the history first, then messages, typing, edits, deletions and drafts as they happen', async () => {
    await standIn.sendText(USER, '/start');
    const events = await openEvents(`${base}/_standin/users/${USER.id}/events`);
    try {
      expect(await events.next('snapshot')).toMatchObject({ messages: [{ side: 'user', text: '/start' }] });

      await call(base, 'sendChatAction', { chat_id: USER.id, action: 'typing' });
      expect(await events.next('action')).toEqual({ action: 'typing' });

      const sent = await call<TgMessage>(base, 'sendMessage', { chat_id: USER.id, text: '<b>Hi</b> there', parse_mode: 'HTML' });
      expect(await events.next('message')).toMatchObject({
        side: 'bot',
        message_id: sent.message_id,
        text: 'Hi there',
        entities: [{ type: 'bold', offset: 0, length: 2 }],
      });

      await call(base, 'editMessageText', { chat_id: USER.id, message_id: sent.message_id, text: 'Hello' });
      expect(await events.next('edit')).toMatchObject({ message_id: sent.message_id, text: 'Hello', edit_date: expect.any(Number) });

      await call(base, 'deleteMessage', { chat_id: USER.id, message_id: sent.message_id });
      expect(await events.next('delete')).toEqual({ message_id: sent.message_id });

      await call(base, 'sendMessageDraft', { chat_id: USER.id, draft_id: 3, text: 'Writing <i>now</i>', parse_mode: 'HTML' });
      expect(await events.next('draft')).toEqual({ draft_id: 3, text: 'Writing now', entities: [{ type: 'italic', offset: 8, length: 3 }], date: expect.any(Number) });
    } finally {
      events.close();
    }
  });

  it("streams the bot's answer to a pressed button, and the user's own messages", async () => {
    await standIn.sendText(USER, '/start');
    const menu = await call<TgMessage>(base, 'sendMessage', {
      chat_id: USER.id,
      text: 'Pick',
      reply_markup: { inline_keyboard: [[{ text: 'One', callback_data: 'one' }]] },
    });
    const events = await openEvents(`${base}/_standin/users/${USER.id}/events`);
    try {
      await events.next('snapshot');
      const pressed = await standIn.pressButton(USER.id, menu.message_id, 'one');
      await call(base, 'answerCallbackQuery', { callback_query_id: pressed.callbackQueryId, text: 'Done' });
      expect(await events.next('callback_answer')).toEqual({ callback_query_id: pressed.callbackQueryId, text: 'Done', show_alert: false });

      await fetch(`${base}/_standin/users/${USER.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'hello' }),
      });
      expect(await events.next('message')).toMatchObject({ side: 'user', text: 'hello' });
    } finally {
      events.close();
    }
  });

  it('serves an uploaded photo under its file_ids with the type its bytes show, and refuses unknown ids', async () => {
    await standIn.sendText(USER, '/start');
    const form = new FormData();
    form.append('chat_id', String(USER.id));
    form.append('caption', 'The spread');
    form.append('photo', new Blob([PNG], { type: 'application/octet-stream' }), 'spread.png');
    const response = await fetch(`${base}/bot${TOKEN}/sendPhoto`, { method: 'POST', body: form });
    const { result } = (await response.json()) as { result: TgMessage };

    const view = (await (await fetch(`${base}/_standin/users/${USER.id}/messages`)).json()) as { messages: Array<Record<string, unknown>> };
    const fileId = view.messages.at(-1)?.photo_file_id;
    expect(fileId).toBe(result.photo!.at(-1)!.file_id);
    const file = await fetch(`${base}/_standin/files/${encodeURIComponent(String(fileId))}`);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PNG);

    await call(base, 'sendPhoto', { chat_id: USER.id, photo: result.photo![0].file_id });
    const resent = standIn.lastMessageTo(USER.id)!.photo!.at(-1)!.file_id;
    expect((await fetch(`${base}/_standin/files/${encodeURIComponent(resent)}`)).status).toBe(200);
    expect((await fetch(`${base}/_standin/files/unknown`)).status).toBe(404);
  });

  it("serves the command menu in the user's language, falling back to the default one", async () => {
    await call(base, 'setMyCommands', { commands: [{ command: 'start', description: 'Start' }] });
    await call(base, 'setMyCommands', { commands: [{ command: 'start', description: 'Начать' }], language_code: 'ru' });

    const menu = async (query: string): Promise<unknown> => ((await (await fetch(`${base}/_standin/commands${query}`)).json()) as { commands: unknown }).commands;

    expect(await menu('?language_code=ru')).toEqual([{ command: 'start', description: 'Начать' }]);
    expect(await menu('?language_code=de')).toEqual([{ command: 'start', description: 'Start' }]);
    expect(await menu('')).toEqual([{ command: 'start', description: 'Start' }]);
  });

  it('serves its own origin only: no CORS headers, and another page or a rebound host refused', async () => {
    const preflight = await fetch(`${base}/_standin/users/1/messages`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    const foreign = await fetch(`${base}/_standin/users/1/messages`, {
      method: 'POST',
      headers: { origin: 'https://attacker.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ text: '/start' }),
    });
    const bot = await fetch(`${base}/_standin/bot`);

    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.status).toBe(403);
    expect(standIn.chatHistory(1)).toEqual([]);
    expect(bot.headers.get('access-control-allow-origin')).toBeNull();
    expect(await bot.json()).toMatchObject({ ok: true, bot: { is_bot: true } });
  });

  it('ends open event streams when it stops, without waiting for the browser', async () => {
    const events = await openEvents(`${base}/_standin/users/${USER.id}/events`);
    await events.next('snapshot');
    const started = Date.now();

    await standIn.stop();

    expect(Date.now() - started).toBeLessThan(500);
    await expect(events.next('message')).rejects.toThrow('the stream ended');
  });
});
