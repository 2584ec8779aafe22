import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { BotApiStandIn } from 'src/telegram/stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { eventually } from '../support/eventually';
import { auditThroughApi, integrityProblems, percentile } from '../support/fault-checks';
import { FaultEnvironment, describeFault, prepareFaultEnvironment } from '../support/fault-environment';
import { Player } from '../support/reading-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp, WEBHOOK_SECRET } from '../support/test-app';

const FLOOD = 1000;
/**
 * Telegram opens at most `max_connections` (40 unless set otherwise) to a webhook at a time: the
 * burst arrives 40 at once, each next one as soon as one is answered. (A thousand sockets opened
 * at once by this very process would measure the test's own event loop more than the app.)
 */
const TELEGRAM_CONNECTIONS = Number(process.env.FAULTS_FLOOD_CONNECTIONS ?? 40);
/** The default catalogue's limit. */
const MESSAGES_PER_MINUTE = 30;
const BASELINE_SAMPLES = 5;
const MAX_SAMPLES_DURING = 20; // with the baseline, under the others' own limit of 30 a minute
/** A generous bound: the point is that the flood does not queue the others behind it. */
const P95_BOUND_MS = 2000;

const FLOODER: Player = { id: 120_001, first_name: 'Flood', language_code: 'en' };
const OTHERS: Player[] = Array.from({ length: 5 }, (_, i) => ({ id: 120_101 + i, first_name: `Calm${i + 1}`, language_code: 'en' }));

/**
 * One user sends a thousand messages at once. The bot must count them all against that user's
 * limit and answer only the allowed ones (plus one "slow down"), and everyone else must still
 * get answers at their usual pace.
 */
describeFault('flood: one user sends 1,000 messages at once', () => {
  let environment: FaultEnvironment;
  let standIn: BotApiStandIn;
  let sut: TestApp;
  let baseUrl: string;
  let hook: string;

  beforeAll(async () => {
    environment = await prepareFaultEnvironment('flood');
    standIn = await startStandIn();
    sut = await startTestApp(environment, standIn, { BOT_MODE: 'webhook', WEBHOOK_URL: 'https://faults.example.test/hook', WEBHOOK_SECRET });
    baseUrl = await sut.listen();
    hook = `${baseUrl}/telegram/webhook`;
    standIn.redirectWebhook(hook);
    for (const user of [FLOODER, ...OTHERS]) await say(standIn, user, '/start');
  }, 60_000);

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
    await environment?.dispose();
  });

  /** A user's /balance, timed from sending it to the bot's answer. */
  async function timedBalance(user: Player): Promise<number> {
    const started = performance.now();
    const reply = await say(standIn, user, '/balance');
    expect(reply).toMatch(/^You have <b>5 credits<\/b>/);
    return performance.now() - started;
  }

  function floodUpdate(i: number): Record<string, unknown> {
    return {
      update_id: standIn.nextUpdateId(),
      message: {
        message_id: 10_000 + i,
        date: Math.floor(Date.now() / 1000),
        chat: { id: FLOODER.id, type: 'private', first_name: FLOODER.first_name },
        from: { id: FLOODER.id, is_bot: false, first_name: FLOODER.first_name, language_code: 'en' },
        text: i % 2 ? '/balance' : 'hello?',
        ...(i % 2 ? { entities: [{ type: 'bot_command', offset: 0, length: 8 }] } : {}),
      },
    };
  }

  it('limits the flooding user and keeps answering everyone else', async () => {
    const before: number[] = [];
    await Promise.all(OTHERS.map(async (user) => {
      for (let i = 0; i < BASELINE_SAMPLES; i++) before.push(await timedBalance(user));
    }));

    const mark = standIn.mark();
    const updates = Array.from({ length: FLOOD }, (_, i) => floodUpdate(i));
    let floodOver = false;
    const floodStarted = performance.now();
    const reports: { status?: number }[] = [];
    const queue = [...updates];
    const connection = async () => {
      for (let update = queue.shift(); update; update = queue.shift()) reports.push(await standIn.deliverTo(hook, update, WEBHOOK_SECRET));
    };
    const flood = Promise.all(Array.from({ length: TELEGRAM_CONNECTIONS }, connection)).finally(() => (floodOver = true));
    const during: number[] = [];
    await Promise.all(OTHERS.map(async (user) => {
      await sleep(20);
      for (let i = 0; i < MAX_SAMPLES_DURING && !floodOver; i++) during.push(await timedBalance(user));
    }));
    await flood;
    const floodMs = performance.now() - floodStarted;

    const { rows: windows } = await environment.sql.query(
      `SELECT r.window_start, r.request_count FROM rate_limits r JOIN users u ON u.id = r.user_id
       WHERE u.telegram_id = $1 AND r.endpoint = 'message:1m' ORDER BY r.window_start`,
      [FLOODER.id],
    );
    const allowed = windows.reduce((n, w) => n + Math.min(w.request_count, MESSAGES_PER_MINUTE) + (w.request_count > MESSAGES_PER_MINUTE ? 1 : 0), 0);
    await eventually(async () => expect(standIn.calls('sendMessage').filter((c) => c.index >= mark && Number(c.params.chat_id) === FLOODER.id).length).toBe(allowed));
    await sleep(200);
    const replies = standIn.calls('sendMessage').filter((c) => c.index >= mark && Number(c.params.chat_id) === FLOODER.id);

    const stats = (xs: number[]) => `p50 ${Math.round(percentile(xs, 50))} ms, p95 ${Math.round(percentile(xs, 95))} ms, max ${Math.round(Math.max(...xs))} ms (${xs.length} samples)`;
    process.stdout.write(
      `flood: ${FLOOD} messages over ${TELEGRAM_CONNECTIONS} connections handled in ${Math.round(floodMs)} ms (${Math.round((FLOOD / floodMs) * 1000)} a second), ` +
        `over ${windows.length} minute window(s); ${replies.length} replies to the flooder (at most ${MESSAGES_PER_MINUTE + 1} a minute)\n` +
        `flood: other users' /balance before the flood: ${stats(before)}\n` +
        `flood: other users' /balance during the flood: ${stats(during)}\n`,
    );

    expect(reports.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([]);
    // Every message was counted once (none lost, none twice), whichever minute it fell in.
    expect(windows.reduce((n, w) => n + w.request_count, 0)).toBe(FLOOD);
    expect(replies).toHaveLength(allowed);
    expect(replies.length).toBeLessThanOrEqual(windows.length * (MESSAGES_PER_MINUTE + 1));
    expect(replies.filter((c) => String(c.params.text).includes('going a little fast'))).toHaveLength(
      windows.filter((w) => w.request_count > MESSAGES_PER_MINUTE).length,
    );
    expect(during.length).toBeGreaterThan(0);
    expect(percentile(during, 95)).toBeLessThan(P95_BOUND_MS);
  }, 120_000);

  it('stays healthy, with a clean ledger', async () => {
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
    expect(await integrityProblems(environment.sql)).toEqual([]);
    expect(await auditThroughApi(baseUrl, ADMIN_TOKEN)).toMatchObject({ ok: true, users: 1 + OTHERS.length });
  });
});
