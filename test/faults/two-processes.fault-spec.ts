import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { TgUpdate } from 'src/bot-api-stand-in/telegram-objects.types';
import { eventually } from '../support/eventually';
import {
  CHILD_ADMIN_TOKEN,
  CHILD_WEBHOOK_PATH,
  CHILD_WEBHOOK_SECRET,
  ChildApp,
  childAppEnv,
  freePort,
  killAllChildApps,
} from '../support/fault-app-process';
import { auditThroughApi, integrityProblems, seededRandom, shuffled } from '../support/fault-checks';
import { FaultEnvironment, describeFault, prepareFaultEnvironment } from '../support/fault-environment';
import { WebhookRelay } from '../support/fault-webhook-relay';
import { picturesSince, Player, waitForDelivery } from '../support/reading-helpers';
import { startStandIn } from '../support/test-app';

const MESSAGES_PER_MINUTE = 8;
const SETTLE_MS = 200;

/**
 * Two instances of the app as two operating-system processes on one database and one Redis,
 * both answering Telegram's webhook: whichever gets an update (or both), it is handled once;
 * the per-user message limit is one limit; a conversation started on one continues on the other.
 */
describeFault('two app processes behind one webhook', () => {
  let environment: FaultEnvironment;
  let standIn: BotApiStandIn;
  let relay: WebhookRelay;
  let apps: ChildApp[] = [];
  let hooks: string[];
  const random = seededRandom(8);

  beforeAll(async () => {
    environment = await prepareFaultEnvironment('twoProcesses');
    standIn = await startStandIn();
    const catalog = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'src', 'catalog', 'default-catalog.json'), 'utf8'));
    const catalogPath = join(environment.dataDir, 'catalog.json');
    writeFileSync(catalogPath, JSON.stringify({ ...catalog, limits: { ...catalog.limits, messagesPerMinute: MESSAGES_PER_MINUTE } }));
    // Twenty updates of one user at once all wait their turn here: the spec is about the shared
    // limit, and the bound on a user's line has its own (flood, update-gate).
    const env = childAppEnv(environment, standIn.url!, { CATALOG_PATH: catalogPath, USER_QUEUE_LIMIT: '50' });
    const ports = [await freePort(), await freePort()];
    apps = ports.map((port, i) => ChildApp.spawn(`app-${'AB'[i]}`, port, env));
    const startup = await Promise.all(apps.map((app) => app.waitForLive(90_000)));
    process.stdout.write(`two processes: live after ${startup.join(' and ')} ms (pids ${apps.map((a) => a.pid).join(', ')})\n`);
    hooks = apps.map((app) => `${app.baseUrl}${CHILD_WEBHOOK_PATH}`);
    relay = new WebhookRelay(standIn, hooks, CHILD_WEBHOOK_SECRET, random);
    standIn.redirectWebhook(await relay.start());
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.kill('SIGTERM', 10_000)));
    await killAllChildApps();
    await relay?.stop();
    await standIn?.stop();
    await environment?.dispose();
  }, 30_000);

  function repliesTo(user: Player, mark: number): string[] {
    return standIn
      .calls('sendMessage')
      .filter((c) => c.index >= mark && c.ok && Number(c.params.chat_id) === user.id)
      .map((c) => String(c.params.text));
  }

  /** Posts each update to one process and a copy to the other, all at once. */
  async function deliverToBoth(updates: TgUpdate[]): Promise<number[]> {
    const deliveries = shuffled(
      updates.flatMap((update, i) => [
        { update, target: hooks[i % 2] },
        { update, target: hooks[(i + 1) % 2] },
      ]),
      random,
    );
    return (await Promise.all(deliveries.map(({ update, target }) => relay.post(target, update)))).map((d) => d.status);
  }

  /**
   * The user acts and the relay keeps the update; process `on` gets it first, and once it has
   * answered, the other process gets it too (a redelivery), which must change nothing: exactly
   * one reply. With `generates`, the reply is the "shuffling" line and the reading (written
   * outside the handler) may follow at once: those messages are the caller's to check.
   */
  async function stepOn(on: number, user: Player, act: () => Promise<unknown>, expected: (text: string) => boolean, generates = false): Promise<void> {
    await act();
    const updates = relay.take();
    expect(updates).toHaveLength(1);
    const mark = standIn.mark();
    expect((await relay.post(hooks[on], updates[0])).status).toBe(200);
    expect((await relay.post(hooks[1 - on], updates[0])).status).toBe(200);
    const handlerReplies = () => repliesTo(user, mark).filter((t) => !generates || t.includes('Shuffling the deck'));
    await eventually(async () => expect(handlerReplies()).toHaveLength(1));
    await sleep(SETTLE_MS);
    const replies = handlerReplies();
    expect(replies).toHaveLength(1);
    expect({ reply: replies[0], matches: expected(replies[0]) }).toMatchObject({ matches: true });
  }

  async function register(users: Player[]): Promise<void> {
    for (const user of users) await standIn.sendText(user, '/start');
    const updates = relay.take();
    const mark = standIn.mark();
    const statuses = await deliverToBoth(updates);
    expect(statuses.every((s) => s === 200)).toBe(true);
    await eventually(async () => {
      for (const user of users) expect(repliesTo(user, mark).filter((t) => t.includes('Welcome,'))).toHaveLength(1);
    });
  }

  it('handles every update once, whichever process gets it and however many times', async () => {
    const users: Player[] = Array.from({ length: 4 }, (_, i) => ({ id: 80_001 + i, first_name: `Proc${i + 1}`, language_code: 'en' }));
    await register(users);
    const commands = ['/balance', '/help', '/terms', '/privacy', '/balance'];
    for (const user of users) for (const command of commands) await standIn.sendText(user, command);
    const updates = relay.take();
    expect(updates).toHaveLength(users.length * commands.length);
    const mark = standIn.mark();
    const statuses = await deliverToBoth(updates);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await eventually(async () => {
      for (const user of users) expect({ user: user.id, replies: repliesTo(user, mark).length }).toEqual({ user: user.id, replies: commands.length });
    });
    await sleep(SETTLE_MS);
    for (const user of users) {
      const replies = repliesTo(user, mark);
      expect({ user: user.id, replies: replies.length }).toEqual({ user: user.id, replies: commands.length });
      expect(replies.filter((t) => t.startsWith('You have <b>5 credits</b>'))).toHaveLength(2);
    }
    const { rows } = await environment.sql.query(
      `SELECT u.telegram_id, count(t.id)::int AS grants FROM users u JOIN transactions t ON t.user_id = u.id
       WHERE u.telegram_id = ANY($1) GROUP BY u.telegram_id ORDER BY u.telegram_id`,
      [users.map((u) => String(u.id))],
    );
    expect(rows).toEqual(users.map((u) => ({ telegram_id: String(u.id), grants: 1 })));
  }, 60_000);

  it('counts one message limit for a user across both processes', async () => {
    const user: Player = { id: 80_101, first_name: 'Hasty', language_code: 'en' };
    await register([user]);
    const sent = 20;
    for (let i = 0; i < sent; i++) await standIn.sendText(user, '/balance');
    const updates = relay.take();
    const mark = standIn.mark();
    const deliveries = await Promise.all(updates.map((update, i) => relay.post(hooks[i % 2], update)));
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    const { rows: windows } = await environment.sql.query(
      `SELECT r.window_start, r.request_count FROM rate_limits r JOIN users u ON u.id = r.user_id
       WHERE u.telegram_id = $1 AND r.endpoint = 'message:1m' ORDER BY r.window_start`,
      [user.id],
    );
    // Every message counted once, in whichever minute it fell; per minute: the allowed ones and one refusal.
    expect(windows.reduce((sum, w) => sum + w.request_count, 0)).toBe(sent);
    const expected = windows.reduce(
      (sum, w) => sum + Math.min(w.request_count, MESSAGES_PER_MINUTE) + (w.request_count > MESSAGES_PER_MINUTE ? 1 : 0),
      0,
    );
    await eventually(async () => expect(repliesTo(user, mark)).toHaveLength(expected));
    await sleep(SETTLE_MS);
    const replies = repliesTo(user, mark);
    process.stdout.write(
      `two processes: ${sent} messages over ${windows.length} minute window(s), ${replies.length} replies ` +
        `(limit ${MESSAGES_PER_MINUTE} a minute; two separate limits would have allowed up to ${2 * (MESSAGES_PER_MINUTE + 1)} in one minute)\n`,
    );
    expect(replies).toHaveLength(expected);
    expect(replies.length).toBeLessThanOrEqual(windows.length * (MESSAGES_PER_MINUTE + 1));
    expect(replies.filter((t) => t.includes('going a little fast'))).toHaveLength(windows.filter((w) => w.request_count > MESSAGES_PER_MINUTE).length);
  }, 60_000);

  it('continues a questionnaire started on one process on the other, and charges the reading once', async () => {
    const user: Player = { id: 80_201, first_name: 'Roaming', language_code: 'en' };
    await register([user]);
    const { rows } = await environment.sql.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]);
    const grant = await fetch(`${apps[1].baseUrl}/api/v1/users/${rows[0].id}/credits/grant`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CHILD_ADMIN_TOKEN}`, 'content-type': 'application/json', 'idempotency-key': 'two-processes-grant' },
      body: JSON.stringify({ amount: 20, reason: 'fault spec: questionnaire across processes' }),
    });
    expect(grant.status).toBe(200);
    const start = standIn.mark();

    // Every step on the other process than the one before: the conversation lives in the database.
    await stepOn(0, user, () => standIn.sendText(user, '/read'), (t) => t.includes('Choose a spread'));
    const menu = standIn.lastMessageTo(user.id)!;
    await stepOn(1, user, () => standIn.pressButton(user, menu.message_id, 'v1:spread:relationship'), (t) => t.includes('Relationship'));
    await stepOn(0, user, () => standIn.sendText(user, 'Are we on the same path?'), (t) => t.includes('<b>1/4.</b>'));
    const answers = ['My partner', 'Three years', 'Moving abroad', 'Patience'];
    for (const [i, answer] of answers.entries()) {
      const last = i === answers.length - 1;
      await stepOn((i + 1) % 2, user, () => standIn.sendText(user, answer), (t) => (last ? t.includes('Shuffling the deck') : t.includes(`<b>${i + 2}/4.</b>`)), last);
    }
    await waitForDelivery(standIn, user.id, start, 20_000);
    await sleep(SETTLE_MS);
    const all = repliesTo(user, start);
    expect(all.filter((t) => t.includes('credits spent'))).toHaveLength(1);
    expect(all.filter((t) => t.includes('<b>Relationship</b>'))).toHaveLength(1); // the invitation to ask
    // The cards, in the picture that took the place of "Shuffling…".
    expect(picturesSince(standIn, user.id, start).map((p) => p.ok && p.caption.includes('Relationship'))).toEqual([true]);

    const { rows: readings } = await environment.sql.query(
      `SELECT r.id, r.status, r.questionnaire_responses FROM readings r JOIN users u ON u.id = r.user_id WHERE u.telegram_id = $1`,
      [user.id],
    );
    expect(readings).toHaveLength(1);
    expect(readings[0].status).toBe('completed');
    expect(readings[0].questionnaire_responses.answers.map((a: { answer: string }) => a.answer)).toEqual(answers);
    const { rows: money } = await environment.sql.query(
      `SELECT u.credits, count(t.id) FILTER (WHERE t.type = 'reading_cost')::int AS costs FROM users u
       JOIN transactions t ON t.user_id = u.id WHERE u.telegram_id = $1 GROUP BY u.id`,
      [user.id],
    );
    expect(money).toEqual([{ credits: 5 + 20 - 12, costs: 1 }]);
  }, 90_000);

  it('leaves a clean ledger, as both processes report it', async () => {
    expect(await integrityProblems(environment.sql)).toEqual([]);
    for (const app of apps) {
      expect(app.alive).toBe(true);
      expect(await auditThroughApi(app.baseUrl, CHILD_ADMIN_TOKEN)).toMatchObject({ ok: true, mismatches: [] });
    }
  });
});
