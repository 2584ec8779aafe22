/*
 * Load benchmark of the bot in webhook mode against real PostgreSQL and Redis.
 *
 *   npm run bench -- [--concurrency 64] [--duration 20] [--warmup 3] [--flows start,balance,reading] [--think-ms 1000]
 *                    [--ceiling-duration 10] [--profile] [--keep-db] [--entry dist/src/main.js | --source]
 *   npm run bench -- --print [bench/results/latest.json]     (the table of a saved report)
 *
 * See bench/README.md for what is measured and how to read the figures.
 */
import { DEFAULT_BOT_API_SPEC } from 'src/bot-api-stand-in/bot-api-spec';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppProcess, type CapturedStatement } from './lib/app-process';
import { appEnv, benchCatalog } from './lib/app-env';
import { Bench } from './lib/bench';
import { moveIdSequences, runCeiling, type ReplayUser } from './lib/ceiling';
import { CpuMeter, redisPort } from './lib/cpu';
import { Cleanup, log, RESULTS, ROOT, runBench, say, stamp } from './lib/log';
import { DEFAULT_ENTRY, DEPLOYED_NODE_ARGS, parseOptions, timeBound, type Options } from './lib/options';
import { codeVersion, table, targets, type Report } from './lib/report';
import { databaseUrl, dropDatabase, flushRedisDb, freePort, recreateDatabase } from './lib/services';
import { StandInClient } from './lib/stand-in-client';

async function main(): Promise<void> {
  const printIndex = process.argv.indexOf('--print');
  if (printIndex > 0) {
    // Prints the table of a saved report (e.g. bench/results/latest.json) without running anything.
    const file = process.argv[printIndex + 1] ?? join(RESULTS, 'latest.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Report;
    process.stdout.write(`${table({ ...saved, targets: targets(saved) })}\n`);
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  await runBench('bench', (cleanup) => run(options, cleanup), timeBound(options));
}

async function run(options: Options, cleanup: Cleanup): Promise<void> {
  if (existsSync(join(ROOT, '.env'))) say('note: a .env file exists; the bench sets every variable the app reads, so it should not matter');
  const specPath = DEFAULT_BOT_API_SPEC;
  const dbUrl = databaseUrl(options.adminDatabaseUrl, options.database);
  const redisUrl = `${options.redisUrl.replace(/\/\d*$/, '')}/${options.redisDb}`;

  say(`bench: ${options.flows.join(', ')} at ${options.concurrency} chats, ${options.durationS} s each (+${options.warmupS} s warm-up)`);
  await recreateDatabase(options.adminDatabaseUrl, options.database);
  if (!options.keepDb) cleanup.add('drop the bench database', () => dropDatabase(options.adminDatabaseUrl, options.database));
  await flushRedisDb(options.redisUrl, options.redisDb);
  cleanup.add('flush the bench Redis database', () => flushRedisDb(options.redisUrl, options.redisDb));

  const standIn = await StandInClient.start(ROOT, specPath, log);
  cleanup.add('stop the stand-in', async () => {
    await standIn.stop();
  });
  process.once('exit', () => standIn.kill());
  say(`stand-in on ${standIn.url} (pid ${standIn.pid}; ${standIn.checksConformance ? 'checking calls against the spec' : 'no spec found'})`);

  const catalogPath = benchCatalog(cleanup);
  const port = await freePort();
  const controlPort = await freePort();
  const env = appEnv({ standInUrl: standIn.url, databaseUrl: dbUrl, redisUrl, port, catalogPath, specPath });
  const app = AppProcess.spawn({
    projectRoot: ROOT,
    env,
    controlPort,
    port,
    log,
    entry: options.entry ? resolve(options.entry) : undefined,
    extraNodeArgs: options.nodeArgs,
    maxLifetimeS: timeBound(options) + 60,
  });
  cleanup.add('stop the app', () => app.stop());
  process.once('exit', () => app.kill());
  const startupMs = await app.waitForLive(120_000);
  app.startMemoryPolling();
  say(`app live on :${port} in ${startupMs} ms (pid ${app.pid})`);

  const bench = new Bench(options, app, standIn);
  cleanup.add('close the driver connections', () => bench.close());
  const report: Report = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    code: codeVersion(),
    machine: {
      cpus: (await import('node:os')).availableParallelism(),
      note: 'the driver, the app, the stand-in, PostgreSQL and Redis share these CPUs',
    },
    options: {
      concurrency: options.concurrency,
      durationS: options.durationS,
      warmupS: options.warmupS,
      flows: options.flows,
      ceilingDurationS: options.ceilingDurationS,
      profile: options.profile,
      thinkMs: options.thinkMs,
      nodeArgs: options.nodeArgs,
      keepDb: options.keepDb,
      entry: options.entry,
      redisDb: options.redisDb,
      database: options.database,
    },
    app: { startupMs, rssAfterStartMb: app.rssMb(), peakRssMb: null, standInChecksSpec: standIn.checksConformance },
    flows: [],
    targets: [],
  };

  const c = options.concurrency;
  const statements: Record<string, CapturedStatement[]> = {};
  if (options.flows.includes('start')) {
    report.flows.push(await bench.measure('start', () => bench.startIteration()));
    statements.start = await bench.captureStatements('start', () => bench.startIteration());
  }
  if (options.flows.includes('balance')) {
    const users = await bench.registeredUsers(0, c);
    say(`  balance: one unmeasured /balance for each of ${users.length} users`);
    await Promise.all(users.map((user) => bench.balanceIteration(user)));
    report.flows.push(await bench.measure('balance', (w) => bench.balanceIteration(users[w])));
    if (options.thinkMs) report.flows.push(await bench.measure('balance paced', (w) => bench.balanceIteration(users[w]), options.thinkMs));
    statements.balance = await bench.captureStatements('balance', () => bench.balanceIteration(users[0]));
  }
  let captured: CapturedStatement[] | undefined;
  let replayUsers: ReplayUser[] = [];
  if (options.flows.includes('reading')) {
    const readers = await bench.registeredUsers(c, c);
    replayUsers = await bench.grantCredits(readers, 1_000_000);
    report.flows.push(await bench.measure('reading', (w) => bench.readingIteration(readers[w])));
    // Two updates per reading: the same pace of about one update per think time as /balance.
    if (options.thinkMs) report.flows.push(await bench.measure('reading paced', (w) => bench.readingIteration(readers[w]), 2 * options.thinkMs));
    // One more reading, alone, by a new user whose ids are in distinct ranges, with its statements captured.
    await moveIdSequences(dbUrl);
    const started = await bench.startIteration();
    if (started.errors.length) throw new Error(`the capture user's /start failed: ${JSON.stringify(started.errors)}`);
    const captureUser = bench.users.at(-1)!;
    await bench.grantCredits([captureUser], 1000);
    await bench.readingIteration(captureUser); // so that the captured one starts as in the flow: right after a reading
    captured = await bench.captureStatements('reading', () => bench.readingIteration(captureUser));
    statements.reading = captured;
  }
  report.app.peakRssMb = app.highWaterMb();
  await bench.saveMetrics(join(RESULTS, 'metrics.txt'));
  await app.stop();

  if (captured) {
    say(`ceiling: replaying the ${captured.length} statements of one reading with pg, ${c} at once, for ${options.ceilingDurationS} s`);
    const ceiling = await runCeiling(dbUrl, captured, replayUsers, {
      concurrency: c,
      poolSize: 10,
      durationMs: options.ceilingDurationS * 1000,
      cpu: new CpuMeter({ app: 0, standIn: 0 }, options.adminDatabaseUrl, options.database, redisPort(options.redisUrl)),
    });
    const readingFlow = report.flows.find((f) => f.name === 'reading');
    const appRate = readingFlow?.iterationsPerSecond ?? null;
    report.ceiling = {
      ...ceiling,
      readingsPerSecondOfApp: appRate,
      ratio: appRate !== null && ceiling.readingsPerSecond > 0 ? Math.round((appRate / ceiling.readingsPerSecond) * 1000) / 1000 : null,
    };
  }
  report.statements = Object.fromEntries(
    Object.entries(statements).map(([name, list]) => [name, list.map((s) => s.text.replace(/\s+/g, ' ').slice(0, 160))]),
  );
  if (options.profile) report.profiles = bench.profiles;
  report.targets = targets(report);

  const printed = table(report);
  const json = JSON.stringify(report, null, 2);
  // Profiled runs (slower) and runs of another build are for comparison: latest.json stays the plain run's.
  const build = options.entry === undefined ? '-source' : options.entry === DEFAULT_ENTRY ? '' : '-entry';
  const variant = `${options.profile ? '-profile' : ''}${build}${options.nodeArgs.join(' ') === DEPLOYED_NODE_ARGS ? '' : '-node-args'}`;
  const file = join(RESULTS, `${stamp(report.measuredAt)}${variant}.json`);
  writeFileSync(file, json);
  if (!variant) writeFileSync(join(RESULTS, 'latest.json'), json);
  say('');
  say(printed);
  for (const [name, profile] of Object.entries(report.profiles ?? {})) {
    say('');
    say(`CPU profile of the app during the ${name} flow: ${profile.file}`);
    say(profile.text);
  }
  say('');
  say(`results: ${file}${variant ? ' (latest.json left as it was: it holds the last plain run)' : ' and bench/results/latest.json'}`);
}

void main();
