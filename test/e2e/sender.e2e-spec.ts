import request from 'supertest';
import { MetricsService } from 'src/metrics/metrics.service';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { NotifierService } from 'src/telegram/notifier.service';
import { REDIS_CLIENT } from 'src/redis/redis.provider';
import { AppConfig } from 'src/config/app-config';
import { BlockedChatError, TelegramSender } from 'src/telegram/outgoing/telegram-sender';
import { say } from '../support/bot-helpers';
import { ADMIN_TOKEN, startAppOnStandIn, stopAppOnStandIn, TestApp } from '../support/test-app';
import { itNeeding } from '../support/needs-services';
import { eventually } from '../support/eventually';

describe('talking to Telegram politely', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  let notifier: NotifierService;

  beforeAll(async () => {
    ({ standIn, sut } = await startAppOnStandIn({ TELEGRAM_RATE_LIMIT: 'on' }));
    notifier = sut.app.get(NotifierService);
  });

  afterAll(() => stopAppOnStandIn(sut, standIn));

  it('waits out a 429 for its retry_after, then delivers', async () => {
    const user = { id: 50_001, first_name: 'Ora' };
    await say(standIn, user, '/start');
    standIn.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    const started = Date.now();
    await notifier.send(user.id, 'after the wait');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const calls = standIn.calls('sendMessage').filter((c) => c.params.text === 'after the wait');
    expect(calls.map((c) => c.ok)).toEqual([false, true]);
  });

  it('retries a 5xx with back-off', async () => {
    standIn.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }, 2);
    await notifier.send(50_001, 'through the storm');
    expect(standIn.calls('sendMessage').filter((c) => c.params.text === 'through the storm').map((c) => c.ok)).toEqual([false, false, true]);
  });

  it('stops writing to a user who blocked the bot, until they come back', async () => {
    const user = { id: 50_002, first_name: 'Pia' };
    await say(standIn, user, '/start');
    standIn.blockUser(user.id);
    await expect(notifier.send(user.id, 'are you there?')).rejects.toThrow(/blocked/);
    const before = standIn.calls('sendMessage').length;
    await expect(notifier.send(user.id, 'still there?')).rejects.toBeInstanceOf(BlockedChatError);
    expect(standIn.calls('sendMessage').length).toBe(before);

    standIn.unblockUser(user.id);
    await standIn.deliver({
      update_id: standIn.nextUpdateId(),
      my_chat_member: {
        chat: { id: user.id, type: 'private', first_name: 'Pia' },
        from: { id: user.id, is_bot: false, first_name: 'Pia' },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: 'kicked', user: standIn.botUser(), until_date: 0 },
        new_chat_member: { status: 'member', user: standIn.botUser() },
      },
    });
    expect(await say(standIn, user, '/balance')).toContain('5 credits');
  });

  itNeeding(['Redis'], 'shares a block between instances through Redis, and a return within seconds', async () => {
    // Another instance's sender: the same Redis, its own memory.
    const elsewhere = new TelegramSender(sut.app.get(AppConfig), sut.app.get(MetricsService), sut.app.get(REDIS_CLIENT));
    const chatId = 50_003;
    let sent = 0;
    const send = () => elsewhere.call('sendMessage', { chat_id: chatId, text: 'hi' }, async () => ++sent);
    await send(); // it now trusts "not blocked" for a few seconds
    await sut.app.get(TelegramSender).markBlocked(String(chatId));
    await eventually(() => expect(send()).rejects.toBeInstanceOf(BlockedChatError), 8000, 250);
    const before = sent;
    await expect(send()).rejects.toBeInstanceOf(BlockedChatError);
    await sut.app.get(TelegramSender).unblock(String(chatId));
    await eventually(() => send(), 8000, 250);
    expect({ whileBlocked: before, after: sent }).toEqual({ whileBlocked: before, after: before + 1 });
  }, 30_000);

  it('paces messages to one chat after a short burst', async () => {
    const user = { id: 50_003, first_name: 'Quy' };
    await say(standIn, user, '/start');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const started = Date.now();
    await Promise.all(Array.from({ length: 7 }, (_, i) => notifier.send(user.id, `message ${i}`)));
    // A burst of five, then one a second: the seventh waits about two seconds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });

  it('paces and retries the handlers\' own replies too', async () => {
    const user = { id: 50_004, first_name: 'Rio' };
    await say(standIn, user, '/start');
    standIn.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    const mark = standIn.mark();
    expect(await say(standIn, user, '/balance')).toContain('5 credits');
    const replies = standIn.calls('sendMessage').filter((c) => c.index >= mark && Number(c.params.chat_id) === user.id);
    expect(replies.map((c) => c.ok)).toEqual([false, true]);
  });

  it('sends a draft only when the chat can spare a token, never retries one, and never holds up the messages', async () => {
    const user = { id: 50_005, first_name: 'Dara' };
    await say(standIn, user, '/start');
    // A full bucket again: five tokens; a draft leaves at least two of them for the messages.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const mark = standIn.mark();
    const shown: boolean[] = [];
    for (let i = 1; i <= 5; i++) shown.push(await notifier.sendDraft(user.id, 9, `draft ${i}`));
    expect(shown).toEqual([true, true, true, false, false]);
    const started = Date.now();
    await notifier.send(user.id, 'the reading');
    await notifier.send(user.id, 'the rest of it');
    expect(Date.now() - started).toBeLessThan(900);
    expect(standIn.calls('sendMessageDraft').filter((c) => c.index >= mark).map((c) => c.params.text)).toEqual(['draft 1', 'draft 2', 'draft 3']);

    standIn.failNext('sendMessageDraft', { error_code: 500, description: 'Internal Server Error' });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await expect(notifier.sendDraft(user.id, 9, 'draft 6')).rejects.toThrow();
    expect(standIn.calls('sendMessageDraft').filter((c) => c.index >= mark)).toHaveLength(4);
  });

  it('counts outgoing calls and their errors in the metrics', async () => {
    const text = await sut.app.get(MetricsService).registry.metrics();
    expect(text).toMatch(/tarot_telegram_calls_total\{method="sendMessage",outcome="ok"\} \d+/);
    expect(text).toMatch(/tarot_telegram_calls_total\{method="sendMessage",outcome="429"\} 2/);
    expect(text).toMatch(/tarot_telegram_calls_total\{method="sendMessage",outcome="403"\} 1/);
    const scraped = await request(sut.server).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
    expect(scraped.text).toContain('tarot_telegram_calls_total');
  });
});
