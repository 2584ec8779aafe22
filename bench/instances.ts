/*
 * One app instance against two, behind the same PostgreSQL and Redis.
 *
 *   npm run bench:instances -- [--concurrency 64] [--duration 20] [--warmup 3] [--flows balance,reading] [--pgbouncer]
 *
 * The same flows as `npm run bench`, closed loop, first with one instance taking every webhook
 * request, then with a second instance started beside it and the requests sent to each in turn
 * (as a load balancer would: one user's updates land on both). Then every /balance of 200 is
 * delivered to both instances at once, as a redelivery racing the first delivery: the update
 * gate's claim in Redis must let exactly one of them answer. See bench/README.md, "Several
 * instances". With --pgbouncer the instances reach PostgreSQL through a PgBouncer in transaction
 * mode with deploy/pgbouncer.ini's settings (20 server connections; the migrations go direct).
 */
import { DEFAULT_BOT_API_SPEC } from 'src/bot-api-stand-in/bot-api-spec';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppProcess } from './lib/app-process';
import { appEnv, benchCatalog } from './lib/app-env';
import { Bench, type FlowReport } from './lib/bench';
import { Cleanup, log, RESULTS, ROOT, runBench, say, stamp } from './lib/log';
import { DEFAULT_ENTRY, parseOptions, type Options } from './lib/options';
import { databaseUrl, dropDatabase, flushRedisDb, freePort, recreateDatabase } from './lib/services';
import { StandInClient } from './lib/stand-in-client';
import { PgBouncerProcess } from '../test/support/pgbouncer-process';

const RACED_UPDATES = 200;

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

async function run(options: Options, cleanup: Cleanup, throughPgBouncer: boolean): Promise<void> {
  if (!existsSync(join(ROOT, options.entry!))) throw new Error(`${options.entry} is missing: run \`npx nest build\` (npm run bench:instances does)`);
  const database = `${process.env.BENCH_DATABASE_PREFIX ?? 'tarot_bench_'}instances`;
  const opts: Options = { ...options, database };
  const dbUrl = databaseUrl(opts.adminDatabaseUrl, database);
  const redisUrl = `${opts.redisUrl.replace(/\/\d*$/, '')}/${opts.redisDb}`;
  say(`bench:instances: ${opts.flows.join(', ')} at ${opts.concurrency} chats, ${opts.durationS} s each (+${opts.warmupS} s warm-up), one instance then two${throughPgBouncer ? ', through PgBouncer' : ''}`);
  await recreateDatabase(opts.adminDatabaseUrl, database);
  if (!opts.keepDb) cleanup.add(`drop ${database}`, () => dropDatabase(opts.adminDatabaseUrl, database));
  await flushRedisDb(opts.redisUrl, opts.redisDb);
  cleanup.add('flush the bench Redis database', () => flushRedisDb(opts.redisUrl, opts.redisDb));
  const standIn = await StandInClient.start(ROOT, DEFAULT_BOT_API_SPEC, log);
  cleanup.add('stop the stand-in', () => standIn.stop());
  process.once('exit', () => standIn.kill());
  const catalogPath = benchCatalog(cleanup);
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
  bench.addInstance(await spawnInstance(opts, env, cleanup, 'instance 2'));
  passes.push(...(await measureFlows(bench, opts, 2, readers, users)));
  const raced = await race(bench, users, RACED_UPDATES);

  const text = [
    table(passes),
    '(CPU per update: the app instances together, and with their PostgreSQL backends and Redis; "others busy" = cores used by everything else on the machine)',
    '',
    `the same /balance posted to both instances at once, ${raced.updates} times: ${raced.answers} answers (webhook statuses ${JSON.stringify(raced.statuses)})`,
  ].join('\n');
  process.stdout.write(`\n${text}\n`);
  const file = join(RESULTS, `${stamp(new Date().toISOString())}-instances${throughPgBouncer ? '-pgbouncer' : ''}.json`);
  writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, options: opts, throughPgBouncer, passes, raced, text }, null, 1));
  say(`results: ${file}`);
  if (raced.answers !== raced.updates) throw new Error(`the update gate let ${raced.answers} answers through for ${raced.updates} updates`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const parsed = parseOptions(argv);
  const given = (name: string) => argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const options: Options = { ...parsed, entry: parsed.entry ?? DEFAULT_ENTRY, flows: given('flows') ? parsed.flows : ['balance', 'reading'] };
  await runBench('bench:instances', (cleanup) => run(options, cleanup, argv.includes('--pgbouncer')));
}

void main();
