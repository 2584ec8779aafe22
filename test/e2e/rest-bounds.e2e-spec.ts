import fc from 'fast-check';
import request from 'supertest';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment, TestEnvironment } from '../support/test-environment';

const SEED = 16;
const RUNS = 25;
/** Several tokens used in turn: each is allowed 600 requests a minute. */
const TOKENS = Array.from({ length: 4 }, (_, i) => `rest-bounds-token-${i}-xxxxxxxxxx`);

/** Integers as text far past every column's range, both signs, and the edges of int4 and int8. */
const hostileInteger = fc.oneof(
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.constantFrom('2147483647', '2147483648', '4294967296', '9223372036854775807', '9223372036854775808', '18446744073709551616', '1e400', '-0', '0x7fffffff', '1.5'),
);
/** Instants over the whole range Date accepts, written as the API would receive them. */
const hostileDate = fc.oneof(
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '0000-01-01', '1969-12-31T23:59:59Z', '9999-12-31T23:59:59Z'),
);
const textWithNul = fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })).map(([a, b]) => `${a}\u0000${b}`);
const anyText = fc.oneof(fc.string({ maxLength: 20 }), textWithNul);

describe('REST values at and past their bounds', () => {
  let standIn: BotApiStandIn;
  let environment: TestEnvironment;
  let sut: TestApp;
  let userId: number;
  let sent = 0;
  const user = { id: 16_016, first_name: 'Bounds' };

  beforeAll(async () => {
    standIn = await startStandIn();
    environment = await prepareTestEnvironment();
    sut = await startTestApp(environment, standIn, { ADMIN_API_TOKENS: TOKENS.map((t, i) => `bounds${i}:${t}`).join(',') });
    await say(standIn, user, '/start');
    [{ id: userId }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]);
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  function call(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): request.Test {
    const token = TOKENS[sent++ % TOKENS.length];
    const started = request(sut.server)[method.toLowerCase() as 'get' | 'post' | 'patch'](`/api/v1/${path}`).set('Authorization', `Bearer ${token}`);
    return body === undefined ? started : started.send(body as object);
  }

  async function expect400Naming(field: string, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<void> {
    const { status, body: answer } = await call(method, path, body);
    expect({ path, status, fields: (answer.fields ?? []).map((f: { field: string }) => f.field) }).toEqual({ path, status: 400, fields: [field] });
  }

  describe('the values of the issue', () => {
    it('refuses a cursor past 2^31−1 on the user, transaction and reading lists, naming it', async () => {
      await expect400Naming('cursor', 'GET', 'users?cursor=2147483648');
      await expect400Naming('cursor', 'GET', 'transactions?cursor=2147483648');
      await expect400Naming('cursor', 'GET', `users/${userId}/transactions?cursor=99999999999`);
      await expect400Naming('cursor', 'GET', `users/${userId}/readings?cursor=2147483648`);
      await call('GET', 'users?cursor=2147483647').expect(200);
    });

    it('refuses a Telegram id past 2^63−1, naming it', async () => {
      await expect400Naming('telegramId', 'GET', 'users/by-telegram-id/9223372036854775808');
      await expect400Naming('telegramId', 'GET', 'users/by-telegram-id/9999999999999999999');
      await call('GET', 'users/by-telegram-id/9223372036854775807').expect(404);
    });

    it('refuses dates outside 1970–9999, naming them', async () => {
      await expect400Naming('from', 'GET', 'transactions?from=-271821-04-20T00:00:00Z');
      await expect400Naming('to', 'GET', 'transactions?to=%2B275760-09-13T00:00:00Z');
      await call('GET', 'transactions?from=2024-01-01T00:00:00Z&to=9999-12-31T00:00:00Z').expect(200);
    });

    it('refuses a reason containing NUL, naming it, and writes nothing', async () => {
      const before = await sut.dataSource.query(`SELECT count(*)::int AS n FROM transactions`);
      await expect400Naming('reason', 'POST', `users/${userId}/credits/grant`, { amount: 1, reason: 'a\u0000b' });
      await expect400Naming('reason', 'PATCH', `users/${userId}/status`, { status: 'active', reason: '\u0000' });
      await expect400Naming('reason', 'POST', `transactions/1/refund`, { reason: 'x\u0000' });
      expect(await sut.dataSource.query(`SELECT count(*)::int AS n FROM transactions`)).toEqual(before);
    });
  });

  describe('every route, property-based', () => {
    /** Each route with its path and query or body drawn from hostile values; none may answer 5xx. */
    const routes: [string, () => fc.Arbitrary<{ method: 'GET' | 'POST' | 'PATCH'; path: string; body?: unknown }>][] = [
      ['GET users', () => fc.record({ cursor: hostileInteger, limit: hostileInteger }).map((q) => ({ method: 'GET', path: `users?${new URLSearchParams(q)}` }))],
      ['GET users/:id', () => hostileInteger.map((id) => ({ method: 'GET', path: `users/${encodeURIComponent(id)}` }))],
      ['GET users/by-telegram-id/:telegramId', () => hostileInteger.map((id) => ({ method: 'GET', path: `users/by-telegram-id/${encodeURIComponent(id)}` }))],
      ['GET users/:id/sessions', () => hostileInteger.map((id) => ({ method: 'GET', path: `users/${encodeURIComponent(id)}/sessions` }))],
      ['GET users/:id/rate-limits', () => hostileInteger.map((id) => ({ method: 'GET', path: `users/${encodeURIComponent(id)}/rate-limits` }))],
      [
        'GET users/:id/readings',
        () => fc.tuple(fc.oneof(fc.constant(String(userId)), hostileInteger), hostileInteger, hostileInteger).map(([id, cursor, limit]) => ({
          method: 'GET',
          path: `users/${encodeURIComponent(id)}/readings?${new URLSearchParams({ cursor, limit })}`,
        })),
      ],
      ['GET readings/:id', () => hostileInteger.map((id) => ({ method: 'GET', path: `readings/${encodeURIComponent(id)}` }))],
      [
        'GET transactions',
        () => fc.record({ from: hostileDate, to: hostileDate, cursor: hostileInteger, limit: hostileInteger }, { requiredKeys: [] }).map((q) => ({
          method: 'GET',
          path: `transactions?${new URLSearchParams(q as Record<string, string>)}`,
        })),
      ],
      [
        'GET users/:id/transactions',
        () => fc.tuple(hostileInteger, fc.record({ from: hostileDate, to: hostileDate, cursor: hostileInteger }, { requiredKeys: [] })).map(([id, q]) => ({
          method: 'GET',
          path: `users/${encodeURIComponent(id)}/transactions?${new URLSearchParams(q as Record<string, string>)}`,
        })),
      ],
      ['GET transactions/:id', () => hostileInteger.map((id) => ({ method: 'GET', path: `transactions/${encodeURIComponent(id)}` }))],
      [
        'PATCH users/:id/status',
        () => fc.tuple(fc.oneof(fc.constant(String(userId)), hostileInteger), anyText).map(([id, reason]) => ({ method: 'PATCH', path: `users/${encodeURIComponent(id)}/status`, body: { status: 'active', reason } })),
      ],
      [
        'POST users/:id/credits/grant',
        () => fc.tuple(fc.oneof(fc.constant(String(userId)), hostileInteger), fc.oneof(hostileInteger.map(Number), fc.integer()), anyText).map(([id, amount, reason]) => ({
          method: 'POST',
          path: `users/${encodeURIComponent(id)}/credits/grant`,
          body: { amount, reason },
        })),
      ],
      [
        'POST users/:id/credits/deduct',
        () => fc.tuple(hostileInteger, fc.oneof(hostileInteger.map(Number), fc.integer()), anyText).map(([id, amount, reason]) => ({
          method: 'POST',
          path: `users/${encodeURIComponent(id)}/credits/deduct`,
          body: { amount, reason },
        })),
      ],
      ['POST transactions/:id/refund', () => fc.tuple(hostileInteger, anyText).map(([id, reason]) => ({ method: 'POST', path: `transactions/${encodeURIComponent(id)}/refund`, body: { reason } }))],
      ['POST reconciliation', () => anyText.map((fromStart) => ({ method: 'POST', path: `reconciliation?${new URLSearchParams({ fromStart })}` }))],
      ['POST cache/invalidate', () => anyText.map((pattern) => ({ method: 'POST', path: 'cache/invalidate', body: { pattern: `user_data:${pattern}` } }))],
    ];

    it.each(routes)('%s answers every hostile value without a 5xx', async (_name, arbitrary) => {
      const failures: string[] = [];
      await fc.assert(
        fc.asyncProperty(arbitrary(), async ({ method, path, body }) => {
          const { status, text } = await call(method, path, body);
          if (status >= 500) failures.push(`${method} ${path} ${JSON.stringify(body) ?? ''} → ${status} ${text.slice(0, 200)}`);
        }),
        { seed: SEED, numRuns: RUNS },
      );
      expect(failures).toEqual([]);
    });
  });
});
