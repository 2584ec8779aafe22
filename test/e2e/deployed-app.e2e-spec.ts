import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { eventually } from '../support/eventually';
import { BUILT_ENTRY, ChildApp, freePort, killAllChildApps } from '../support/fault-app-process';
import { describeNeeding } from '../support/needs-services';
import { requestInvoice } from '../support/payment-helpers';
import { chooseSpread, picturesSince, Player, textsSince, waitForDelivery } from '../support/reading-helpers';
import { nextReply, say } from '../support/bot-helpers';
import { startStandIn, TEST_BOT_TOKEN, WEBHOOK_SECRET } from '../support/test-app';
import { prepareTestEnvironment, TestEnvironment } from '../support/test-environment';

const ADMIN = 'deployed-admin-token-0123456789';
const START_MS = 60_000;
/** What a crash in a log hook or a handler looks like in the process's output. */
const CRASH = /TypeError|ReferenceError|Converting circular structure|Unhandled|uncaught/i;

/**
 * The app as it is deployed and as an operator first meets it: the compiled dist/src/main.js
 * (`npm test` builds it first), the default settings (LOG_LEVEL unset, so info; the outgoing
 * pacing on), real PostgreSQL and Redis, and its own process, talking to the Bot API stand-in.
 */
describeNeeding(['PostgreSQL', 'Redis'], 'the deployed app at its default settings', () => {
  let standIn: BotApiStandIn;
  let environment: TestEnvironment;

  beforeAll(async () => {
    if (!existsSync(BUILT_ENTRY)) throw new Error(`${BUILT_ENTRY} is missing: run npm run build (npm test does it first)`);
    standIn = await startStandIn();
    environment = await prepareTestEnvironment();
  });

  afterAll(async () => {
    await killAllChildApps();
    await standIn?.stop();
  });

  const baseEnv = (): Record<string, string> => ({
    DATABASE_URL: environment.databaseUrl!,
    DATA_DIR: environment.dataDir,
  });
  const get = (app: ChildApp, path: string, token?: string) =>
    fetch(`${app.baseUrl}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(10_000) });

  describe('in webhook mode', () => {
    let app: ChildApp;
    const user: Player = { id: 77_001, first_name: 'Opal' };

    beforeAll(async () => {
      app = ChildApp.spawn('deployed', await freePort(), {
        ...baseEnv(),
        REDIS_URL: environment.redisUrl!,
        BOT_MODE: 'webhook',
        WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
        WEBHOOK_SECRET: WEBHOOK_SECRET,
        TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
        TELEGRAM_API_ROOT: standIn.url!,
        ADMIN_API_TOKENS: `ops:${ADMIN}`,
      }, 'built');
      await app.waitForLive(START_MS);
      await eventually(async () => expect(standIn.webhook()).not.toBeNull(), 15_000);
      standIn.redirectWebhook(`${app.baseUrl}/telegram/webhook`);
    }, START_MS + 20_000);

    afterEach(() => {
      expect({ alive: app.alive, crash: CRASH.exec(app.output)?.[0] ?? null }).toEqual({ alive: true, crash: null });
    });

    it('answers /health, /metrics and the REST API, and logs each request at info', async () => {
      for (let round = 0; round < 2; round++) {
        const health = await get(app, '/health');
        expect({ status: health.status, body: ((await health.json()) as { status: string }).status }).toEqual({ status: 200, body: 'ok' });
        expect((await get(app, '/metrics')).status).toBe(401);
        expect((await get(app, '/metrics', ADMIN)).status).toBe(200);
        expect((await get(app, '/api/v1/users?limit=5', ADMIN)).status).toBe(200);
        expect((await get(app, '/api/v1/ledger/audit', ADMIN)).status).toBe(200);
        expect((await get(app, '/api/v1/users', 'wrong-token-wrong-token')).status).toBe(401);
      }
      await sleep(200);
      expect(app.output).toMatch(/"msg":"request completed"/);
    });

    it('handles a message, a command, a button and a reading with its picture', async () => {
      expect(await say(standIn, user, '/start')).toContain('Opal');
      expect(await say(standIn, user, '/help')).toContain('/read');
      expect(await say(standIn, user, 'hello there')).toBeTruthy();
      await chooseSpread(standIn, user, 'single');
      const mark = standIn.mark();
      await standIn.sendText(user, 'What should I keep in mind today?');
      await waitForDelivery(standIn, user.id, mark, 20_000);
      expect(picturesSince(standIn, user.id, mark).some((c) => c.ok)).toBe(true);
      expect(textsSince(standIn, user.id, mark).join('\n')).toContain('credits spent');
    });

    it('handles a pre-checkout query, a successful payment and a refunded payment', async () => {
      const invoice = await requestInvoice(standIn, user, 'credits_50');
      const mark = standIn.mark();
      const payment = await standIn.payInvoice(user, invoice);
      expect(payment.ok).toBe(true);
      await nextReply(standIn, user.id, mark, 10_000);
      const refund = await standIn.refundFromTelegram(user, payment.chargeId!);
      expect(refund.status).toBe(200);
      const audit = await get(app, '/api/v1/ledger/audit', ADMIN);
      expect(((await audit.json()) as { ok: boolean }).ok).toBe(true);
    });

    it('handles a user blocking the bot and coming back (my_chat_member)', async () => {
      const member = (status: string) => ({
        update_id: standIn.nextUpdateId(),
        my_chat_member: {
          chat: { id: user.id, type: 'private', first_name: 'Opal' },
          from: { id: user.id, is_bot: false, first_name: 'Opal' },
          date: Math.floor(Date.now() / 1000),
          old_chat_member: { user: standIn.botUser(), status: status === 'kicked' ? 'member' : 'kicked' },
          new_chat_member: { user: standIn.botUser(), status },
        },
      });
      expect((await standIn.deliver(member('kicked'))).status).toBe(200);
      expect((await standIn.deliver(member('member'))).status).toBe(200);
      expect(await say(standIn, user, '/balance')).toContain('credits');
    });
  });

  describe('in local mode', () => {
    it('serves the web chat at / and stays up', async () => {
      const app = ChildApp.spawn('local', await freePort(), { ...baseEnv(), LOCAL_BOT_API_PORT: '0' }, 'built');
      await app.waitForLive(START_MS);
      for (const path of ['/', '/health', '/', '/web-chat/chat.js']) {
        const response = await get(app, path);
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
      }
      expect((await get(app, '/')).headers.get('content-type')).toContain('text/html');
      await sleep(300);
      expect({ alive: app.alive, crash: CRASH.exec(app.output)?.[0] ?? null }).toEqual({ alive: true, crash: null });
      await app.kill('SIGTERM');
    }, START_MS + 20_000);
  });

  describe('when it cannot start', () => {
    it('prints the cause even with logging silenced', async () => {
      standIn.failNext('getMe', { error_code: 401, description: 'Unauthorized' });
      const app = ChildApp.spawn('refused', await freePort(), {
        ...baseEnv(),
        LOG_LEVEL: 'silent',
        TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
        TELEGRAM_API_ROOT: standIn.url!,
        ADMIN_API_TOKENS: `ops:${ADMIN}`,
      }, 'built');
      await app.waitForExit();
      expect(app.output).toContain('Cannot start: getMe answered 401: Unauthorized (is TELEGRAM_BOT_TOKEN right');
    }, START_MS);
  });
});
