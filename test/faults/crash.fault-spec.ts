import { setTimeout as sleep } from 'node:timers/promises';
import { FakeLlmServer } from 'src/readings/interpreter/fake-llm-server';
import { ReadingRecoveryJob } from 'src/readings/generation/reading-recovery.job';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { eventually } from '../support/eventually';
import { BotApiGate } from '../support/fault-api-gate';
import {
  CHILD_ADMIN_TOKEN,
  CHILD_WEBHOOK_PATH,
  CHILD_WEBHOOK_SECRET,
  ChildApp,
  childAppEnv,
  freePort,
  killAllChildApps,
} from '../support/fault-app-process';
import { auditThroughApi, integrityProblems, seededRandom } from '../support/fault-checks';
import { FaultEnvironment, describeFault, prepareFaultEnvironment } from '../support/fault-environment';
import { WebhookRelay } from '../support/fault-webhook-relay';
import { Player } from '../support/reading-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp, WEBHOOK_SECRET } from '../support/test-app';

const SINGLE: Player[] = Array.from({ length: 4 }, (_, i) => ({ id: 100_001 + i, first_name: `Single${i + 1}`, language_code: 'en' }));
const RELATIONSHIP: Player[] = Array.from({ length: 2 }, (_, i) => ({ id: 100_101 + i, first_name: `Pair${i + 1}`, language_code: 'en' }));
const READERS = [...SINGLE, ...RELATIONSHIP];
const HOLDER: Player = { id: 100_201, first_name: 'Midway', language_code: 'en' };
const PRICES: Record<string, number> = { single: 5, relationship: 12 };
const LLM_DELAY_MS = 4000;

/**
 * A process dies (SIGKILL) while readings are being written (a slow LLM) and while one update
 * is half-handled. On the same database, a restarted process and the recovery pass must finish
 * every interrupted reading exactly once (or end it as error, uncharged), and the half-handled
 * update must still be handled when Telegram delivers it again.
 */
describeFault('crash: an app process killed while readings are being written', () => {
  let environment: FaultEnvironment;
  let standIn: BotApiStandIn;
  let llm: FakeLlmServer;
  let gate: BotApiGate;
  let relay: WebhookRelay;
  let env: Record<string, string>;
  let restarted: ChildApp;
  let sut: TestApp | undefined;
  let holderUpdate: Record<string, unknown>;

  beforeAll(async () => {
    environment = await prepareFaultEnvironment('crash');
    standIn = await startStandIn();
    llm = new FakeLlmServer();
    llm.setDefault({ kind: 'auto', delayMs: LLM_DELAY_MS });
    gate = new BotApiGate(standIn.url!);
    env = childAppEnv(environment, await gate.start(), {
      LLM_BASE_URL: await llm.start(),
      LLM_API_KEY: 'fake-llm-key',
      LLM_TIMEOUT_MS: '8000',
    });
    relay = new WebhookRelay(standIn, [], CHILD_WEBHOOK_SECRET, seededRandom(10));
    standIn.redirectWebhook(await relay.start());
  }, 60_000);

  afterAll(async () => {
    await killAllChildApps();
    await sut?.close();
    await gate?.stop();
    await llm?.stop();
    await relay?.stop();
    await standIn?.stop();
    await environment?.dispose();
  }, 30_000);

  function repliesTo(user: Player, mark = 0): string[] {
    return standIn
      .calls('sendMessage')
      .filter((c) => c.index >= mark && c.ok && Number(c.params.chat_id) === user.id)
      .map((c) => String(c.params.text));
  }

  /** The user acts; the update goes to `app`; its reply (the handler's) must be `expected`. */
  async function step(app: ChildApp, user: Player, act: () => Promise<unknown>, expected: string): Promise<void> {
    await act();
    const [update] = relay.take(user.id);
    const mark = standIn.mark();
    expect((await relay.post(`${app.baseUrl}${CHILD_WEBHOOK_PATH}`, update)).status).toBe(200);
    await eventually(async () => expect(repliesTo(user, mark).some((t) => t.includes(expected))).toBe(true));
  }

  function buttonMessage(user: Player, data: string): number {
    return standIn
      .messagesTo(user.id)
      .filter((m) => m.reply_markup?.inline_keyboard.flat().some((b) => b.callback_data === data))
      .at(-1)!.message_id;
  }

  async function userId(user: Player): Promise<number> {
    const { rows } = await environment.sql.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]);
    return rows[0].id;
  }

  it('is killed with six readings waiting on the LLM and one update half-handled', async () => {
    const first = ChildApp.spawn('app-first', await freePort(), env);
    await first.waitForLive(90_000);
    const hook = `${first.baseUrl}${CHILD_WEBHOOK_PATH}`;

    // Everyone up to the last answer, one step at a time.
    const lastAnswers: { user: Player; update: Record<string, unknown> }[] = [];
    for (const user of [...READERS, HOLDER]) await step(first, user, () => standIn.sendText(user, '/start'), 'Welcome,');
    for (const user of RELATIONSHIP) {
      const grant = await fetch(`${first.baseUrl}/api/v1/users/${await userId(user)}/credits/grant`, {
        method: 'POST',
        headers: { authorization: `Bearer ${CHILD_ADMIN_TOKEN}`, 'content-type': 'application/json', 'idempotency-key': `crash-${user.id}` },
        body: JSON.stringify({ amount: 10, reason: 'fault spec: crash' }),
      });
      expect(grant.status).toBe(200);
    }
    for (const user of READERS) {
      const spread = SINGLE.includes(user) ? 'single' : 'relationship';
      await step(first, user, () => standIn.sendText(user, '/read'), 'Choose a spread');
      await step(first, user, () => standIn.pressButton(user, buttonMessage(user, `v1:spread:${spread}`), `v1:spread:${spread}`), 'You chose');
      const messages = spread === 'single' ? ['What should I know?'] : ['What should I know?', 'My partner', 'Two years', 'Money', 'Calm'];
      for (const [i, text] of messages.slice(0, -1).entries()) await step(first, user, () => standIn.sendText(user, text), `${i + 1}/4`);
      // The message that completes the questions is kept, to be sent with everyone else's.
      await standIn.sendText(user, messages.at(-1)!);
      lastAnswers.push({ user, update: relay.take(user.id)[0] as unknown as Record<string, unknown> });
    }
    // All six readings start at once and wait at the LLM (4 s): the process dies well before any comes back.
    const statuses = await Promise.all(lastAnswers.map(({ update }) => standIn.deliverTo(hook, update, CHILD_WEBHOOK_SECRET)));
    expect(statuses.map((s) => s.status)).toEqual(lastAnswers.map(() => 200));
    await eventually(async () => expect(llm.completions.length).toBeGreaterThanOrEqual(READERS.length), 10_000);

    // The holder's /balance gets as far as its reply, which the gate holds: the update is claimed and its user locked.
    gate.hold((call) => call.method === 'sendMessage' && Number(call.params.chat_id) === HOLDER.id);
    await standIn.sendText(HOLDER, '/balance');
    holderUpdate = relay.take(HOLDER.id)[0] as unknown as Record<string, unknown>;
    const inFlight = standIn.deliverTo(hook, holderUpdate, CHILD_WEBHOOK_SECRET);
    await eventually(async () => expect(gate.held).toHaveLength(1));

    await first.kill('SIGKILL');
    expect((await inFlight).status).toBe(0); // the connection died with the process: Telegram will deliver it again
    gate.release();

    const { rows } = await environment.sql.query(
      `SELECT r.status, s.data->>'step' AS step, s.status AS session FROM readings r
       JOIN user_sessions s ON (s.data->>'readingId')::int = r.id ORDER BY r.id`,
    );
    expect(rows).toEqual(READERS.map(() => ({ status: 'in_progress', step: 'generating', session: 'active' })));
    expect(repliesTo(HOLDER).filter((t) => t.startsWith('You have'))).toEqual([]);
  }, 120_000);

  it('restarts on the same database and serves again', async () => {
    llm.setDefault({ kind: 'auto' });
    restarted = ChildApp.spawn('app-restarted', await freePort(), env);
    const ms = await restarted.waitForLive(90_000);
    process.stdout.write(`crash: restarted process live after ${ms} ms\n`);
    const newcomer: Player = { id: 100_301, first_name: 'After', language_code: 'en' };
    await step(restarted, newcomer, () => standIn.sendText(newcomer, '/start'), 'Welcome,');
  }, 120_000);

  it('completes each interrupted reading once (or ends it as error, uncharged) in the recovery pass', async () => {
    sut = await startTestApp(environment, standIn, { BOT_MODE: 'webhook', WEBHOOK_URL: 'https://faults.example.test/hook', WEBHOOK_SECRET });
    const job = sut.app.get(ReadingRecoveryJob);
    expect(await job.run()).toBe(0); // the conversations are not idle long enough yet
    // The job takes conversations idle for two minutes; make these five minutes old instead of waiting.
    const { rowCount } = await environment.sql.query(
      `UPDATE user_sessions SET last_activity_at = now() - interval '5 minutes'
       WHERE session_type = 'reading' AND status = 'active' AND data->>'step' = 'generating'`,
    );
    expect(rowCount).toBe(READERS.length);
    let claimed = 0;
    for (let n = -1; n !== 0; ) claimed += n = await job.run();
    // The restarted process's own job (every minute) may have taken some: it is the same job.
    await eventually(async () => {
      const { rows } = await environment.sql.query(`SELECT count(*)::int AS n FROM readings WHERE status = 'in_progress'`);
      expect(rows[0].n).toBe(0);
    }, 30_000);
    await sleep(300);
    process.stdout.write(`crash: the recovery pass here claimed ${claimed} of ${READERS.length} readings\n`);

    for (const user of READERS) {
      const spread = SINGLE.includes(user) ? 'single' : 'relationship';
      const { rows } = await environment.sql.query(
        `SELECT r.id, r.status, u.credits,
           (SELECT count(*)::int FROM transactions t WHERE t.type = 'reading_cost' AND t.metadata->>'readingId' = r.id::text) AS costs,
           (SELECT count(*)::int FROM user_sessions s WHERE s.user_id = u.id AND s.status = 'active') AS open
         FROM readings r JOIN users u ON u.id = r.user_id WHERE u.telegram_id = $1`,
        [user.id],
      );
      expect(rows).toHaveLength(1);
      const [reading] = rows;
      const before = spread === 'single' ? 5 : 15;
      const delivered = repliesTo(user).filter((t) => t.includes('credits spent')).length;
      if (reading.status === 'completed') {
        expect({ user: user.id, costs: reading.costs, credits: reading.credits, delivered, open: reading.open }).toEqual({
          user: user.id,
          costs: 1,
          credits: before - PRICES[spread],
          delivered: 1,
          open: 0,
        });
      } else {
        expect({ user: user.id, status: reading.status, costs: reading.costs, credits: reading.credits, open: reading.open }).toEqual({
          user: user.id,
          status: 'error',
          costs: 0,
          credits: before,
          open: 0,
        });
      }
    }
  }, 60_000);

  it('leaves a clean ledger, as the restarted process and the recovering one report it', async () => {
    expect(await integrityProblems(environment.sql)).toEqual([]);
    expect(await auditThroughApi(restarted.baseUrl, CHILD_ADMIN_TOKEN)).toMatchObject({ ok: true, mismatches: [] });
    expect(await auditThroughApi(await sut!.listen(), ADMIN_TOKEN)).toMatchObject({ ok: true, mismatches: [] });
  });

  it('handles the update that was half-handled at the crash when Telegram delivers it again', async () => {
    // Telegram delivers again whatever was not answered 200, with growing pauses; a minute is plenty.
    const hook = `${restarted.baseUrl}${CHILD_WEBHOOK_PATH}`;
    const mark = standIn.mark();
    const statuses: number[] = [];
    const deadline = Date.now() + 35_000;
    while (Date.now() < deadline) {
      statuses.push((await standIn.deliverTo(hook, holderUpdate, CHILD_WEBHOOK_SECRET)).status ?? 0);
      if (statuses.at(-1) === 200) break;
      await sleep(1000);
    }
    await sleep(500);
    const replies = repliesTo(HOLDER, mark).filter((t) => t.startsWith('You have'));
    expect({ statuses, last: statuses.at(-1), replies: replies.length }).toEqual({ statuses, last: 200, replies: 1 });
  }, 60_000);
});
