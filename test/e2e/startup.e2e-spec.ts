import request from 'supertest';
import { ConfigValidationError } from 'src/config/environment';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { eventually } from '../support/eventually';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp, WEBHOOK_SECRET } from '../support/test-app';
import { prepareTestEnvironment, TestEnvironment } from '../support/test-environment';

describe('start-up', () => {
  let standIn: BotApiStandIn;
  let environment: TestEnvironment;

  beforeAll(async () => {
    standIn = await startStandIn();
    environment = await prepareTestEnvironment();
  });

  afterAll(async () => {
    await standIn?.stop();
  });

  it('refuses to start with one message naming every bad variable', async () => {
    const failure = await startTestApp(environment, standIn, { PORT: 'abc', REDIS_URL: 'nope', BOT_MODE: 'webhook' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ConfigValidationError);
    const names = (failure as ConfigValidationError).problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(['PORT', 'REDIS_URL', 'WEBHOOK_SECRET', 'WEBHOOK_URL']);
  });

  it('fails with the cause when Telegram refuses the token', async () => {
    standIn.failNext('getMe', { error_code: 401, description: 'Unauthorized' });
    const failure = await startTestApp(environment, standIn).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failure).toBe('getMe answered 401: Unauthorized (is TELEGRAM_BOT_TOKEN right, and TELEGRAM_API_ROOT if set?)');
  });

  it('keeps serving when Telegram fails the command menu and the webhook at start, and sets both later', async () => {
    standIn.reset({ all: true });
    // More failures than the sender's own retries of one call: the start-up registration has to try again itself.
    standIn.failNext('setMyCommands', { error_code: 500, description: 'Internal Server Error' }, 5);
    standIn.failNext('setWebhook', { error_code: 502, description: 'Bad Gateway' }, 5);
    const sut = await startTestApp(environment, standIn, {
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
      WEBHOOK_SECRET,
    });
    try {
      expect(standIn.webhook()).toBeNull();
      await request(sut.server)
        .post('/telegram/webhook')
        .set('X-Telegram-Bot-Api-Secret-Token', WEBHOOK_SECRET)
        .send({ update_id: 1, message: { message_id: 1, date: 1, chat: { id: 4242, type: 'private' }, from: { id: 4242, is_bot: false, first_name: 'Ola' }, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } })
        .expect(200);
      // Handled: the bot answered (the stand-in has never seen this chat, so it refuses the reply itself).
      expect(standIn.calls('sendMessage').some((c) => Number(c.params.chat_id) === 4242)).toBe(true);
      await eventually(async () => {
        expect(standIn.webhook()?.url).toBe('https://bot.example.test/telegram/webhook');
        expect(standIn.commands().map((c) => c.command)).toContain('read');
        expect(standIn.commands('uk').length).toBeGreaterThan(0);
      }, 15_000);
    } finally {
      await sut.close();
    }
  });

  describe('with a separate admin port', () => {
    let sut: TestApp;

    beforeAll(async () => {
      sut = await startTestApp(environment, standIn, { ADMIN_PORT: '39999' });
    });

    afterAll(async () => {
      await sut?.close();
    });

    it('keeps the REST API and /metrics off the public port, and /health on it', async () => {
      await request(sut.server).get('/api/v1/users').set({ Authorization: `Bearer ${ADMIN_TOKEN}` }).expect(404);
      await request(sut.server).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(404);
      await request(sut.server).get('/health').expect(200);
    });
  });

  it('serves Prometheus metrics on the admin port', async () => {
    const sut = await startTestApp(environment, standIn);
    try {
      const { text } = await request(sut.server).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
      expect(text).toContain('process_cpu_user_seconds_total');
    } finally {
      await sut.close();
    }
  });

  it('stops cleanly when closed right after start, and nothing polls afterwards', async () => {
    standIn.reset({ all: true });
    // Telegraf starts its polling loop after a deleteWebhook call: a close in that moment used to throw
    // "Bot is not running!", and the loop started after the app had closed.
    const sut = await startTestApp(environment, standIn);
    // The loop may still make the call it had started; after that, nothing.
    await expect(sut.close()).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const settled = standIn.mark();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(standIn.calls('getUpdates').filter((c) => c.index >= settled)).toHaveLength(0);
  });
});
