/** The three flows, one iteration each, and the measuring of a flow at N chats. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppCounters, AppProcess, CapturedStatement } from './app-process';
import type { ReplayUser } from './ceiling';
import { CpuMeter, redisPort, type CpuSample, type CpuUsage } from './cpu';
import { runWorkers, summarize, type FlowSummary, type IterationOutcome } from './flow-runner';
import { HttpClient, now } from './http';
import type { StandInCall } from './ipc';
import { RESULTS, ROOT, say, stamp } from './log';
import type { Options } from './options';
import { summarizeProfile, type ProfileSummary } from './profile-summary';
import { redisKeyCount } from './services';
import type { StandInClient } from './stand-in-client';
import { UpdateFactory, type BenchUser } from './updates';

export const BOT_TOKEN = '123456789:BENCH-token-xxxxxxxxxxxxxxxxxxxxxx';
export const BOT = { id: 123456789, first_name: 'Tarot Bot (stand-in)' };
export const WEBHOOK_SECRET = 'bench_secret';
export const ADMIN_TOKEN = 'bench-admin-token-123456';
/** How long the driver waits for the bot's answer to one update before calling it missing. */
const DELIVERY_TIMEOUT_MS = 15_000;
/** First Telegram user id of the bench users. */
const FIRST_USER_ID = 700_000_001;
const STAND_IN_BATCH = 2000;

// What the bot says (English catalogue, src/common/i18n/messages.en.ts), to tell its answers apart.
const TEXT = {
  welcome: 'Welcome, ', // start.new / start.returning
  balance: 'Buy more with /buy.', // balance.howToBuy
  askQuestion: 'What would you like to ask the cards?', // read.askQuestion
  shuffling: 'Shuffling the deck', // read.shuffling
  paid: 'credits spent', // read.paid: the reading's last message
};
/** Texts that end a reading without it (read.failed, read.insufficientAtCharge, guard.rateLimited, read.notEnough). */
const READING_FAILURES = ['could not finish this reading', 'no longer covers this reading', 'going a little fast', 'Top up to continue'];

export interface FlowReport extends FlowSummary {
  name: string;
  concurrency: number;
  /** Mean pause of each chat between iterations (ms); 0 for the closed loop. */
  thinkMs: number;
  errors: { total: number; byKind: Record<string, number>; samples: string[] };
  sql: { statements: number; perIteration: number; perUpdate: number };
  /** Redis commands the app sent (per flow: average per iteration, by command). */
  redis: { commands: number; perIteration: number; byCommand: Record<string, number>; keysAfter: number };
  /** Bot API calls the bot made per iteration, by method. */
  botApiCallsPerIteration: Record<string, number>;
  /** Webhook requests the driver sent again because the keep-alive socket had been closed while idle (not errors). */
  staleSocketRetries: number;
  cpu: CpuUsage;
  /** How late the app's event loop ran timers during the window (ms): long synchronous work shows here. */
  eventLoopDelayMs: { p50: number; p99: number; max: number; mean: number };
  peakRssMb: number | null;
  /** The app's memory right after the measured window, and once its work is done and garbage collected (retained). */
  memoryAfter: Awaited<ReturnType<AppProcess['memory']>>;
  memoryRetained: Awaited<ReturnType<AppProcess['memory']>>;
}

export class Bench {
  readonly updates = new UpdateFactory(BOT);
  private readonly webhookClient: HttpClient;
  private readonly adminClient = new HttpClient(8);
  private registeredUpTo = FIRST_USER_ID - 1;
  private nextUserId = FIRST_USER_ID;
  /** Each reading presses the spread button on a menu of its own: a second press of one button within 3 s is a double tap, ignored. */
  private nextMenuId = 1;
  private registration: Promise<void> = Promise.resolve();
  /** Users who sent /start, in order. */
  readonly users: BenchUser[] = [];

  private readonly cpu: CpuMeter;
  /** The app instances behind the same PostgreSQL and Redis; webhook requests go to each in turn, as a load balancer's would. */
  private readonly instances: AppProcess[];
  private nextInstance = 0;
  readonly startedAt = new Date().toISOString();
  /** CPU profiles of the app per flow (--profile). */
  readonly profiles: Record<string, ProfileSummary & { file: string }> = {};

  constructor(
    readonly options: Options,
    readonly app: AppProcess,
    readonly standIn: StandInClient,
  ) {
    this.webhookClient = new HttpClient(options.concurrency * 2);
    this.cpu = new CpuMeter({ app: app.pid, standIn: standIn.pid ?? 0 }, options.adminDatabaseUrl, options.database, redisPort(options.redisUrl));
    this.instances = [app];
  }

  /** Another instance of the app: from now on it takes every other webhook request, and its CPU and statements count with the first's. */
  addInstance(app: AppProcess): void {
    this.instances.push(app);
    this.cpu.addApp(app.pid);
  }

  /** Posts one update to every instance at once, as a redelivery racing the first delivery would: the webhook statuses. */
  async deliverToEvery(update: Record<string, unknown>): Promise<number[]> {
    return Promise.all(
      this.instances.map(async (instance) => {
        const res = await this.webhookClient.send('POST', `${instance.baseUrl}/telegram/webhook`, update, { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET }, DELIVERY_TIMEOUT_MS);
        return res.status;
      }),
    );
  }

  /** Posts one update to the next instance in turn, as a load balancer would. */
  deliver(update: Record<string, unknown>): ReturnType<HttpClient['send']> {
    const instance = this.instances[this.nextInstance++ % this.instances.length];
    return this.webhookClient.send('POST', `${instance.baseUrl}/telegram/webhook`, update, { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET }, DELIVERY_TIMEOUT_MS);
  }

  /** The statement and command counters of every instance, added up. */
  private async counters(): Promise<AppCounters> {
    const all = await Promise.all(this.instances.map((instance) => instance.counters()));
    const redisByCommand: Record<string, number> = {};
    for (const c of all) for (const [command, n] of Object.entries(c.redisByCommand)) redisByCommand[command] = (redisByCommand[command] ?? 0) + n;
    return { ...all[0], statements: all.reduce((s, c) => s + c.statements, 0), redisCommands: all.reduce((s, c) => s + c.redisCommands, 0), redisByCommand };
  }

  close(): void {
    this.webhookClient.close();
    this.adminClient.close();
  }

  // -- users --

  /** A new user, with a chat in the stand-in (opened in batches, ahead of need). */
  async newUser(): Promise<BenchUser> {
    const id = this.nextUserId++;
    if (id > this.registeredUpTo) {
      const from = this.registeredUpTo + 1;
      const to = Math.max(id, this.registeredUpTo + STAND_IN_BATCH);
      this.registeredUpTo = to;
      const users = Array.from({ length: to - from + 1 }, (_, i) => ({ id: from + i, first_name: `Bench${from + i}` }));
      const previous = this.registration;
      this.registration = previous.then(() => this.standIn.command({ type: 'registerUsers', users }));
    }
    // Every user waits until the batch holding them is registered (the latest batch covers the earlier ones).
    await this.registration;
    return { id, first_name: `Bench${id}` };
  }

  /** Users who have sent /start: the first `count` after `skip`, registering more (unmeasured) if needed. */
  async registeredUsers(skip: number, count: number): Promise<BenchUser[]> {
    const missing = skip + count - this.users.length;
    if (missing > 0) {
      const queue = Array.from({ length: missing }, (_, i) => i);
      const errors: string[] = [];
      await Promise.all(
        Array.from({ length: Math.min(this.options.concurrency, missing) }, async () => {
          while (queue.shift() !== undefined) {
            const outcome = await this.startIteration();
            if (outcome.errors.length) errors.push(...outcome.errors.map((e) => `${e.kind}: ${e.detail}`));
          }
        }),
      );
      if (errors.length) throw new Error(`could not register the bench users: ${errors.slice(0, 3).join('; ')}`);
    }
    return this.users.slice(skip, skip + count);
  }

  /** Grants credits through the REST API (so the ledger stays consistent); answers the users' database ids. */
  async grantCredits(users: BenchUser[], amount: number): Promise<ReplayUser[]> {
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const granted: ReplayUser[] = [];
    for (const user of users) {
      const found = await this.adminClient.send('GET', `${this.app.baseUrl}/api/v1/users/by-telegram-id/${user.id}`, undefined, auth);
      if (found.status !== 200) throw new Error(`GET user ${user.id}: ${found.status} ${found.body}`);
      const { id } = JSON.parse(found.body) as { id: number };
      const res = await this.adminClient.send(
        'POST',
        `${this.app.baseUrl}/api/v1/users/${id}/credits/grant`,
        { amount, reason: 'benchmark' },
        { ...auth, 'idempotency-key': `bench-grant-${user.id}` },
      );
      if (res.status !== 200) throw new Error(`grant to user ${id}: ${res.status} ${res.body}`);
      granted.push({ id, telegramId: String(user.id) });
    }
    return granted;
  }

  // -- one update --

  /**
   * Posts an update to the webhook and waits for the bot's answer to that chat (the first call
   * that `answer.matches`), returning when it was sent. An answer that is not `answer.expected` is an error.
   */
  private async exchange(
    step: string,
    user: BenchUser,
    update: Record<string, unknown>,
    answer: { matches: (call: StandInCall) => boolean; expected: (call: StandInCall) => boolean } | null,
    outcome: IterationOutcome,
  ): Promise<{ startedAt: number; call?: StandInCall; ok: boolean }> {
    const waiting = answer ? this.standIn.waitForCall(user.id, answer.matches, DELIVERY_TIMEOUT_MS) : undefined;
    waiting?.catch(() => undefined);
    const startedAt = now();
    try {
      const res = await this.deliver(update);
      outcome.webhook.push({ step, ms: res.endedAt - res.startedAt });
      if (res.status !== 200) outcome.errors.push({ kind: 'webhook_status', detail: `${step}: ${res.status} ${res.body.slice(0, 200)}` });
    } catch (error) {
      outcome.errors.push({ kind: 'webhook_failed', detail: `${step}: ${(error as Error).message}` });
      return { startedAt, ok: false };
    }
    if (!waiting) return { startedAt, ok: outcome.errors.length === 0 };
    try {
      const call = await waiting;
      if (!answer!.expected(call)) {
        outcome.errors.push({ kind: 'unexpected_reply', detail: `${step}: ${call.method} "${(call.text ?? '').slice(0, 120)}"` });
        return { startedAt, call, ok: false };
      }
      return { startedAt, call, ok: outcome.errors.length === 0 };
    } catch (error) {
      outcome.errors.push({ kind: 'missing_delivery', detail: `${step}: ${(error as Error).message}` });
      return { startedAt, ok: false };
    }
  }

  private static message(contains: string) {
    return {
      matches: (call: StandInCall) => call.method === 'sendMessage',
      expected: (call: StandInCall) => (call.text ?? '').includes(contains),
    };
  }

  // -- the flows' iterations --

  /** (a) A new user's /start, until the bot's welcome. */
  async startIteration(): Promise<IterationOutcome> {
    const outcome: IterationOutcome = { webhook: [], errors: [] };
    const user = await this.newUser();
    const sent = await this.exchange('start', user, this.updates.message(user, '/start'), Bench.message(TEXT.welcome), outcome);
    if (sent.ok) {
      this.users.push(user);
      outcome.latencyMs = sent.call!.at - sent.startedAt;
    }
    return outcome;
  }

  /** (b) /balance of a registered user, until the bot's answer. */
  async balanceIteration(user: BenchUser): Promise<IterationOutcome> {
    const outcome: IterationOutcome = { webhook: [], errors: [] };
    const sent = await this.exchange('balance', user, this.updates.message(user, '/balance'), Bench.message(TEXT.balance), outcome);
    if (sent.ok) outcome.latencyMs = sent.call!.at - sent.startedAt;
    return outcome;
  }

  /** (c) A single-card reading: the spread button, /skip, until the reading's last message ("… credits spent"). */
  async readingIteration(user: BenchUser): Promise<IterationOutcome> {
    const outcome: IterationOutcome = { webhook: [], errors: [] };
    const queryId = UpdateFactory.queryId();
    // The stand-in answers answerCallbackQuery only for queries it knows of.
    await this.standIn.command({ type: 'registerCallback', queryId });
    const chosen = await this.exchange(
      'callback',
      user,
      this.updates.callback(user, queryId, 'v1:spread:single', this.nextMenuId++),
      Bench.message(TEXT.askQuestion),
      outcome,
    );
    if (!chosen.ok) return outcome;
    // The reading's last message is awaited from before /skip is posted: it may come at any time after.
    const final = this.standIn.waitForCall(
      user.id,
      (call) => call.method === 'sendMessage' && [TEXT.paid, ...READING_FAILURES].some((t) => (call.text ?? '').includes(t)),
      DELIVERY_TIMEOUT_MS * 2,
    );
    final.catch(() => undefined);
    const skipped = await this.exchange('skip', user, this.updates.message(user, '/skip'), Bench.message(TEXT.shuffling), outcome);
    if (!skipped.ok) return outcome;
    try {
      const call = await final;
      if (!(call.text ?? '').includes(TEXT.paid)) {
        outcome.errors.push({ kind: 'unexpected_reply', detail: `reading: "${(call.text ?? '').slice(0, 120)}"` });
        return outcome;
      }
      outcome.latencyMs = call.at - chosen.startedAt;
      outcome.phases = [{ name: 'skip→delivered', ms: call.at - skipped.startedAt }];
    } catch (error) {
      outcome.errors.push({ kind: 'missing_delivery', detail: `reading: ${(error as Error).message}` });
    }
    return outcome;
  }

  /**
   * One update of any kind, timed until the bot's next sendMessage to the chat containing `expect`
   * (bench:scale's /past pages): the latency in ms, or the errors.
   */
  async answerTime(user: BenchUser, update: Record<string, unknown>, expect: string): Promise<{ ms?: number; errors: string[] }> {
    const outcome: IterationOutcome = { webhook: [], errors: [] };
    const sent = await this.exchange('probe', user, update, Bench.message(expect), outcome);
    return { ms: sent.ok ? sent.call!.at - sent.startedAt : undefined, errors: outcome.errors.map((e) => `${e.kind}: ${e.detail}`) };
  }

  // -- measuring --

  /** Runs a flow: an unmeasured warm-up, then the measured run with its SQL count, errors and memory. */
  async measure(name: string, iteration: (worker: number) => Promise<IterationOutcome>, thinkMs = 0): Promise<FlowReport> {
    const { concurrency, durationS, warmupS } = this.options;
    await this.quiet();
    this.standIn.takeFailures();
    const profileFile = join(RESULTS, `${stamp(this.startedAt)}-${name}.cpuprofile`);
    const at: { counters?: AppCounters; calls?: Record<string, number>; retries?: number; cpu?: CpuSample }[] = [{}, {}];
    let warmupFailures: StandInCall[] = [];
    let eventLoopDelayMs = { p50: 0, p99: 0, max: 0, mean: 0 };
    let memoryAfter = await this.app.memory();
    const sample = async (i: 0 | 1) => {
      at[i].counters = await this.counters();
      at[i].calls = this.standIn.callsByMethod();
      at[i].retries = this.webhookClient.retriedOnStaleSocket;
      at[i].cpu = await this.cpu.sample();
    };
    const pace = thinkMs ? `, each pausing ${thinkMs / 2}–${(thinkMs * 3) / 2} ms between iterations` : ', no pause';
    say(`  ${name}: ${concurrency} chats${pace}; ${durationS} s measured after a warm-up of at least ${warmupS} s`);
    const window = await runWorkers(
      concurrency,
      {
        warmupMs: warmupS * 1000,
        durationMs: durationS * 1000,
        thinkMs,
        onOpen: async () => {
          warmupFailures = this.standIn.takeFailures();
          await sample(0);
          await this.app.eventLoopDelay();
          if (this.options.profile) await this.app.startProfile();
        },
        onClose: async () => {
          await sample(1);
          eventLoopDelayMs = await this.app.eventLoopDelay();
          memoryAfter = await this.app.memory();
          if (this.options.profile) await this.app.stopProfile(profileFile);
        },
      },
      iteration,
    );
    if (this.options.profile) {
      this.profiles[name] = { file: profileFile, ...summarizeProfile(JSON.parse(readFileSync(profileFile, 'utf8')), ROOT) };
    }
    await this.quiet();
    const memoryRetained = await this.app.memory(true);
    const [before, after] = at as Required<(typeof at)[number]>[];
    const n = window.iterations;
    const perFlow = (count: number) => (n ? Math.round((count / n) * 100) / 100 : 0);
    const deltas = (from: Record<string, number>, to: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(to)
          .map(([key, count]) => [key, perFlow(count - (from[key] ?? 0))] as const)
          .filter(([, count]) => count > 0),
      );
    const asErrors = (calls: StandInCall[], when: string) =>
      calls.map((call) => ({ kind: 'bot_api_failed', detail: `${when}${call.method} to ${call.chat_id ?? '-'}: ${call.error}` }));
    const errors = [
      ...window.errors,
      ...asErrors(this.standIn.takeFailures(), ''),
      ...window.warmupErrors.map((e) => ({ kind: e.kind, detail: `during the warm-up: ${e.detail}` })),
      ...asErrors(warmupFailures, 'during the warm-up: '),
    ];
    const byKind: Record<string, number> = {};
    for (const error of errors) byKind[error.kind] = (byKind[error.kind] ?? 0) + 1;
    const statements = after.counters.statements - before.counters.statements;
    const redisCommands = after.counters.redisCommands - before.counters.redisCommands;
    return {
      name,
      concurrency,
      thinkMs,
      ...summarize(window),
      errors: { total: errors.length, byKind, samples: [...new Set(errors.map((e) => `${e.kind}: ${e.detail}`))].slice(0, 10) },
      sql: { statements, perIteration: perFlow(statements), perUpdate: window.updates ? Math.round((statements / window.updates) * 100) / 100 : 0 },
      redis: {
        commands: redisCommands,
        perIteration: perFlow(redisCommands),
        byCommand: deltas(before.counters.redisByCommand, after.counters.redisByCommand),
        keysAfter: await redisKeyCount(this.options.redisUrl, this.options.redisDb),
      },
      botApiCallsPerIteration: deltas(before.calls, after.calls),
      staleSocketRetries: after.retries - before.retries,
      cpu: this.cpu.usage(before.cpu, after.cpu, n),
      eventLoopDelayMs,
      memoryAfter,
      memoryRetained,
      peakRssMb: this.app.peakRssMb(window.startedAt, window.endedAt),
    };
  }

  /** The app's Prometheus metrics at the end of the run, for reference. */
  async saveMetrics(file: string): Promise<void> {
    const res = await this.adminClient.send('GET', `${this.app.baseUrl}/metrics`, undefined, { authorization: `Bearer ${ADMIN_TOKEN}` });
    writeFileSync(file, res.status === 200 ? res.body : `GET /metrics answered ${res.status}: ${res.body}\n`);
  }

  /**
   * The statements of one more iteration, alone (written to bench/results/statements-<flow>.json).
   * The app's background jobs (session expiry, activity) may write during a capture: the fewest of
   * three captures is the iteration's own.
   */
  async captureStatements(name: string, iteration: () => Promise<IterationOutcome>, attempts = 3): Promise<CapturedStatement[]> {
    let fewest: CapturedStatement[] | undefined;
    for (let i = 0; i < attempts; i++) {
      await this.quiet();
      await this.app.startCapture();
      const outcome = await iteration();
      await this.quiet();
      const captured = await this.app.stopCapture();
      if (outcome.errors.length) throw new Error(`the ${name} captured failed: ${JSON.stringify(outcome.errors)}`);
      if (!fewest || captured.length < fewest.length) fewest = captured;
    }
    writeFileSync(join(RESULTS, `statements-${name}.json`), JSON.stringify(fewest, null, 1));
    return fewest!;
  }

  /** Lets the app finish what it is doing (nothing is awaited by then, but logs and statements may trail). */
  async quiet(): Promise<void> {
    let last = -1;
    for (let i = 0; i < 50; i++) {
      await sleep(100);
      const count = await this.app.statementCount();
      if (count === last) return;
      last = count;
    }
  }
}
