import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { listenOnPorts } from 'src/common/http/exposure';
import { AppConfig } from 'src/config/app-config';
import { openToOthers } from 'src/config/private-files';
import { LocalBotApi } from 'src/bot-api-stand-in/local-bot-api';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { freePort } from '../support/fault-app-process';
import { ADMIN_TOKEN, SPEC_PATH, startStandIn, startTestApp, TestApp, WEBHOOK_SECRET } from '../support/test-app';
import { prepareTestEnvironment, TestEnvironment } from '../support/test-environment';

const METRICS_TOKEN = 'metrics-only-token-0123456789';
const VIEWER = 'viewer-token-0123456789abcdef';
const OPERATOR = 'operator-token-0123456789abcd';
const CASHIER = 'cashier-token-0123456789abcde';

describe('what the app exposes', () => {
  let standIn: BotApiStandIn;
  let environment: TestEnvironment;

  beforeAll(async () => {
    standIn = await startStandIn();
    environment = await prepareTestEnvironment();
  });

  afterAll(async () => {
    await standIn?.stop();
  });

  describe('with the admin port apart, in webhook mode', () => {
    let sut: TestApp;
    let publicUrl: string;
    let adminUrl: string;

    beforeAll(async () => {
      const [port, adminPort] = [await freePort(), await freePort()];
      sut = await startTestApp(environment, standIn, {
        BOT_MODE: 'webhook',
        WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
        WEBHOOK_SECRET,
        PORT: String(port),
        ADMIN_PORT: String(adminPort),
        METRICS_TOKEN,
      });
      await listenOnPorts(sut.app, sut.app.get(AppConfig));
      publicUrl = `http://127.0.0.1:${port}`;
      adminUrl = `http://127.0.0.1:${adminPort}`;
    });

    afterAll(async () => {
      await sut?.close();
    });

    it('listens on 127.0.0.1 when BIND_ADDRESS is not set', () => {
      expect((sut.app.getHttpServer().address() as AddressInfo).address).toBe('127.0.0.1');
    });

    it('serves the OpenAPI pages on the admin port only', async () => {
      await request(publicUrl).get('/api/docs-json').expect(404);
      await request(publicUrl).get('/api/docs').expect(404);
      await request(adminUrl).get('/api/docs-json').expect(200);
    });

    it('serves the webhook on the public port only', async () => {
      const update = { update_id: 16_001, message: { message_id: 1, date: 1, chat: { id: 16_001, type: 'private' }, from: { id: 16_001, is_bot: false, first_name: 'W' }, text: '/help' } };
      await request(adminUrl).post('/telegram/webhook').set('X-Telegram-Bot-Api-Secret-Token', WEBHOOK_SECRET).send(update).expect(404);
      await request(publicUrl).post('/telegram/webhook').set('X-Telegram-Bot-Api-Secret-Token', WEBHOOK_SECRET).send(update).expect(200);
    });

    it('serves /metrics on the admin port for METRICS_TOKEN or a REST token, and to no one without', async () => {
      await request(adminUrl).get('/metrics').expect(401);
      await request(adminUrl).get('/metrics').set('Authorization', 'Bearer not-the-metrics-token-at-all').expect(401);
      expect((await request(adminUrl).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text).toContain('process_cpu_user_seconds_total');
      await request(adminUrl).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
      await request(publicUrl).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(404);
      // The metrics token is not a REST token.
      await request(adminUrl).get('/api/v1/users').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(401);
    });
  });

  describe('REST authentication', () => {
    let sut: TestApp;
    let userId: number;
    let ownStandIn: BotApiStandIn;

    beforeAll(async () => {
      ownStandIn = await startStandIn();
      sut = await startTestApp(environment, ownStandIn, {
        ADMIN_API_TOKENS: [`tester:${ADMIN_TOKEN}`, `viewer:${VIEWER}:read`, `ops:${OPERATOR}:read+operate`, `cashier:${CASHIER}:money`].join(','),
        ADMIN_GRANT_LIMIT: '500',
      });
      await say(ownStandIn, { id: 16_002, first_name: 'Scoped' }, '/start');
      [{ id: userId }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = 16002`);
    });

    afterAll(async () => {
      await sut?.close();
      await ownStandIn?.stop();
    });

    const as = (token: string) => ({ Authorization: `Bearer ${token}` });

    it('takes the Bearer scheme in any case', async () => {
      await request(sut.server).get('/api/v1/users?limit=1').set('Authorization', `bearer ${ADMIN_TOKEN}`).expect(200);
      await request(sut.server).get('/api/v1/users?limit=1').set('Authorization', `BEARER ${ADMIN_TOKEN}`).expect(200);
    });

    it('lets each token do what its scopes allow and no more', async () => {
      const grant = { amount: 1, reason: 'scopes' };
      const status = { status: 'active' };
      const answers = {
        viewerRead: (await request(sut.server).get(`/api/v1/users/${userId}`).set(as(VIEWER))).status,
        viewerOperate: (await request(sut.server).patch(`/api/v1/users/${userId}/status`).set(as(VIEWER)).send(status)).status,
        viewerMoney: (await request(sut.server).post(`/api/v1/users/${userId}/credits/grant`).set(as(VIEWER)).send(grant)).status,
        operatorOperate: (await request(sut.server).patch(`/api/v1/users/${userId}/status`).set(as(OPERATOR)).send(status)).status,
        operatorCache: (await request(sut.server).post('/api/v1/cache/invalidate').set(as(OPERATOR)).send({ pattern: 'card_data:*' })).status,
        operatorMoney: (await request(sut.server).post(`/api/v1/users/${userId}/credits/grant`).set(as(OPERATOR)).send(grant)).status,
        operatorRefund: (await request(sut.server).post('/api/v1/transactions/1/refund').set(as(OPERATOR)).send({ reason: 'x' })).status,
        operatorReconcile: (await request(sut.server).post('/api/v1/reconciliation').set(as(OPERATOR))).status,
        cashierMoney: (await request(sut.server).post(`/api/v1/users/${userId}/credits/grant`).set(as(CASHIER)).send(grant)).status,
        cashierRead: (await request(sut.server).get(`/api/v1/users/${userId}`).set(as(CASHIER))).status,
        unscopedMoney: (await request(sut.server).post(`/api/v1/users/${userId}/credits/deduct`).set(as(ADMIN_TOKEN)).send(grant)).status,
      };
      expect(answers).toEqual({
        viewerRead: 200,
        viewerOperate: 403,
        viewerMoney: 403,
        operatorOperate: 200,
        operatorCache: 200,
        operatorMoney: 403,
        operatorRefund: 403,
        operatorReconcile: 403,
        cashierMoney: 200,
        cashierRead: 403,
        unscopedMoney: 200,
      });
    });

    it('caps a grant at ADMIN_GRANT_LIMIT a call, naming the amount', async () => {
      const { body } = await request(sut.server).post(`/api/v1/users/${userId}/credits/grant`).set(as(ADMIN_TOKEN)).send({ amount: 501, reason: 'too much' }).expect(400);
      expect(body.fields).toEqual([{ field: 'amount', problems: ['must be at most 500 a call (ADMIN_GRANT_LIMIT)'] }]);
      await request(sut.server).post(`/api/v1/users/${userId}/credits/grant`).set(as(ADMIN_TOKEN)).send({ amount: 500, reason: 'the most' }).expect(200);
    });

    it('names the throttle header Retry-After', async () => {
      let last: request.Response | undefined;
      for (let i = 0; i < 601 && last?.status !== 429; i++) last = await request(sut.server).get('/api/v1/cache/stats').set(as(VIEWER));
      expect(last?.status).toBe(429);
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
      expect(Object.keys(last?.headers ?? {}).filter((h) => h.startsWith('retry-after-'))).toEqual([]);
    });

    it('refuses an address that keeps failing authentication, even with a right token, and says when to come back', async () => {
      const answers: number[] = [];
      for (let i = 0; i < 25; i++) answers.push((await request(sut.server).get('/api/v1/users').set(as(`wrong-token-${i}-xxxxxxxxxxxx`))).status);
      expect(answers.slice(0, 20)).toEqual(Array(20).fill(401));
      expect(answers.slice(20)).toEqual(Array(5).fill(429));
      const blocked = await request(sut.server).get('/api/v1/users').set(as(OPERATOR));
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(50);
    });
  });

  describe('in local mode', () => {
    let sut: TestApp | undefined;
    let apiRoot: string;
    let dataDir: string;
    let server: TestApp['server'];

    beforeAll(async () => {
      const local = await prepareTestEnvironment();
      dataDir = local.dataDir;
      sut = await startTestApp(local, standIn, {
        TELEGRAM_BOT_TOKEN: undefined,
        TELEGRAM_API_ROOT: undefined,
        DATABASE_URL: undefined,
        REDIS_URL: undefined,
        ADMIN_API_TOKENS: undefined,
        LOCAL_BOT_API_PORT: '0',
        BOT_API_SPEC: SPEC_PATH,
      });
      apiRoot = sut.app.get(LocalBotApi).apiRoot!;
      server = sut.server;
    }, 60_000);

    afterAll(async () => {
      await sut?.close();
    });

    it('answers only requests that name this machine in Host, on the app and on the stand-in', async () => {
      await request(server).get('/health').set('Host', 'localhost:3000').expect(200);
      await request(server).get('/health').set('Host', '[::1]:3000').expect(200);
      await request(server).get('/').set('Host', 'rebound.attacker.example:3000').expect(403);
      await request(server).get('/web-chat/api/users/1/messages').set('Host', 'rebound.attacker.example').expect(403);
      const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
      await request(server).get('/api/v1/users').set('Host', 'rebound.attacker.example').set('Authorization', `Bearer ${token}`).expect(403);
      await request(apiRoot).get('/_standin/calls').set('Host', 'rebound.attacker.example').expect(403);
      await request(apiRoot).get('/_standin/calls').expect(200);
    });

    it('sends no wildcard CORS and refuses another site driving the chats', async () => {
      const own = await request(apiRoot).get('/_standin/bot');
      expect(own.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await request(apiRoot).options('/_standin/users/1/messages').set('Origin', 'https://attacker.example').set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      await request(apiRoot).post('/_standin/users/1/messages').set('Origin', 'https://attacker.example').set('Content-Type', 'text/plain').send('{"text":"/start"}').expect(403);
      await request(server).post('/web-chat/api/users/1/messages').set('Origin', 'https://attacker.example').type('form').send({ text: '/start' }).expect(403);
      const address = server.address() as AddressInfo | null;
      const host = `127.0.0.1:${address?.port ?? 0}`;
      await request(server).post('/web-chat/api/users/1/messages').set('Host', host).set('Origin', `http://${host}`).send({ text: '/help' }).expect(200);
    });

    it('keeps the data to its owner: directories 0700 while running, and every file 0600 once stopped', async () => {
      expect(openToOthers(dataDir).filter((entry) => !entry.endsWith('pg_internal.init 644'))).toEqual([]);
      await sut?.close();
      sut = undefined;
      expect(openToOthers(dataDir)).toEqual([]);
    });
  });
});
