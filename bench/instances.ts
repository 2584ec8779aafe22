/*
 * One app instance against two, behind the same PostgreSQL and Redis.
 *
 *   npm run bench:instances -- [--concurrency 64] [--duration 20] [--warmup 3] [--flows balance,reading] [--pgbouncer] [--order-run 12] [--order-gap-ms 5]
 *
 * The same flows as `npm run bench`, closed loop, first with one instance taking every webhook
 * request, then with a second instance started beside it and the requests sent to each in turn
 * (as a load balancer would: one user's updates land on both). Then every /balance of 200 is
 * delivered to both instances at once, as a redelivery racing the first delivery: the update
 * gate's claim in Redis must let exactly one of them answer. Last, every user sends a numbered
 * run of commands (/help, /balance, /terms, /privacy in turn) the way Telegram delivers one chat's
 * updates: each posted once the webhook has answered the one before (and --order-gap-ms after it),
 * the chats all at once, to each instance in turn. The answers the stand-in records for each chat
 * must come in the order sent, once with one instance and once with two. See bench/README.md, "Several
 * instances". With --pgbouncer the instances reach PostgreSQL through a PgBouncer in transaction
 * mode with deploy/pgbouncer.ini's settings (20 server connections; the migrations go direct).
 */
import { DEFAULT_BOT_API_SPEC } from 'src/bot-api-stand-in/bot-api-spec';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppProcess } from './lib/app-process';
import { appEnv } from './lib/app-env';
import { Bench, type FlowReport } from './lib/bench';
import { Cleanup, log, RESULTS, ROOT, runBench, say, stamp } from './lib/log';
import { DEFAULT_ENTRY, parseOptions, type Options } from './lib/options';
import { freePort } from './lib/services';
import { setUpServices } from './lib/setup';
import { PgBouncerProcess } from '../test/support/pgbouncer-process';

const RACED_UPDATES = 200;
/** Commands whose answers differ, so that a chat's answers tell which update each answers. */
const ORDER_COMMANDS = ['/help', '/balance', '/terms', '/privacy'];
/** The part of an answer that tells the commands apart (a balance's figures come later). */
const signature = (text: string | undefined) => (text ?? '').slice(0, 24);

interface OrderCheck {
  instances: number;
  users: number;
  perUser: number;
  gapMs: number;
  /** Chats whose answers came in the order sent, one for each update. */
  inOrder: number;
  /** Chats with every answer, but not in the order sent. */
  outOfOrder: number;
  /** Chats with answers missing, extra or unknown (busy notices: the queue bound was reached). */
  incomplete: number;
  /** Answers, over every chat, that are not the answer to the update sent in their place. */
  misplaced: number;
  /** One chat of each kind that went wrong: the commands sent and the answers' commands. */
  examples: { chat: number; sent: string[]; answered: string[] }[];
}

interface Pass {
  instances: number;
  flow: FlowReport;
}

async function spawnInstance(options: Options, env: (port: number) => Record<string, string>, cleanup: Cleanup, label: string): Promise<AppProcess> {
  const port = await freePort();
  const app = AppProcess.spawn({
    projectRoot: ROOT,
    env: env(port),
    controlPort: await freePort(),
    port,
    log,
    entry: resolve(options.entry!),
    extraNodeArgs: options.nodeArgs,
    maxLifetimeS: 3600,
  });
  cleanup.add(`stop ${label}`, () => app.stop());
  process.once('exit', () => app.kill());
  const ms = await app.waitForLive(120_000);
  app.startMemoryPolling();
  say(`${label} live on :${port} in ${ms} ms (pid ${app.pid})`);
  return app;
}

async function measureFlows(bench: Bench, options: Options, instances: number, readers: Awaited<ReturnType<Bench['registeredUsers']>>, users: typeof readers): Promise<Pass[]> {
  const passes: Pass[] = [];
  if (options.flows.includes('balance')) passes.push({ instances, flow: await bench.measure(`balance ×${instances}`, (w) => bench.balanceIteration(users[w])) });
  if (options.flows.includes('reading')) passes.push({ instances, flow: await bench.measure(`reading ×${instances}`, (w) => bench.readingIteration(readers[w])) });
  return passes;
}

/** Each of `count` /balance updates posted to every instance at once: how many answers the users got. */
async function race(bench: Bench, users: Awaited<ReturnType<Bench['registeredUsers']>>, count: number): Promise<{ updates: number; answers: number; statuses: Record<string, number> }> {
  const before = bench.standIn.callsByMethod().sendMessage ?? 0;
  const statuses: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const user = users[i % users.length];
    for (const status of await bench.deliverToEvery(bench.updates.message(user, '/balance'))) statuses[status] = (statuses[status] ?? 0) + 1;
  }
  await bench.quiet();
  await new Promise((done) => setTimeout(done, 1000));
  return { updates: count, answers: (bench.standIn.callsByMethod().sendMessage ?? 0) - before, statuses };
}

/** What each of ORDER_COMMANDS answers (the start of its text), learnt from one user asking each in turn. */
async function learnAnswers(bench: Bench, user: Awaited<ReturnType<Bench['registeredUsers']>>[number]): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  for (const command of ORDER_COMMANDS) {
    const answer = bench.standIn.waitForCall(user.id, (call) => call.method === 'sendMessage', 30_000);
    await bench.deliver(bench.updates.message(user, command));
    known.set(signature((await answer).text), command);
  }
  if (known.size !== ORDER_COMMANDS.length) throw new Error(`the order check needs ${ORDER_COMMANDS.join(', ')} to answer differently (got ${[...known.keys()].join(' | ')})`);
  return known;
}

/**
 * Each user's `perUser` commands posted one after the other (each once the one before is answered,
 * then `gapMs` later), round the instances: whether each chat's answers (sendMessage, as the stand-in received them) come in the
 * order sent. `known`: the command each answer's start tells (learnAnswers).
 */
async function checkOrder(bench: Bench, instances: number, known: Map<string, string>, users: Awaited<ReturnType<Bench['registeredUsers']>>, perUser: number, gapMs: number): Promise<OrderCheck> {
  const sent = Array.from({ length: perUser }, (_, i) => ORDER_COMMANDS[i % ORDER_COMMANDS.length]);
  const recording = bench.standIn.record(users.map((user) => user.id));
  await Promise.all(
    users.map(async (user) => {
      // As Telegram delivers a chat's updates: the next one once the webhook has answered the one before.
      for (const command of sent) {
        await bench.deliver(bench.updates.message(user, command));
        await new Promise((done) => setTimeout(done, gapMs));
      }
    }),
  );
  await bench.quiet();
  await new Promise((done) => setTimeout(done, 1000));
  recording.stop();
  const check: OrderCheck = { instances, users: users.length, perUser, gapMs, inOrder: 0, outOfOrder: 0, incomplete: 0, misplaced: 0, examples: [] };
  const kinds = new Set<string>();
  for (const [chat, calls] of recording.calls) {
    const answered = calls
      .filter((call) => call.method === 'sendMessage')
      .sort((a, b) => a.at - b.at)
      .map((call) => known.get(signature(call.text)) ?? `? ${signature(call.text)}`);
    const kind = answered.join() === sent.join() ? 'inOrder' : [...answered].sort().join() === [...sent].sort().join() ? 'outOfOrder' : 'incomplete';
    check[kind]++;
    check.misplaced += sent.filter((command, i) => answered[i] !== command).length;
    if (kind !== 'inOrder' && !kinds.has(kind)) {
      kinds.add(kind);
      check.examples.push({ chat, sent, answered });
    }
  }
  return check;
}

function table(passes: Pass[]): string {
  const lines = ['flow            instances  updates/s  answer p50/p99 ms   app CPU ms/update  server CPU ms/update  SQL/update  errors  others busy'];
  for (const { instances, flow } of passes) {
    const perUpdate = (ms: number) => (flow.updates ? (ms * flow.iterations) / flow.updates : 0);
    const app = perUpdate(flow.cpu.msPerFlow.app);
    const server = perUpdate(flow.cpu.msPerFlow.app + flow.cpu.msPerFlow.postgres + flow.cpu.msPerFlow.redis);
    lines.push(
      [
        flow.name.split(' ')[0].padEnd(15),
        String(instances).padStart(9),
        flow.updatesPerSecond.toFixed(1).padStart(10),
        `${flow.latency.p50}/${flow.latency.p99}`.padStart(19),
        app.toFixed(2).padStart(18),
        server.toFixed(2).padStart(21),
        flow.sql.perUpdate.toFixed(2).padStart(11),
        String(flow.errors.total).padStart(7),
        String(flow.cpu.coresBusy.others).padStart(12),
      ].join(' '),
    );
  }
  return lines.join('\n');
}

async function run(options: Options, cleanup: Cleanup, throughPgBouncer: boolean, orderRun: number, orderGapMs: number): Promise<void> {
  if (!existsSync(join(ROOT, options.entry!))) throw new Error(`${options.entry} is missing: run \`npx nest build\` (npm run bench:instances does)`);
  const database = `${process.env.BENCH_DATABASE_PREFIX ?? 'tarot_bench_'}instances`;
  const opts: Options = { ...options, database };
  say(`bench:instances: ${opts.flows.join(', ')} at ${opts.concurrency} chats, ${opts.durationS} s each (+${opts.warmupS} s warm-up), one instance then two${throughPgBouncer ? ', through PgBouncer' : ''}`);
  const { dbUrl, redisUrl, standIn, catalogPath } = await setUpServices(opts, cleanup);
  let servedUrl = dbUrl;
  if (throughPgBouncer) {
    const bouncer = await PgBouncerProcess.start(dbUrl, 20);
    cleanup.add('stop PgBouncer', () => bouncer.stop());
    servedUrl = bouncer.urlFor(dbUrl);
    say(`PgBouncer (transaction mode, 20 server connections) on :${bouncer.port}`);
  }
  const env = (port: number) => ({
    ...appEnv({ standInUrl: standIn.url, databaseUrl: servedUrl, redisUrl, port, catalogPath, specPath: DEFAULT_BOT_API_SPEC }),
    ...(throughPgBouncer ? { MIGRATION_DATABASE_URL: dbUrl } : {}),
    // A user's whole numbered run may wait its turn (the bound on the queue has its own specs).
    USER_QUEUE_LIMIT: String(orderRun),
  });

  const first = await spawnInstance(opts, env, cleanup, 'instance 1');
  const bench = new Bench(opts, first, standIn);
  cleanup.add('close the driver connections', () => bench.close());
  const c = opts.concurrency;
  const users = await bench.registeredUsers(0, c);
  const readers = await bench.registeredUsers(c, c);
  await bench.grantCredits(readers, 1_000_000);
  await Promise.all(users.map((user) => bench.balanceIteration(user)));

  const passes = await measureFlows(bench, opts, 1, readers, users);
  const known = await learnAnswers(bench, users[0]);
  const orders = [await checkOrder(bench, 1, known, users, orderRun, orderGapMs)];
  bench.addInstance(await spawnInstance(opts, env, cleanup, 'instance 2'));
  passes.push(...(await measureFlows(bench, opts, 2, readers, users)));
  const raced = await race(bench, users, RACED_UPDATES);
  orders.push(await checkOrder(bench, 2, known, users, orderRun, orderGapMs));

  const text = [
    table(passes),
    '(CPU per update: the app instances together, and with their PostgreSQL backends and Redis; "others busy" = cores used by everything else on the machine)',
    '',
    `the same /balance posted to both instances at once, ${raced.updates} times: ${raced.answers} answers (webhook statuses ${JSON.stringify(raced.statuses)})`,
    ...orders.flatMap((order) => [
      `${order.users} users × ${order.perUser} commands each, each posted ${order.gapMs} ms after the answer to the one before, ${order.instances === 1 ? 'one instance' : 'to the 2 instances in turn'}: ` +
        `${order.inOrder === order.users ? 'IN ORDER' : 'NOT IN ORDER'} — ${order.inOrder} chats answered in the order sent, ${order.outOfOrder} out of order ` +
        `(${order.misplaced} of ${order.users * order.perUser} answers out of place), ${order.incomplete} with answers missing or extra`,
      ...order.examples.map((e) => `  e.g. chat ${e.chat}: sent ${e.sent.join(' ')}; answered ${e.answered.join(' ')}`),
    ]),
  ].join('\n');
  process.stdout.write(`\n${text}\n`);
  const file = join(RESULTS, `${stamp(new Date().toISOString())}-instances${throughPgBouncer ? '-pgbouncer' : ''}.json`);
  writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, options: opts, throughPgBouncer, passes, raced, orders, text }, null, 1));
  say(`results: ${file}`);
  if (raced.answers !== raced.updates) throw new Error(`the update gate let ${raced.answers} answers through for ${raced.updates} updates`);
  for (const order of orders) {
    if (order.inOrder !== order.users) throw new Error(`${order.users - order.inOrder} of ${order.users} chats (${order.instances} instance(s)) were not answered in the order their updates were sent`);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const parsed = parseOptions(argv);
  const given = (name: string) => argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const options: Options = { ...parsed, entry: parsed.entry ?? DEFAULT_ENTRY, flows: given('flows') ? parsed.flows : ['balance', 'reading'] };
  const number = (name: string, fallback: number, min: number, max: number) => {
    const i = argv.indexOf(`--${name}`);
    const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max} (got ${raw})`);
    return n;
  };
  const orderRun = number('order-run', 12, 2, 1000);
  const orderGapMs = number('order-gap-ms', 5, 0, 10_000);
  await runBench('bench:instances', (cleanup) => run(options, cleanup, argv.includes('--pgbouncer'), orderRun, orderGapMs));
}

void main();
