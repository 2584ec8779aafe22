/*
 * The bot on a full database against the same bot on an empty one, in one run.
 *
 *   npm run bench:scale -- [--users 1000000] [--concurrency 16] [--duration 20] [--warmup 3] [--think-ms 1000] [--keep-db]
 *
 * Fills a fresh database in SQL with the volume of `--users` users (10 transactions, 3 readings, 1
 * finished session each, rate-limit windows as the cleanup leaves them), runs the start, balance
 * and reading flows against an empty database and against the full one, and prints p99, CPU and
 * SQL statements per flow side by side; then times, on the full one, what reads the whole data.
 * See bench/README.md, "Data volume".
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_BOT_API_SPEC } from 'src/bot-api-stand-in/bot-api-spec';
import { appEnv, benchCatalog } from './lib/app-env';
import { AppProcess } from './lib/app-process';
import { ADMIN_TOKEN, Bench, type FlowReport } from './lib/bench';
import { HttpClient } from './lib/http';
import { Cleanup, log, RESULTS, ROOT, runBench, say, stamp } from './lib/log';
import { DEFAULT_ENTRY, parseOptions, type Options } from './lib/options';
import { codeVersion } from './lib/report';
import { fillDatabase, type FillReport } from './lib/scale-fill';
import { redisMemory, updatesHandled, type RedisMemory } from './lib/redis-memory';
import { runProbes, type Probe } from './lib/scale-probes';
import { databaseUrl, dropDatabase, flushRedisDb, freePort, recreateDatabase } from './lib/services';
import { StandInClient } from './lib/stand-in-client';

interface ScaleOptions {
  users: number;
  bench: Options;
  prefix: string;
}

interface Side {
  label: 'empty' | 'full';
  flows: FlowReport[];
  /** Statements of one iteration of each flow, run alone. */
  statements: Record<string, number>;
  startupMs: number;
  /** Redis after the app started and after the flows: memory per update and per user. */
  redis: { before: RedisMemory; after: RedisMemory; updates: number; users: number };
}

function parseScaleOptions(argv: string[]): ScaleOptions {
  const bench = parseOptions(argv);
  const given = (name: string) => argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const raw = argv.includes('--users') ? argv[argv.indexOf('--users') + 1] : argv.find((a) => a.startsWith('--users='))?.split('=')[1];
  const users = given('users') ? Number(raw) : 1_000_000;
  if (!Number.isInteger(users) || users < 1000 || users > 10_000_000) throw new Error(`--users must be a whole number from 1000 to 10000000 (got ${raw})`);
  return {
    users,
    // Not TEST_DATABASE_PREFIX: the test suites drop every database that starts with theirs.
    prefix: process.env.BENCH_DATABASE_PREFIX ?? 'tarot_bench_',
    bench: {
      ...bench,
      concurrency: given('concurrency') ? bench.concurrency : 16,
      durationS: given('duration') ? bench.durationS : 20,
      entry: bench.entry ?? DEFAULT_ENTRY,
    },
  };
}

const FLOW_PASSES = ['start paced', 'balance paced', 'reading paced'] as const;

async function runSide(label: Side['label'], database: string, scale: ScaleOptions, standIn: StandInClient, cleanup: Cleanup, catalogPath: string, fill?: FillReport): Promise<{ side: Side; probes: Probe[] }> {
  const options: Options = { ...scale.bench, database };
  const dbUrl = databaseUrl(options.adminDatabaseUrl, database);
  const redisUrl = `${options.redisUrl.replace(/\/\d*$/, '')}/${options.redisDb}`;
  await flushRedisDb(options.redisUrl, options.redisDb);
  const port = await freePort();
  const app = AppProcess.spawn({
    projectRoot: ROOT,
    env: appEnv({ standInUrl: standIn.url, databaseUrl: dbUrl, redisUrl, port, catalogPath, specPath: DEFAULT_BOT_API_SPEC }),
    controlPort: await freePort(),
    port,
    log,
    entry: resolve(options.entry!),
    extraNodeArgs: options.nodeArgs,
    maxLifetimeS: 3 * 3600,
  });
  const stop = () => app.stop();
  cleanup.add(`stop the app (${label})`, stop);
  process.once('exit', () => app.kill());
  const startupMs = await app.waitForLive(300_000);
  app.startMemoryPolling();
  say(`${label} database: app live in ${startupMs} ms`);
  const bench = new Bench(options, app, standIn);
  const redisBefore = await redisMemory(redisUrl, options.redisDb);
  const c = options.concurrency;
  const flows: FlowReport[] = [];
  const statements: Record<string, number> = {};
  flows.push(await bench.measure('start paced', () => bench.startIteration(), options.thinkMs));
  statements.start = (await bench.captureStatements('start', () => bench.startIteration())).length;
  const users = await bench.registeredUsers(0, c);
  await Promise.all(users.map((user) => bench.balanceIteration(user)));
  flows.push(await bench.measure('balance paced', (w) => bench.balanceIteration(users[w]), options.thinkMs));
  statements.balance = (await bench.captureStatements('balance', () => bench.balanceIteration(users[0]))).length;
  const readers = await bench.registeredUsers(c, c);
  await bench.grantCredits(readers, 1_000_000);
  flows.push(await bench.measure('reading paced', (w) => bench.readingIteration(readers[w]), 2 * options.thinkMs));
  statements.reading = (await bench.captureStatements('reading', () => bench.readingIteration(readers[0]))).length;
  const http = new HttpClient(1);
  const metrics = await http.send('GET', `${app.baseUrl}/metrics`, undefined, { authorization: `Bearer ${ADMIN_TOKEN}` });
  http.close();
  const redis = { before: redisBefore, after: await redisMemory(redisUrl, options.redisDb), updates: updatesHandled(metrics.body), users: bench.users.length };
  say(`${label}: ` + flows.map((f) => `${f.name} p99 ${f.latency.p99} ms, server CPU ${serverCpu(f).toFixed(1)} ms`).join('; ') + `; SQL alone ${JSON.stringify(statements)}`);
  const probes = fill ? await runProbes(bench, standIn, dbUrl, fill) : [];
  bench.close();
  await app.stop().catch(() => undefined);
  return { side: { label, flows, statements, startupMs, redis }, probes };
}

function fmt(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '-' : value.toFixed(digits);
}

function serverCpu(flow: FlowReport): number {
  const ms = flow.cpu.msPerFlow;
  return ms.app + ms.postgres + ms.redis;
}

export function scaleTable(users: number, fill: FillReport, empty: Side, full: Side, probes: Probe[]): string {
  const lines: string[] = [];
  const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
  lines.push(`full database: ${users.toLocaleString('en')} users; ` + Object.entries(fill.rows).map(([t, n]) => `${t} ${n.toLocaleString('en')} (${mb(fill.bytes[t] ?? 0)})`).join(', '));
  lines.push(`filled in ${Object.values(fill.seconds).reduce((a, b) => a + b, 0).toFixed(0)} s (${Object.entries(fill.seconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')})`);
  lines.push('');
  lines.push('flow            p99 answer ms empty/full  ratio   server CPU ms/flow empty/full  ratio   SQL/flow alone empty/full  errors  others busy');
  for (const name of FLOW_PASSES) {
    const e = empty.flows.find((f) => f.name === name)!;
    const f = full.flows.find((x) => x.name === name)!;
    const key = name.split(' ')[0];
    const ratio = (a: number | null, b: number | null) => (a && b ? (b / a).toFixed(2) : '-');
    lines.push(
      [
        name.padEnd(15),
        `${fmt(e.latency.p99)} / ${fmt(f.latency.p99)}`.padStart(26),
        ratio(e.latency.p99, f.latency.p99).padStart(6),
        `${fmt(serverCpu(e))} / ${fmt(serverCpu(f))}`.padStart(30),
        ratio(serverCpu(e), serverCpu(f)).padStart(6),
        `${empty.statements[key]} / ${full.statements[key]}`.padStart(26),
        `${e.errors.total}/${f.errors.total}`.padStart(7),
        `${e.cpu.coresBusy.others}/${f.cpu.coresBusy.others}`.padStart(12),
      ].join(' '),
    );
  }
  lines.push('(server CPU = the app + its PostgreSQL backends + Redis; "others busy" = cores used by everything else on the machine)');
  lines.push('');
  for (const side of [empty, full]) {
    const { before, after, updates, users: chats } = side.redis;
    const grown = after.usedBytes - before.usedBytes;
    const prefixes = Object.entries(after.byPrefix)
      .sort((a, b) => b[1].keys - a[1].keys)
      .map(([p, v]) => `${p} ${v.keys} (${v.sampleBytes ?? '?'} B, TTL ${v.ttlSeconds ?? 'none'} s)`)
      .join(', ');
    lines.push(
      `Redis (${side.label}): +${(grown / 1048576).toFixed(1)} MB over ${updates} updates from ${chats} users: ` +
        `${Math.round(grown / Math.max(1, updates))} B per update, ${Math.round(grown / Math.max(1, chats))} B per user; ${after.keys} keys: ${prefixes}`,
    );
  }
  lines.push('');
  lines.push('at volume (full database)                                         ms  note');
  for (const probe of probes) lines.push(`${probe.name.padEnd(62)} ${fmt(probe.ms).padStart(9)}  ${probe.note}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const scale = parseScaleOptions(process.argv.slice(2));
  await runBench('bench:scale', (cleanup) => run(scale, cleanup));
}

async function run(scale: ScaleOptions, cleanup: Cleanup): Promise<void> {
  const { bench: options, users } = scale;
  if (!existsSync(join(ROOT, options.entry!))) throw new Error(`${options.entry} is missing: run \`npx nest build\` (npm run bench:scale does)`);
  const emptyDb = `${scale.prefix}scale_empty`;
  const fullDb = `${scale.prefix}scale_full`;
  say(`bench:scale: ${users.toLocaleString('en')} users; flows at ${options.concurrency} chats, ${options.durationS} s each (+${options.warmupS} s warm-up)`);
  for (const db of [emptyDb, fullDb]) {
    await recreateDatabase(options.adminDatabaseUrl, db);
    if (!options.keepDb) cleanup.add(`drop ${db}`, () => dropDatabase(options.adminDatabaseUrl, db));
  }
  cleanup.add('flush the bench Redis database', () => flushRedisDb(options.redisUrl, options.redisDb));
  const standIn = await StandInClient.start(ROOT, DEFAULT_BOT_API_SPEC, log);
  cleanup.add('stop the stand-in', async () => {
    await standIn.stop();
  });
  process.once('exit', () => standIn.kill());
  const catalogPath = benchCatalog(cleanup);

  // The schema first (the app migrates at start), then the volume.
  const migratorPort = await freePort();
  const migrator = AppProcess.spawn({
    projectRoot: ROOT,
    env: appEnv({
      standInUrl: standIn.url,
      databaseUrl: databaseUrl(options.adminDatabaseUrl, fullDb),
      redisUrl: `${options.redisUrl.replace(/\/\d*$/, '')}/${options.redisDb}`,
      port: migratorPort,
      catalogPath,
      specPath: DEFAULT_BOT_API_SPEC,
    }),
    controlPort: await freePort(),
    port: migratorPort,
    log,
    entry: resolve(options.entry!),
    maxLifetimeS: 600,
  });
  await migrator.waitForLive(120_000).catch(async (error: Error) => {
    await migrator.stop();
    throw error;
  });
  await migrator.stop();
  say(`filling ${fullDb} for ${users.toLocaleString('en')} users`);
  const fill = await fillDatabase(databaseUrl(options.adminDatabaseUrl, fullDb), users, say);

  const empty = await runSide('empty', emptyDb, scale, standIn, cleanup, catalogPath);
  const full = await runSide('full', fullDb, scale, standIn, cleanup, catalogPath, fill);
  const printed = scaleTable(users, fill, empty.side, full.side, full.probes);
  const measuredAt = new Date().toISOString();
  const report = { measuredAt, code: codeVersion(), node: process.version, users, options: { ...options, adminDatabaseUrl: undefined }, fill, empty: empty.side, full: full.side, probes: full.probes };
  const file = join(RESULTS, `${stamp(measuredAt)}-scale-${users}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  say('');
  say(printed);
  say('');
  say(`results: ${file}`);
}

void main();
