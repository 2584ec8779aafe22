import fc from 'fast-check';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { auditThroughApi, integrityProblems, starsAuditThroughApi, writeFingerprint } from '../support/fault-checks';
import { FaultEnvironment, describeFault, prepareFaultEnvironment } from '../support/fault-environment';
import { payAndWait, requestInvoice } from '../support/payment-helpers';
import { WebhookRelay } from '../support/fault-webhook-relay';
import { Player } from '../support/reading-helpers';
import { startStandIn, startTestApp, TestApp, WEBHOOK_SECRET } from '../support/test-app';

const SEED = 11;
const RUNS = 100;
const WEBHOOK_RUNS = 150;
/** Many operator tokens, used in turn: the REST API allows 600 requests a minute per token. */
const TOKENS = Array.from({ length: 15 }, (_, i) => ({ name: `fuzz${i}`, token: `bad-input-token-${String(i).padStart(2, '0')}-xxxxxxxx` }));

// ---- arbitraries ----

const hugeText = fc.noShrink(
  fc.tuple(fc.constantFrom('x', 'é', '€', '🃏', 'ab\u0000', '\u202e'), fc.integer({ min: 2_000, max: 40_000 })).map(([unit, times]) => unit.repeat(times)),
);
const controlText = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  controlText,
  fc.constantFrom('', ' ', '0', '-1', '1.5', '1e3', '0x10', 'NaN', 'Infinity', 'true', 'null', '99999999999999999999', '__proto__', "'; DROP TABLE users; --", '%00', '../../etc/passwd'),
);
const scalar = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(0, -1, 1, 5, 2 ** 31, 2 ** 31 - 1, 2 ** 53 + 2, 1_000_001, -0, 1.5, 1e308),
  text,
);
const key = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'amount', 'reason', 'status', 'force', 'pattern', 'limit', 'cursor', 'type', 'from', 'to', 'fromStart'),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  scalar,
  fc.array(scalar, { maxLength: 5 }),
  fc.dictionary(key, scalar, { maxKeys: 5 }),
  fc.anything({ maxDepth: 3 }),
);

/** A body for a DTO with these fields: valid values now and then, wrong types, unknown fields, or anything at all. */
function bodyFor(valid: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const fields = Object.keys(valid);
  const field = (name: string) => fc.oneof(valid[name], anyValue, hugeText);
  const record = fc.record(Object.fromEntries(fields.map((name) => [name, field(name)])), { requiredKeys: [] });
  return fc.oneof(
    fc.anything(),
    record,
    fc.record(valid),
    fc.tuple(fc.record(valid), fc.dictionary(key, anyValue, { minKeys: 1, maxKeys: 3 })).map(([known, extra]) => ({ ...known, ...extra })),
    fc.tuple(record, fc.dictionary(key, anyValue, { minKeys: 1, maxKeys: 3 })).map(([known, extra]) => ({ ...known, ...extra })),
  );
}

/** Bodies no generator makes: broken JSON, prototype keys, deep nesting, other content types. */
const RAW_BODIES: { body: string; type?: string }[] = [
  { body: '{' },
  { body: '{"amount": 1,}' },
  { body: 'null' },
  { body: '[]' },
  { body: '"a string"' },
  { body: '123' },
  { body: '{"__proto__": {"amount": 5, "reason": "polluted"}}' },
  { body: '{"amount": 5, "reason": "x", "__proto__": {"isAdmin": true}}' },
  { body: '{"constructor": {"prototype": {"polluted": 1}}, "amount": 5, "reason": "x"}' },
  { body: `${'['.repeat(5000)}${']'.repeat(5000)}` },
  { body: `{"amount": 5, "reason": "x", "deep": ${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}` },
  { body: `{"amount": 5, "reason": "x", "deep": ${'['.repeat(3000)}1${']'.repeat(3000)}}` },
  { body: '{"amount": 5, "reason": "x"}', type: 'text/plain' },
  { body: 'amount=5&reason=x', type: 'application/x-www-form-urlencoded' },
  { body: 'amount[$gt]=0&reason[]=x', type: 'application/x-www-form-urlencoded' },
  { body: '{"amount": 5, "reason": "x"}', type: 'application/json; charset=utf-16' },
  { body: '\u0000\u0001\u0002', type: 'application/json' },
  { body: '{"amount": 5, "reason": "x"}'.repeat(20_000), type: 'application/json' },
];

/** A query string from known and unknown keys, with repeated keys (arrays) and broken escapes now and then. */
function queryFor(known: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const names = Object.keys(known);
  const value = fc.oneof(...names.map((n) => known[n]), text.map(String), hugeText.map((t) => t.slice(0, 3000)));
  const entries = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names), key, fc.constantFrom(...names.map((n) => `${n}[]`), ...names.map((n) => `${n}[$gt]`))), value), {
    maxLength: 6,
  });
  return fc.oneof(
    entries.map((pairs) => {
      const params = new URLSearchParams();
      for (const [k, v] of pairs) params.append(k, v);
      return params.toString();
    }),
    fc.constantFrom('%', '%E0%A4%A', '&&&', '=&=', 'limit=1&limit=2', 'limit=%00', `limit=${'9'.repeat(400)}`, 'cursor=-5', 'limit=0', 'from=2024-13-45', 'to=not-a-date'),
  );
}

/** `value` one time in eight, otherwise undefined. */
const sometimes = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });

const safeSegment = (value: string): string => {
  try {
    return encodeURIComponent(value);
  } catch {
    return 'x';
  }
};

const idempotencyKey = fc.option(
  fc.oneof(
    fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 150 }),
    fc.constantFrom('ok-key-1', 'ok-key-2', 'a'.repeat(100), 'a'.repeat(101), ' ', 'key with spaces', 'ünïcode'),
  ),
  { nil: undefined },
);

interface Violation {
  kind: string;
  example: string;
  detail?: string;
}

/** Tells apart the bodies over the JSON parser's limit (100 kB) and the deeply nested ones: each fails its own way. */
function sizeClass(body: string): string {
  if (Buffer.byteLength(body) > 100 * 1024) return ' (body over 100 kB)';
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return deepest > 500 ? ' (nested over 500 deep)' : '';
}

/** JSON with every long string cut, for failure reports. */
function brief(value: unknown): string {
  return (
    JSON.stringify(value, (_, v: unknown) => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 60)}… (${v.length} characters)` : v)) ?? 'undefined'
  );
}

/** One line per kind of failure: how often, and its smallest example (cut to a readable length). */
function summarize(violations: Violation[]): string[] {
  const kinds = new Map<string, Violation[]>();
  for (const v of violations) kinds.set(v.kind, [...(kinds.get(v.kind) ?? []), v]);
  return [...kinds].map(([kind, list]) => {
    const smallest = list.reduce((a, b) => (b.example.length < a.example.length ? b : a));
    const example = smallest.example.length > 300 ? `${smallest.example.slice(0, 300)}… (${smallest.example.length} characters)` : smallest.example;
    return `${kind}: ${list.length} time(s); smallest: ${example}${smallest.detail ? ` → ${smallest.detail.slice(0, 200)}` : ''}`;
  });
}

interface RestInput {
  path: string;
  query?: string;
  body?: unknown;
  raw?: { body: string; type?: string };
  key?: string;
}

describeFault('bad input: property-based requests to the REST API and the webhook', () => {
  let environment: FaultEnvironment;
  let standIn: BotApiStandIn;
  let sut: TestApp;
  let baseUrl: string;
  let hook: string;
  let userId: number;
  let purchaseId: number;
  let buyMenuId: number;
  let relay: WebhookRelay;
  let calls = 0;
  const registered: Player = { id: 110_001, first_name: 'Known', language_code: 'en' };
  /** Users the stand-in knows (they have a chat), not registered with the bot. */
  const strangers: Player[] = [110_101, 110_102, 110_103].map((id) => ({ id, first_name: `Stranger${id}` }));
  const statusCounts = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    environment = await prepareFaultEnvironment('badInput');
    standIn = await startStandIn();
    sut = await startTestApp(environment, standIn, {
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://faults.example.test/hook',
      WEBHOOK_SECRET,
      ADMIN_API_TOKENS: TOKENS.map((t) => `${t.name}:${t.token}`).join(','),
    });
    baseUrl = await sut.listen();
    hook = `${baseUrl}/telegram/webhook`;
    standIn.redirectWebhook(hook);
    await say(standIn, registered, '/start');
    const { payment } = await payAndWait(standIn, registered, await requestInvoice(standIn, registered, 'credits_50'));
    expect(payment.ok).toBe(true);
    for (const stranger of strangers) await say(standIn, stranger, '/help');
    buyMenuId = standIn.messagesTo(registered.id).find((m) => m.reply_markup?.inline_keyboard.flat().some((b) => b.callback_data === 'v1:buy:credits_50'))!.message_id;
    // From here on the stand-in only builds updates (real callback query ids); the spec delivers them.
    relay = new WebhookRelay(standIn, [hook], WEBHOOK_SECRET, () => 0.5);
    standIn.redirectWebhook(await relay.start());
    const { rows } = await environment.sql.query(
      `SELECT u.id, t.id AS purchase FROM users u JOIN transactions t ON t.user_id = u.id AND t.payment_provider = 'telegram_stars' WHERE u.telegram_id = $1`,
      [registered.id],
    );
    [{ id: userId, purchase: purchaseId }] = rows;
  }, 60_000);

  afterAll(async () => {
    const lines = [...statusCounts].map(([route, counts]) => `  ${route}: ${[...counts].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`);
    process.stdout.write(`bad input: answers by route\n${lines.join('\n')}\n`);
    await sut?.close();
    await relay?.stop();
    await standIn?.stop();
    await environment?.dispose();
  });

  function count(route: string, status: number): void {
    const counts = statusCounts.get(route) ?? new Map<number, number>();
    counts.set(status, (counts.get(status) ?? 0) + 1);
    statusCounts.set(route, counts);
  }

  async function send(method: string, input: RestInput): Promise<{ status: number; text: string }> {
    const token = TOKENS[calls++ % TOKENS.length].token;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let body: string | undefined;
    if (input.raw) {
      body = input.raw.body;
      headers['content-type'] = input.raw.type ?? 'application/json';
    } else if (method !== 'GET' && input.body !== undefined) {
      body = JSON.stringify(input.body);
      headers['content-type'] = 'application/json';
    }
    if (input.key !== undefined) headers['idempotency-key'] = input.key;
    const url = `${baseUrl}/api/v1/${input.path}${input.query ? `?${input.query}` : ''}`;
    const response = await fetch(url, { method, headers, body });
    return { status: response.status, text: await response.text() };
  }

  /**
   * The property of every route: never a 5xx, and a refused request (or any GET) writes nothing.
   * An accepted write (a valid grant, say) may write: that is its job. Every run is made (no
   * stop at the first counterexample): the failures are gathered, grouped by what went wrong,
   * and shown with the smallest example of each, so that one bug does not hide the next.
   */
  async function checkRoute(route: string, method: string, input: fc.Arbitrary<RestInput>, runs = RUNS): Promise<void> {
    const violations: Violation[] = [];
    await fc.assert(
      fc.asyncProperty(input, async (request) => {
        const before = await writeFingerprint(environment.sql);
        let status: number;
        let answer: string;
        try {
          ({ status, text: answer } = await send(method, request));
        } catch (error) {
          status = 0;
          answer = String(error);
        }
        count(route, status);
        const example = brief(request);
        const size = sizeClass(request.raw?.body ?? JSON.stringify(request.body ?? null));
        if (status >= 500 || status === 0) violations.push({ kind: `${route} answered ${status}${size}`, example, detail: answer });
        else if ((status >= 300 || method === 'GET') && (await writeFingerprint(environment.sql)) !== before) {
          violations.push({ kind: `${route} wrote although it answered ${status}`, example, detail: answer });
        }
      }),
      { seed: SEED, numRuns: runs },
    );
    if (method !== 'GET') {
      // And every hand-made body, to a real target.
      for (const raw of RAW_BODIES) {
        const before = await writeFingerprint(environment.sql);
        const path = route.replace(/^\S+ /, '').replace(':id', String(route.includes('transactions') ? purchaseId : userId));
        const { status, text: answer } = await send(method, { path, raw }).catch((error) => ({ status: 0, text: String(error) }));
        count(route, status);
        const example = brief({ path, raw });
        if (status >= 500 || status === 0) violations.push({ kind: `${route} answered ${status}${sizeClass(raw.body)} (hand-made body)`, example, detail: answer });
        else if (status >= 300 && (await writeFingerprint(environment.sql)) !== before) {
          violations.push({ kind: `${route} wrote although it answered ${status} (hand-made body)`, example, detail: answer });
        }
      }
    }
    expect(summarize(violations)).toEqual([]);
  }

  const pathId = () =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(String(userId)) },
      fc.integer({ min: -10, max: 2 ** 40 }).map(String),
      text.map(safeSegment),
    );
  const raw = fc.constantFrom(...RAW_BODIES);

  it('GET /users: any query is answered without a 5xx', async () => {
    const query = queryFor({ status: fc.constantFrom('active', 'suspended', 'deleted', 'gone'), cursor: fc.nat().map(String), limit: fc.integer({ min: -5, max: 300 }).map(String) });
    await checkRoute('GET users', 'GET', query.map((q) => ({ path: 'users', query: q })));
  }, 60_000);

  it('GET /users/:id, /users/by-telegram-id/:id, sessions and rate limits: any id', async () => {
    await checkRoute('GET users/:id', 'GET', pathId().map((id) => ({ path: `users/${id}` })), 50);
    await checkRoute('GET users/by-telegram-id', 'GET', pathId().map((id) => ({ path: `users/by-telegram-id/${id}` })), 50);
    await checkRoute('GET users/:id/sessions', 'GET', pathId().map((id) => ({ path: `users/${id}/sessions` })), 30);
    await checkRoute('GET users/:id/rate-limits', 'GET', pathId().map((id) => ({ path: `users/${id}/rate-limits` })), 30);
  }, 60_000);

  it('PATCH /users/:id/status: any body', async () => {
    const body = bodyFor({ status: fc.constantFrom('active', 'suspended'), reason: fc.string({ maxLength: 20 }) });
    await checkRoute(
      'PATCH users/:id/status',
      'PATCH',
      fc.record({ path: pathId().map((id) => `users/${id}/status`), body, raw: sometimes(raw) }),
    );
    // Leave the user active for what follows.
    await send('PATCH', { path: `users/${userId}/status`, body: { status: 'active' } });
  }, 60_000);

  for (const action of ['grant', 'deduct'] as const) {
    it(`POST /users/:id/credits/${action}: any body and Idempotency-Key`, async () => {
      const body = bodyFor({ amount: fc.integer({ min: 1, max: 3 }), reason: fc.string({ minLength: 1, maxLength: 20 }) });
      await checkRoute(
        `POST users/:id/credits/${action}`,
        'POST',
        fc.record({ path: pathId().map((id) => `users/${id}/credits/${action}`), body, key: idempotencyKey, raw: sometimes(raw) }),
      );
    }, 60_000);
  }

  it('GET /transactions and /users/:id/transactions: any query', async () => {
    const query = queryFor({
      type: fc.constantFrom('purchase', 'reading_cost', 'refund', 'subscription', 'bonus', 'adjustment', 'gift'),
      status: fc.constantFrom('pending', 'completed', 'failed', 'refunded', 'lost'),
      from: fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
      to: fc.constantFrom('2030-01-01', '2020-02-30', 'yesterday', '0', '-1'),
      cursor: fc.nat().map(String),
      limit: fc.integer({ min: -5, max: 300 }).map(String),
    });
    await checkRoute('GET transactions', 'GET', query.map((q) => ({ path: 'transactions', query: q })));
    await checkRoute('GET users/:id/transactions', 'GET', fc.record({ path: pathId().map((id) => `users/${id}/transactions`), query }), 50);
    await checkRoute('GET transactions/:id', 'GET', pathId().map((id) => ({ path: `transactions/${id}` })), 30);
  }, 60_000);

  it('POST /transactions/:id/refund: any body and Idempotency-Key', async () => {
    const body = bodyFor({ reason: fc.string({ minLength: 1, maxLength: 20 }), force: fc.boolean() });
    const id = fc.oneof({ weight: 3, arbitrary: fc.constant(String(purchaseId)) }, pathId());
    await checkRoute(
      'POST transactions/:id/refund',
      'POST',
      fc.record({ path: id.map((x) => `transactions/${x}/refund`), body, key: idempotencyKey, raw: sometimes(raw) }),
    );
  }, 60_000);

  it('POST /cache/invalidate: any body', async () => {
    const body = bodyFor({ pattern: fc.constantFrom('user_data:*', 'reading_history:tg:*', 'card_data:?', 'user_data:**', '*', 'keyv:*') });
    await checkRoute('POST cache/invalidate', 'POST', fc.record({ path: fc.constant('cache/invalidate'), body, raw: sometimes(raw) }));
  }, 60_000);

  it('GET /users/:id/readings and /readings/:id: any query and id', async () => {
    const query = queryFor({ cursor: fc.nat().map(String), limit: fc.integer({ min: -5, max: 150 }).map(String) });
    await checkRoute('GET users/:id/readings', 'GET', fc.record({ path: pathId().map((id) => `users/${id}/readings`), query }));
    await checkRoute('GET readings/:id', 'GET', pathId().map((id) => ({ path: `readings/${id}` })), 30);
  }, 60_000);

  it('POST /reconciliation: any query', async () => {
    const query = queryFor({ fromStart: fc.constantFrom('true', 'false', 'TRUE', '1', 'yes') });
    await checkRoute('POST reconciliation', 'POST', query.map((q) => ({ path: 'reconciliation', query: q })), 50);
  }, 60_000);

  // ---- the webhook ----

  let updateId = 500_000_000;
  const nextId = () => ++updateId;

  async function post(update: unknown, rawBody?: string): Promise<number> {
    const response = await fetch(hook, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      body: rawBody ?? JSON.stringify(update),
    });
    await response.text();
    return response.status;
  }

  /** Every webhook answer must be 200 (handled or ignored), 400 (not an update) or 413 (bigger than any update); never 5xx. */
  async function checkWebhook(label: string, updates: fc.Arbitrary<unknown>, runs = WEBHOOK_RUNS): Promise<void> {
    await checkLabelledWebhook(updates.map((update) => ({ label, update })), runs);
  }

  /**
   * The same, for updates that say which field they break (reported per field). One marked
   * `pressed` gets a real callback query (a press on a bot message, so that the query id is one
   * Telegram knows) with the broken fields laid over it.
   */
  async function checkLabelledWebhook(cases: fc.Arbitrary<{ label: string; update: unknown; pressed?: boolean }>, runs: number): Promise<void> {
    const violations: Violation[] = [];
    await fc.assert(
      fc.asyncProperty(cases, async ({ label, update, pressed }) => {
        let body = update as Record<string, unknown>;
        if (pressed) {
          await standIn.pressButton(registered, buyMenuId, 'v1:buy:credits_50');
          const [real] = relay.take(registered.id);
          body = { update_id: nextId(), callback_query: { ...(real.callback_query as object), ...(body.callback_query as object) } };
        }
        const status = await post(body).catch(() => 0);
        count(`webhook ${label.split(':')[0]}`, status);
        if (![200, 400, 413].includes(status)) {
          violations.push({ kind: `webhook (${label}) answered ${status}${sizeClass(JSON.stringify(body) ?? '')}`, example: brief(body) });
        }
      }),
      { seed: SEED, numRuns: runs },
    );
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
    expect(summarize(violations)).toEqual([]);
  }

  const chatOf = (player: Player) => ({ id: player.id, type: 'private', first_name: player.first_name });
  const fromOf = (player: Player) => ({ id: player.id, is_bot: false, first_name: player.first_name ?? 'X', language_code: 'en' });
  const known = () => fc.constantFrom(registered, ...strangers);

  it('webhook: any JSON value at all', async () => {
    await checkWebhook('anything', fc.anything());
    for (const body of ['{', '', 'null', '[]', '"update"', `${'['.repeat(5000)}${']'.repeat(5000)}`, '{"update_id": 1e400}', '{"update_id": -1}', '{"update_id": "7"}']) {
      const status = await post(undefined, body);
      count('webhook raw', status);
      expect({ body: body.slice(0, 40), ok: [200, 400].includes(status) }).toEqual({ body: body.slice(0, 40), ok: true });
    }
  }, 90_000);

  it('webhook: an update_id with random other keys', async () => {
    const update = fc.tuple(fc.dictionary(key, anyValue, { maxKeys: 4 }), fc.nat()).map(([rest, id]) => ({ ...rest, update_id: id + 600_000_000 }));
    await checkWebhook('random keys', update);
  }, 90_000);

  it('webhook: messages with any text (unicode, control characters, 100 kB), from users known and unknown to the bot', async () => {
    const messageText = fc.oneof(text, controlText, hugeText, fc.constantFrom('/start', '/balance', '/read', '/skip', '/cancel', '/unknown', `/${'a'.repeat(200)}`, 'x'.repeat(100_000)));
    const update = fc.tuple(known(), messageText).map(([player, body]) => ({
      update_id: nextId(),
      message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: chatOf(player), from: fromOf(player), text: body },
    }));
    await checkWebhook('texts', update);
  }, 120_000);

  it('webhook: known update kinds with wrong types in their fields', async () => {
    const wrong = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(key, scalar, { maxKeys: 3 }));
    const cases = fc.tuple(known(), wrong, wrong, fc.string({ unit: 'binary-ascii', minLength: 100, maxLength: 100 }), key).chain(([player, a, b, hundred, k]) => {
      const message = (fields: Record<string, unknown>) => ({ update_id: nextId(), message: { message_id: 1, date: 1, chat: chatOf(player), from: fromOf(player), ...fields } });
      return fc.constantFrom<{ label: string; update: unknown; pressed?: boolean }>(
        { label: 'wrong types: message.text', update: message({ text: a }) },
        { label: 'wrong types: message.message_id and date', update: message({ message_id: a, date: b, text: '/balance' }) },
        { label: 'wrong types: message.chat', update: message({ chat: a, text: '/balance' }) },
        { label: 'wrong types: message.chat.type', update: message({ chat: { ...chatOf(player), type: a }, text: 'hi' }) },
        { label: 'wrong types: message.from', update: message({ from: a, text: '/balance' }) },
        { label: 'wrong types: message.from.id', update: message({ from: { ...fromOf(player), id: a }, text: 'hi' }) },
        { label: 'wrong types: message', update: { update_id: nextId(), message: a } },
        { label: 'wrong types: callback_query.data of 100 bytes', update: { callback_query: { data: hundred } }, pressed: true },
        { label: 'wrong types: callback_query.data', update: { callback_query: { data: a } }, pressed: true },
        { label: 'wrong types: callback_query.message', update: { callback_query: { message: b } }, pressed: true },
        { label: 'wrong types: callback_query', update: { update_id: nextId(), callback_query: a } },
        { label: 'wrong types: pre_checkout_query amount and payload', update: { update_id: nextId(), pre_checkout_query: { id: 'pcq', from: fromOf(player), currency: 'XTR', total_amount: a, invoice_payload: b } } },
        { label: 'wrong types: successful_payment fields', update: message({ successful_payment: { currency: 'XTR', total_amount: a, invoice_payload: b, telegram_payment_charge_id: hundred, provider_payment_charge_id: '' } }) },
        { label: 'wrong types: successful_payment', update: message({ successful_payment: a }) },
        { label: 'wrong types: refunded_payment fields', update: message({ refunded_payment: { currency: 'XTR', total_amount: 500, invoice_payload: a, telegram_payment_charge_id: b } }) },
        { label: 'wrong types: my_chat_member', update: { update_id: nextId(), my_chat_member: { chat: chatOf(player), from: fromOf(player), date: 1, old_chat_member: a, new_chat_member: b } } },
        { label: 'wrong types: edited_message.text', update: { update_id: nextId(), edited_message: { message_id: 1, date: 1, chat: chatOf(player), from: fromOf(player), text: a } } },
        { label: 'wrong types: channel_post', update: { update_id: nextId(), channel_post: { message_id: 1, date: 1, chat: { id: -100, type: 'channel' }, text: a } } },
        { label: 'wrong types: group message.text', update: { update_id: nextId(), message: { message_id: 1, date: 1, chat: { id: -5, type: 'group', title: 'g' }, from: fromOf(player), text: a } } },
        { label: 'wrong types: unknown update kind', update: { update_id: nextId(), [k]: b } },
      );
    });
    await checkLabelledWebhook(cases, 200);
  }, 120_000);

  it('stays healthy and leaves nothing half-written', async () => {
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
    expect(await integrityProblems(environment.sql)).toEqual([]);
    expect(await auditThroughApi(baseUrl, TOKENS[0].token)).toMatchObject({ ok: true, mismatches: [] });
    expect(await starsAuditThroughApi(baseUrl, TOKENS[0].token)).toMatchObject({ ok: true, mismatches: [] });
    // Prototype pollution would show on every object of the process.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
