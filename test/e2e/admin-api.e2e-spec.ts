import { createClient } from '@keyv/redis';
import request from 'supertest';
import { AppCacheService } from 'src/cache/app-cache.service';
import { RedisThrottlerStorage } from 'src/common/admin/redis-throttler.storage';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { itNeeding } from '../support/needs-services';
import { prepareTestEnvironment, TestEnvironment } from '../support/test-environment';

describe('the internal REST API', () => {
  let standIn: BotApiStandIn;
  let environment: TestEnvironment;
  let sut: TestApp;
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  let userId: number;
  const user = { id: 6001, first_name: 'Ops' };

  beforeAll(async () => {
    standIn = await startStandIn();
    environment = await prepareTestEnvironment();
    sut = await startTestApp(environment, standIn);
    await say(standIn, user, '/start');
    [{ id: userId }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]);
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  describe('auth', () => {
    it('refuses a call without a token', async () => {
      await request(sut.server).get('/api/v1/users').expect(401);
    });

    it('refuses a wrong token of the same length', async () => {
      await request(sut.server)
        .get('/api/v1/users')
        .set({ Authorization: `Bearer ${'x'.repeat(ADMIN_TOKEN.length)}` })
        .expect(401);
    });

    it('serves /health without a token', async () => {
      const { body } = await request(sut.server).get('/health').expect(200);
      expect(body.details.database.status).toBe('up');
      expect(body.details.redis.status).toBe('up');
      expect(body.details.telegram).toMatchObject({ status: 'up', bot: 'tarot_standin_bot', mode: 'polling' });
    });

    it('publishes the OpenAPI document', async () => {
      const { body } = await request(sut.server).get('/api/docs-json').expect(200);
      expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/v1/users', '/api/v1/users/{id}/credits/grant']));
    });
  });

  describe('validation', () => {
    it('answers 400 naming the field for a bad body', async () => {
      const { body } = await request(sut.server)
        .post(`/api/v1/users/${userId}/credits/grant`)
        .set(auth)
        .send({ amount: -3, reason: 'x' })
        .expect(400);
      expect(body.message).toContain('amount');
    });

    it('rejects unknown fields', async () => {
      const { body } = await request(sut.server)
        .post(`/api/v1/users/${userId}/credits/grant`)
        .set(auth)
        .send({ amount: 3, reason: 'x', bonus: true })
        .expect(400);
      expect(body.message).toContain('bonus');
    });

    it('answers 400 for a bad query and a bad path id', async () => {
      expect((await request(sut.server).get('/api/v1/users?limit=0').set(auth).expect(400)).body.message).toContain('limit');
      expect((await request(sut.server).get('/api/v1/users/abc').set(auth).expect(400)).body.message).toContain('id');
      expect((await request(sut.server).get('/api/v1/users?status=gone').set(auth).expect(400)).body.message).toContain('status');
    });

    it('answers 413 for an over-large body and 400 for malformed JSON, not 500', async () => {
      await request(sut.server)
        .post(`/api/v1/users/${userId}/credits/grant`)
        .set(auth)
        .send({ amount: 1, reason: 'x'.repeat(200_000) })
        .expect(413);
      await request(sut.server)
        .post(`/api/v1/users/${userId}/credits/grant`)
        .set({ ...auth, 'Content-Type': 'application/json' })
        .send('{"amount": 1,')
        .expect(400);
    });

    it('answers 404 with a code for an unknown user', async () => {
      const { body } = await request(sut.server).get('/api/v1/users/999999').set(auth).expect(404);
      expect(body.code).toBe('USER001');
    });
  });

  describe('users', () => {
    it('finds a user by id and by Telegram id', async () => {
      const byId = await request(sut.server).get(`/api/v1/users/${userId}`).set(auth).expect(200);
      expect(byId.body).toMatchObject({ id: userId, telegramId: '6001', credits: 5, status: 'active' });
      const byTelegram = await request(sut.server).get('/api/v1/users/by-telegram-id/6001').set(auth).expect(200);
      expect(byTelegram.body.id).toBe(userId);
    });

    it('pages through users with a cursor and a status filter', async () => {
      for (const id of [6002, 6003, 6004]) await say(standIn, { id }, '/start');
      const first = await request(sut.server).get('/api/v1/users?limit=2').set(auth).expect(200);
      expect(first.body.items).toHaveLength(2);
      const second = await request(sut.server).get(`/api/v1/users?limit=2&cursor=${first.body.nextCursor}`).set(auth).expect(200);
      expect(second.body.items.map((u: { telegramId: string }) => u.telegramId)).toEqual(['6003', '6004']);
      expect(second.body.nextCursor).toBeNull();
      const suspended = await request(sut.server).get('/api/v1/users?status=suspended').set(auth).expect(200);
      expect(suspended.body.items).toEqual([]);
    });
  });

  describe('credits', () => {
    it('grants credits with a ledger row naming the operator, and the bot sees the new balance at once', async () => {
      expect(await say(standIn, user, '/balance')).toContain('5 credits');
      const { body } = await request(sut.server)
        .post(`/api/v1/users/${userId}/credits/grant`)
        .set(auth)
        .send({ amount: 20, reason: 'apology for downtime' })
        .expect(200);
      expect(body).toMatchObject({ amount: 20, balance: 25 });
      const [row] = await sut.dataSource.query(`SELECT * FROM transactions WHERE id = $1`, [body.transactionId]);
      expect(row).toMatchObject({ user_id: userId, amount: 20, type: 'adjustment', status: 'completed', payment_provider: 'operator' });
      expect(row.metadata).toEqual({ kind: 'grant', reason: 'apology for downtime', operator: 'tester' });
      expect(await say(standIn, user, '/balance')).toContain('25 credits');
    });

    it('refuses a deduction below zero with CREDIT001 and changes nothing', async () => {
      const before = await sut.dataSource.query(`SELECT count(*)::int AS n FROM transactions`);
      const { body } = await request(sut.server)
        .post(`/api/v1/users/${userId}/credits/deduct`)
        .set(auth)
        .send({ amount: 1000, reason: 'mistake' })
        .expect(422);
      expect(body.code).toBe('CREDIT001');
      expect(await sut.dataSource.query(`SELECT count(*)::int AS n FROM transactions`)).toEqual(before);
      const [{ credits }] = await sut.dataSource.query(`SELECT credits FROM users WHERE id = $1`, [userId]);
      expect(credits).toBe(25);
    });

    it('deducts credits within the balance', async () => {
      const { body } = await request(sut.server)
        .post(`/api/v1/users/${userId}/credits/deduct`)
        .set(auth)
        .send({ amount: 5, reason: 'duplicate grant' })
        .expect(200);
      expect(body).toMatchObject({ amount: -5, balance: 20 });
    });

    it('acts once for a retried request with the same Idempotency-Key', async () => {
      const send = () =>
        request(sut.server)
          .post(`/api/v1/users/${userId}/credits/grant`)
          .set({ ...auth, 'Idempotency-Key': 'grant-42' })
          .send({ amount: 7, reason: 'retry me' });
      const [a, b] = await Promise.all([send(), send()]);
      const c = await send();
      expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
      expect(new Set([a.body.transactionId, b.body.transactionId, c.body.transactionId]).size).toBe(1);
      const [{ credits }] = await sut.dataSource.query(`SELECT credits FROM users WHERE id = $1`, [userId]);
      expect(credits).toBe(27);
    });

    it('refuses the same Idempotency-Key for a different request', async () => {
      const { body } = await request(sut.server)
        .post(`/api/v1/users/${userId}/credits/grant`)
        .set({ ...auth, 'Idempotency-Key': 'grant-42' })
        .send({ amount: 8, reason: 'other' })
        .expect(409);
      expect(body.code).toBe('IDEMPOTENCY001');
    });

    it('keeps users.credits equal to the sum of settled ledger rows', async () => {
      const rows = await sut.dataSource.query(
        `SELECT u.id FROM users u LEFT JOIN transactions t ON t.user_id = u.id AND t.status IN ('completed', 'refunded')
         GROUP BY u.id HAVING u.credits <> COALESCE(SUM(t.amount), 0)`,
      );
      expect(rows).toEqual([]);
    });
  });

  describe('sessions and rate limits', () => {
    it("lists a user's rate-limit windows with the action and window in the key", async () => {
      const { body } = await request(sut.server).get(`/api/v1/users/${userId}/rate-limits`).set(auth).expect(200);
      expect(body.map((w: { endpoint: string }) => w.endpoint)).toContain('message:1m');
      expect(body[0].requestCount).toBeGreaterThan(0);
    });

    it("lists a user's sessions", async () => {
      await sut.dataSource.query(`INSERT INTO user_sessions (user_id, session_type, data) VALUES ($1, 'questionnaire', '{"step":1}')`, [userId]);
      const { body } = await request(sut.server).get(`/api/v1/users/${userId}/sessions`).set(auth).expect(200);
      expect(body[0]).toMatchObject({ userId, sessionType: 'questionnaire', status: 'active', data: { step: 1 } });
    });
  });

  describe('the per-token throttle', () => {
    itNeeding(['Redis'], 'counts each token in Redis and blocks past the limit', async () => {
      await request(sut.server).get('/api/v1/users?limit=1').set(auth).expect(200);
      const client = createClient({ url: environment.redisUrl });
      await client.connect();
      try {
        const keys = await client.keys('throttle:default:*');
        expect(keys.length).toBeGreaterThan(0);
        const storage = new RedisThrottlerStorage(client as never);
        const hits = [];
        for (let i = 0; i < 3; i++) hits.push(await storage.increment('probe', 60_000, 2, 0, 'admin'));
        expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
          [1, false],
          [2, false],
          [3, true],
        ]);
        expect(hits[2].timeToExpire).toBeGreaterThan(50);
      } finally {
        await client.close();
      }
    });
  });

  describe('the cache', () => {
    itNeeding(['Redis'], 'keeps user data in Redis under the store prefix', async () => {
      await say(standIn, user, '/balance');
      const client = createClient({ url: environment.redisUrl });
      await client.connect();
      try {
        const raw = await client.get(AppCacheService.storeKey(`user_data:tg:${user.id}`));
        expect(raw).not.toBeNull();
        expect(JSON.parse(raw!).value).toMatchObject({ id: userId, telegramId: '6001', status: 'active' });
      } finally {
        await client.close();
      }
    });
  });
});
