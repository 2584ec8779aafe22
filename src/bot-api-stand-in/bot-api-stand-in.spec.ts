import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_BOT_API_SPEC } from './bot-api-spec';
import { BotApiStandIn } from './bot-api-stand-in';
import type { TgMessage, TgUpdate } from './telegram-objects.types';

const TOKEN = '123456789:AAE-stand-in-test-token';
const USER = { id: 5001, first_name: 'Ada', language_code: 'en', username: 'ada' };

interface ApiReply<T = unknown> {
  status: number;
  body: { ok: boolean; result: T; error_code?: number; description?: string; parameters?: { retry_after?: number } };
}

async function call<T = unknown>(base: string, method: string, params: Record<string, unknown> = {}): Promise<ApiReply<T>> {
  const response = await fetch(`${base}/bot${TOKEN}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as ApiReply<T>['body'] };
}

const keyboard = (...data: string[]) => ({ inline_keyboard: [data.map((value) => ({ text: value, callback_data: value }))] });

describe('BotApiStandIn over HTTP', () => {
  let clock: number;
  let standIn: BotApiStandIn;
  let base: string;

  beforeEach(async () => {
    clock = Date.UTC(2026, 0, 15, 12, 0, 0);
    standIn = new BotApiStandIn(DEFAULT_BOT_API_SPEC, { now: () => clock, callbackAnswerTimeoutMs: 15_000 });
    base = await standIn.start();
  });

  afterEach(async () => {
    await standIn.stop();
  });

  describe('bot identity and messages', () => {
    it('answers getMe with the bot behind the token and records the token', async () => {
      const { status, body } = await call<{ id: number; is_bot: boolean; username: string }>(base, 'getMe');
      expect(status).toBe(200);
      expect(body.result).toMatchObject({ id: 123456789, is_bot: true, username: 'tarot_standin_bot' });
      expect(standIn.tokens()).toEqual([TOKEN]);
    });

    it('sends a message to a known chat, records the call and keeps the message', async () => {
      await standIn.sendText(USER, '/start');
      const { status, body } = await call<TgMessage>(base, 'sendMessage', {
        chat_id: USER.id,
        text: '<b>Welcome</b>, Ada',
        parse_mode: 'HTML',
        reply_markup: keyboard('draw'),
      });

      expect(status).toBe(200);
      expect(body.result).toMatchObject({
        message_id: 2,
        from: { id: 123456789, is_bot: true },
        chat: { id: USER.id, type: 'private', first_name: 'Ada' },
        date: Math.floor(clock / 1000),
        text: 'Welcome, Ada',
        entities: [{ type: 'bold', offset: 0, length: 7 }],
        reply_markup: keyboard('draw'),
      });
      const [recorded] = standIn.calls('sendMessage');
      expect(recorded).toMatchObject({ method: 'sendMessage', ok: true, token: TOKEN, params: { chat_id: USER.id } });
      expect(standIn.lastMessageTo(USER.id)?.text).toBe('Welcome, Ada');
    });

    it('refuses chats of users it does not know, and non-conforming calls', async () => {
      const unknown = await call(base, 'sendMessage', { chat_id: 999, text: 'hello?' });
      expect(unknown).toEqual({ status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } });

      await standIn.sendText(USER, 'hi');
      const noText = await call(base, 'sendMessage', { chat_id: USER.id });
      expect(noText.status).toBe(400);
      expect(noText.body.description).toMatch(/^Bad Request: .*text/);
      const unknownMethod = await call(base, 'sendHoroscope', { chat_id: USER.id });
      expect(unknownMethod.status).toBe(400);
      expect(standIn.calls().map((recorded) => [recorded.method, recorded.ok, recorded.errorCode])).toEqual([
        ['sendMessage', false, 400],
        ['sendMessage', false, 400],
        ['sendHoroscope', false, 400],
      ]);
    });

    it('shows a draft (sendMessageDraft) in a private chat, replaced by the next one and ended by a message or after 30 s', async () => {
      await standIn.sendText(USER, 'hi');
      const first = await call(base, 'sendMessageDraft', { chat_id: USER.id, draft_id: 7, text: '' });
      expect(first).toEqual({ status: 200, body: { ok: true, result: true } });
      expect(standIn.draftIn(USER.id)).toEqual({ draft_id: 7, text: '', date: Math.floor(clock / 1000) });

      await call(base, 'sendMessageDraft', { chat_id: USER.id, draft_id: 7, text: '<b>The Star</b> &amp; hope', parse_mode: 'HTML' });
      expect(standIn.draftIn(USER.id)).toMatchObject({ draft_id: 7, text: 'The Star & hope', entities: [{ type: 'bold', offset: 0, length: 8 }] });

      await call(base, 'sendMessage', { chat_id: USER.id, text: 'The Star & hope, whole' });
      expect(standIn.draftIn(USER.id)).toBeUndefined();

      await call(base, 'sendMessageDraft', { chat_id: USER.id, draft_id: 8, text: 'Another' });
      clock += 29_000;
      expect(standIn.draftIn(USER.id)?.text).toBe('Another');
      clock += 1_000;
      expect(standIn.draftIn(USER.id)).toBeUndefined();
      expect(standIn.messagesTo(USER.id).map((m) => m.text)).toEqual(['The Star & hope, whole']);
    });

    it('refuses drafts without a draft_id, with a zero one, too long, badly formatted, or to an unknown chat', async () => {
      await standIn.sendText(USER, 'hi');
      const refusals = await Promise.all([
        call(base, 'sendMessageDraft', { chat_id: USER.id, text: 'x' }),
        call(base, 'sendMessageDraft', { chat_id: USER.id, draft_id: 0, text: 'x' }),
        call(base, 'sendMessageDraft', { chat_id: USER.id, draft_id: 1, text: 'x'.repeat(4097) }),
        call(base, 'sendMessageDraft', { chat_id: USER.id, draft_id: 1, text: '<b>open', parse_mode: 'HTML' }),
        call(base, 'sendMessageDraft', { chat_id: 999, draft_id: 1, text: 'x' }),
      ]);
      expect(refusals.map((r) => [r.status, r.body.description])).toEqual([
        [400, expect.stringMatching(/draft_id/)],
        [400, 'Bad Request: draft_id must be non-zero'],
        [400, 'Bad Request: message is too long'],
        [400, expect.stringMatching(/^Bad Request: can't parse entities/)],
        [400, 'Bad Request: chat not found'],
      ]);
      expect(standIn.draftIn(USER.id)).toBeUndefined();
      expect((await call(base, 'sendMessageDraft', { chat_id: USER.id, draft_id: 1, text: 'x'.repeat(4096) })).status).toBe(200);
    });

    it('builds user updates with a bot_command entity', async () => {
      const { update, via } = await standIn.sendText(USER, '/draw three');
      expect(via).toBe('queue');
      expect(update.message).toMatchObject({
        message_id: 1,
        from: { id: USER.id, is_bot: false, first_name: 'Ada', language_code: 'en', username: 'ada' },
        chat: { id: USER.id, type: 'private', first_name: 'Ada' },
        text: '/draw three',
        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
      });
    });

    it('edits and deletes messages, refusing edits that change nothing', async () => {
      await standIn.sendText(USER, 'hi');
      const sent = await call<TgMessage>(base, 'sendMessage', { chat_id: USER.id, text: 'Pick', reply_markup: keyboard('a') });
      const messageId = sent.body.result.message_id;

      const edited = await call<TgMessage>(base, 'editMessageText', { chat_id: USER.id, message_id: messageId, text: 'Picked' });
      expect(edited.body.result).toMatchObject({ text: 'Picked', edit_date: Math.floor(clock / 1000) });
      expect(edited.body.result.reply_markup).toBeUndefined();
      const again = await call(base, 'editMessageText', { chat_id: USER.id, message_id: messageId, text: 'Picked' });
      expect(again.body.description).toMatch(/^Bad Request: message is not modified/);

      await call(base, 'editMessageReplyMarkup', { chat_id: USER.id, message_id: messageId, reply_markup: keyboard('b') });
      expect(standIn.messagesTo(USER.id)).toEqual([expect.objectContaining({ text: 'Picked', reply_markup: keyboard('b') })]);

      expect((await call(base, 'deleteMessage', { chat_id: USER.id, message_id: messageId })).body.result).toBe(true);
      expect(standIn.messagesTo(USER.id)).toEqual([]);
      const twice = await call(base, 'deleteMessage', { chat_id: USER.id, message_id: messageId });
      expect(twice.body.description).toBe('Bad Request: message to delete not found');
    });

    it('accepts multipart uploads with JSON-serialised fields, as telegraf sends sendPhoto with a buffer', async () => {
      await standIn.sendText(USER, 'hi');
      const form = new FormData();
      form.append('chat_id', String(USER.id));
      form.append('caption', 'The <i>Tower</i>');
      form.append('parse_mode', 'HTML');
      form.append('reply_markup', JSON.stringify(keyboard('again')));
      form.append('photo', new Blob([Buffer.from('fake jpeg')], { type: 'image/jpeg' }), 'tower.jpg');
      const response = await fetch(`${base}/bot${TOKEN}/sendPhoto`, { method: 'POST', body: form });
      const body = (await response.json()) as { ok: boolean; result: TgMessage };

      expect(response.status).toBe(200);
      expect(body.result).toMatchObject({ caption: 'The Tower', reply_markup: keyboard('again') });
      expect(body.result.photo?.length).toBeGreaterThan(1);
      expect(standIn.calls('sendPhoto')[0].params).toMatchObject({
        chat_id: USER.id,
        reply_markup: keyboard('again'),
        photo: expect.objectContaining({ fileName: 'tower.jpg', size: 9 }),
      });
    });

    it('stores bot commands per language', async () => {
      const commands = [{ command: 'draw', description: 'Draw a card' }];
      await call(base, 'setMyCommands', { commands, language_code: 'ru' });
      expect((await call(base, 'getMyCommands', { language_code: 'ru' })).body.result).toEqual(commands);
      expect((await call(base, 'getMyCommands')).body.result).toEqual([]);
      expect(standIn.commands('ru')).toEqual(commands);
    });
  });

  describe('getUpdates', () => {
    it('answers a held long poll as soon as an update is queued, and honours offset', async () => {
      const started = Date.now();
      const poll = call<TgUpdate[]>(base, 'getUpdates', { timeout: 5 });
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 50));
      const { update } = await standIn.sendText(USER, 'hello');

      const first = await poll;
      expect(Date.now() - started).toBeLessThan(2000);
      expect(first.body.result).toEqual([update]);

      const unconfirmed = await call<TgUpdate[]>(base, 'getUpdates', { timeout: 0 });
      expect(unconfirmed.body.result).toEqual([update]);
      const confirmed = await call<TgUpdate[]>(base, 'getUpdates', { offset: update.update_id + 1, timeout: 0 });
      expect(confirmed.body.result).toEqual([]);
      expect(standIn.pendingUpdates()).toBe(0);
    });

    it('honours allowed_updates for later updates', async () => {
      await call(base, 'getUpdates', { allowed_updates: ['callback_query'], timeout: 0 });
      const report = await standIn.sendText(USER, 'ignored');
      expect(report.via).toBe('filtered');
      expect((await call<TgUpdate[]>(base, 'getUpdates', { timeout: 0 })).body.result).toEqual([]);
    });

    it('releases held long polls with an empty result on stop()', async () => {
      // The process's first fetch can take longer than the wait below to reach the server.
      await call(base, 'getMe');
      const poll = call<TgUpdate[]>(base, 'getUpdates', { timeout: 30 });
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 50));
      await standIn.stop();
      expect((await poll).body).toEqual({ ok: true, result: [] });
    });
  });

  describe('webhook delivery', () => {
    let hook: Server;
    let hookUrl: string;
    let received: Array<{ headers: IncomingHttpHeaders; body: TgUpdate }>;

    beforeEach(async () => {
      received = [];
      hook = createServer((request, response) => {
        let raw = '';
        request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        request.on('end', () => {
          const body = JSON.parse(raw) as TgUpdate;
          received.push({ headers: request.headers, body });
          // Like telegraf's webhookReply: a call returned in the response body.
          const chatId = body.message?.chat?.id;
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(chatId ? JSON.stringify({ method: 'sendChatAction', chat_id: chatId, action: 'typing' }) : '');
        });
      });
      await new Promise<void>((done) => hook.listen(0, '127.0.0.1', done));
      hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/telegram`;
    });

    afterEach(async () => {
      const closed = new Promise((done) => hook.close(done));
      hook.closeAllConnections();
      await closed;
    });

    it('POSTs updates with the secret header and runs the call in the response', async () => {
      await call(base, 'setWebhook', { url: hookUrl, secret_token: 'tarot-secret_1' });
      const report = await standIn.sendText(USER, '/start');

      expect(report).toMatchObject({ via: 'webhook', status: 200 });
      expect(received).toHaveLength(1);
      expect(received[0].headers['x-telegram-bot-api-secret-token']).toBe('tarot-secret_1');
      expect(received[0].body).toEqual(report.update);
      expect(standIn.calls('sendChatAction')).toEqual([
        expect.objectContaining({ ok: true, via: 'webhook-reply', params: { chat_id: USER.id, action: 'typing' } }),
      ]);
      const conflict = await call(base, 'getUpdates');
      expect(conflict.status).toBe(409);
      expect((await call<{ url: string }>(base, 'getWebhookInfo')).body.result.url).toBe(hookUrl);
    });

    it('lets tests deliver to another URL', async () => {
      const update = { update_id: standIn.nextUpdateId(), message: { broken: true } };
      const report = await standIn.deliverTo(hookUrl, update, 'other');
      expect(report).toMatchObject({ via: 'url', status: 200 });
      expect(received[0]).toMatchObject({ body: update, headers: { 'x-telegram-bot-api-secret-token': 'other' } });
    });
  });

  describe('faults', () => {
    beforeEach(async () => {
      await standIn.sendText(USER, 'hi');
    });

    it('fails the next calls of a method with 429 and retry_after', async () => {
      standIn.failNext('sendMessage', { error_code: 429, retry_after: 3 });
      const limited = await call(base, 'sendMessage', { chat_id: USER.id, text: 'one' });
      expect(limited).toEqual({
        status: 429,
        body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
      });
      expect((await call(base, 'sendMessage', { chat_id: USER.id, text: 'two' })).status).toBe(200);
      expect(standIn.calls('sendMessage').map((recorded) => recorded.errorCode)).toEqual([429, undefined]);
    });

    it('answers 403 for users who blocked the bot', async () => {
      standIn.blockUser(USER.id);
      const blocked = await call(base, 'sendMessage', { chat_id: USER.id, text: 'still there?' });
      expect(blocked.body).toEqual({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
      standIn.unblockUser(USER.id);
      expect((await call(base, 'sendMessage', { chat_id: USER.id, text: 'welcome back' })).status).toBe(200);
    });
  });

  describe('callback queries', () => {
    let messageId: number;

    beforeEach(async () => {
      await standIn.sendText(USER, 'hi');
      messageId = (await call<TgMessage>(base, 'sendMessage', { chat_id: USER.id, text: 'Pick', reply_markup: keyboard('yes', 'no') }))
        .body.result.message_id;
    });

    it('sends a callback_query and accepts one answer', async () => {
      const { update, callbackQueryId } = await standIn.pressButton(USER, messageId, 'yes');
      expect(update.callback_query).toMatchObject({
        id: callbackQueryId,
        from: { id: USER.id },
        message: { message_id: messageId, text: 'Pick' },
        data: 'yes',
        chat_instance: expect.any(String),
      });
      expect((await call(base, 'answerCallbackQuery', { callback_query_id: callbackQueryId, text: 'Done' })).status).toBe(200);
      expect(standIn.callbackAnswer(callbackQueryId)).toMatchObject({ text: 'Done' });
      const twice = await call(base, 'answerCallbackQuery', { callback_query_id: callbackQueryId });
      expect(twice.body.description).toBe(
        'Bad Request: query is too old and response timeout expired or query ID is invalid',
      );
    });

    it('refuses answers after the answer window', async () => {
      const { callbackQueryId } = await standIn.pressButton(USER, messageId, 'no');
      clock += 15_001;
      const late = await call(base, 'answerCallbackQuery', { callback_query_id: callbackQueryId });
      expect(late.status).toBe(400);
      expect(late.body.description).toMatch(/query is too old/);
    });

    it('throws for buttons that are not there', async () => {
      await expect(standIn.pressButton(USER, messageId, 'maybe')).rejects.toThrow(/no button with callback_data "maybe"/);
      await expect(standIn.pressButton(USER, 99, 'yes')).rejects.toThrow(/no bot message 99/);
    });
  });

  describe('waiting for calls', () => {
    it('resolves with a later call, and times out listing the recent calls', async () => {
      await standIn.sendText(USER, 'hi');
      const mark = standIn.mark();
      const waiting = standIn.waitForCall('sendMessage', { after: mark, timeoutMs: 1000 });
      await call(base, 'sendMessage', { chat_id: USER.id, text: 'there you go' });
      expect((await waiting).params.text).toBe('there you go');

      await expect(standIn.waitForCall('sendInvoice', { after: standIn.mark(), timeoutMs: 50 })).rejects.toThrow(
        /timed out after 50 ms[\s\S]*#0 sendMessage ok/,
      );
    });
  });

  describe('local-mode interface', () => {
    it('lets a person write, see the chat and press buttons', async () => {
      const posted = await fetch(`${base}/_standin/users/${USER.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: '/start', first_name: 'Ada' }),
      });
      expect(posted.status).toBe(200);
      const sent = await call<TgMessage>(base, 'sendMessage', { chat_id: USER.id, text: 'Pick', reply_markup: keyboard('yes') });

      const chat = (await (await fetch(`${base}/_standin/users/${USER.id}/messages`)).json()) as {
        messages: Array<Record<string, unknown>>;
      };
      expect(chat.messages).toEqual([
        expect.objectContaining({ side: 'user', text: '/start' }),
        expect.objectContaining({ side: 'bot', text: 'Pick', buttons: keyboard('yes').inline_keyboard }),
      ]);

      const pressed = await fetch(`${base}/_standin/users/${USER.id}/callbacks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message_id: sent.body.result.message_id, data: 'nope' }),
      });
      expect(pressed.status).toBe(400);
      expect(((await pressed.json()) as { error: string }).error).toMatch(/no button/);

      const calls = (await (await fetch(`${base}/_standin/calls?method=sendMessage`)).json()) as { calls: unknown[] };
      expect(calls.calls).toHaveLength(1);
    });
  });
});

describe('BotApiStandIn without the spec file', () => {
  it('says so once and keeps serving', async () => {
    const lines: string[] = [];
    const standIn = new BotApiStandIn('/missing/bot-api.json', { logger: (line) => lines.push(line) });
    const base = await standIn.start();
    try {
      await standIn.sendText(USER, 'hi');
      expect((await call(base, 'sendMessage', { chat_id: USER.id, text: 'still works' })).status).toBe(200);
      expect((await call(base, 'sendMessage', { chat_id: USER.id, text: 'x'.repeat(4097) })).status).toBe(400);
      expect((await call(base, 'sendHoroscope', {})).body.description).toMatch(/not supported/);
      expect(standIn.checksConformance).toBe(false);
      expect(lines).toEqual([expect.stringMatching(/not found.*skips conformance checking/)]);
    } finally {
      await standIn.stop();
    }
  });
});
