/*
 * Redis memory under constant load: does it level off?
 *
 *   npm run bench:redis -- [--window 60] [--rate 100] [--every 5] [--stable 6] [--tolerance 2] [--max-duration 600] [--concurrency 8]
 *
 * One app instance (webhook mode, as deployed) with DEDUP_WINDOW_SECONDS=--window, so that the
 * update gate's sets of handled updates (one per 24th of the window, each expiring a window
 * after its bucket ends) turn over within minutes rather than a day. `--concurrency` chats send
 * /balance without end, `--rate` a second in all (a steady load, below what the app can do, so
 * that a window always holds as many updates); every `--every` seconds the
 * bench prints Redis's used_memory (INFO memory) and its keys, until used_memory and the key
 * count of the last `--stable` samples lie within `--tolerance` % of each other, once the first
 * sets have had time to expire (a window and a bucket) — or until `--max-duration`. Exits
 * non-zero when memory did not level off. See bench/README.md, "Redis memory under constant load".
 */
import { createClient } from '@redis/client';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_BOT_API_SPEC } from 'src/bot-api-stand-in/bot-api-spec';
import { appEnv } from './lib/app-env';
import { AppProcess } from './lib/app-process';
import { Bench } from './lib/bench';
import { Cleanup, log, RESULTS, ROOT, runBench, say, stamp } from './lib/log';
import { DEFAULT_ENTRY, parseOptions, type Options } from './lib/options';
import { redisMemory } from './lib/redis-memory';
import { freePort } from './lib/services';
import { setUpServices } from './lib/setup';

interface RedisOptions {
  bench: Options;
  windowS: number;
  everyS: number;
  stable: number;
  tolerancePct: number;
  maxDurationS: number;
  /** Updates a second, all chats together. */
  rate: number;
}

interface Sample {
  atS: number;
  usedBytes: number;
  keys: number;
  /** The update gate's sets of handled updates, and the digests in them. */
  handledSets: number;
  handledDigests: number;
  /** Answers the chats got since the start. */
  answers: number;
}

function parseRedisOptions(argv: string[]): RedisOptions {
  const given = (name: string) => argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const value = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]);
  const number = (name: string, fallback: number, min: number, max: number) => {
    if (!given(name)) return fallback;
    const n = Number(value(name));
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max} (got ${value(name)})`);
    return n;
  };
  const bench = parseOptions(argv);
  return {
    bench: {
      ...bench,
      concurrency: given('concurrency') ? bench.concurrency : 8,
      entry: bench.entry ?? DEFAULT_ENTRY,
    },
    // DEDUP_WINDOW_SECONDS takes 60 at least.
    windowS: number('window', 60, 60, 3600),
    everyS: number('every', 5, 1, 600),
    stable: Math.round(number('stable', 6, 2, 100)),
    tolerancePct: number('tolerance', 2, 0.1, 100),
    maxDurationS: number('max-duration', 600, 10, 7200),
    rate: number('rate', 100, 1, 10_000),
  };
}

/** How far apart the largest and smallest values are, as a percentage of the largest. */
const spreadPct = (values: number[]) => (Math.max(...values) > 0 ? ((Math.max(...values) - Math.min(...values)) / Math.max(...values)) * 100 : 0);

async function sample(redisUrl: string, db: number, startedAt: number, answers: number): Promise<Sample> {
  const memory = await redisMemory(redisUrl, db);
  const client = createClient({ url: redisUrl });
  await client.connect();
  let handledDigests = 0;
  try {
    for await (const batch of client.scanIterator({ MATCH: 'updates-done:*', COUNT: 1000 })) {
      for (const key of Array.isArray(batch) ? batch : [batch]) handledDigests += await client.sCard(String(key));
    }
  } finally {
    await client.quit().catch(() => undefined);
  }
  return {
    atS: Math.round((Date.now() - startedAt) / 1000),
    usedBytes: memory.usedBytes,
    keys: memory.keys,
    handledSets: memory.byPrefix['updates-done']?.keys ?? 0,
    handledDigests,
    answers,
  };
}

const row = (s: Sample, previous?: Sample) =>
  [
    String(s.atS).padStart(6),
    (s.usedBytes / 1024).toFixed(0).padStart(16),
    String(s.keys).padStart(6),
    String(s.handledSets).padStart(13),
    String(s.handledDigests).padStart(16),
    (previous ? (s.answers - previous.answers) / Math.max(1, s.atS - previous.atS) : 0).toFixed(0).padStart(10),
  ].join(' ');
const HEADER = '     s  used_memory KiB   keys  handled sets  handled digests  answers/s';

async function run(options: RedisOptions, cleanup: Cleanup): Promise<void> {
  const opts = { ...options.bench, database: `${process.env.BENCH_DATABASE_PREFIX ?? 'tarot_bench_'}redis` };
  if (!existsSync(join(ROOT, opts.entry!))) throw new Error(`${opts.entry} is missing: run \`npx nest build\` (npm run bench:redis does)`);
  const bucketS = options.windowS / 24;
  say(`bench:redis: /balance from ${opts.concurrency} chats, ${options.rate} a second in all, DEDUP_WINDOW_SECONDS=${options.windowS} (buckets of ${bucketS.toFixed(1)} s), a sample every ${options.everyS} s`);
  const { dbUrl, redisUrl, standIn, catalogPath } = await setUpServices(opts, cleanup);
  const port = await freePort();
  const app = AppProcess.spawn({
    projectRoot: ROOT,
    env: {
      ...appEnv({ standInUrl: standIn.url, databaseUrl: dbUrl, redisUrl, port, catalogPath, specPath: DEFAULT_BOT_API_SPEC }),
      DEDUP_WINDOW_SECONDS: String(options.windowS),
    },
    controlPort: await freePort(),
    port,
    log,
    entry: resolve(opts.entry!),
    extraNodeArgs: opts.nodeArgs,
    maxLifetimeS: options.maxDurationS + 600,
  });
  cleanup.add('stop the app', () => app.stop());
  process.once('exit', () => app.kill());
  say(`app live in ${await app.waitForLive(120_000)} ms`);
  const bench = new Bench(opts, app, standIn);
  cleanup.add('close the driver connections', () => bench.close());
  const users = await bench.registeredUsers(0, opts.concurrency);

  let answers = 0;
  let errors = 0;
  let running = true;
  // Each chat starts an update every `interval` ms, on a fixed schedule (at once when behind it).
  const interval = (1000 * opts.concurrency) / options.rate;
  const loadStartedAt = Date.now();
  const load = users.map(async (user, w) => {
    for (let k = 0; running; k++) {
      const due = loadStartedAt + (w / opts.concurrency + k) * interval;
      if (due > Date.now()) await new Promise((done) => setTimeout(done, due - Date.now()));
      const outcome = await bench.balanceIteration(user);
      if (outcome.errors.length) errors++;
      else answers++;
    }
  });

  const startedAt = Date.now();
  // The first sets expire a window after the end of their bucket: no verdict before.
  const earliestVerdictS = options.windowS + bucketS + options.stable * options.everyS;
  const samples: Sample[] = [];
  process.stdout.write(`\n${HEADER}\n`);
  let levelled = false;
  while ((Date.now() - startedAt) / 1000 < options.maxDurationS) {
    await new Promise((done) => setTimeout(done, options.everyS * 1000));
    const s = await sample(redisUrl, opts.redisDb, startedAt, answers);
    process.stdout.write(`${row(s, samples.at(-1))}\n`);
    samples.push(s);
    const last = samples.slice(-options.stable);
    if (s.atS >= earliestVerdictS && last.length === options.stable) {
      if (spreadPct(last.map((x) => x.usedBytes)) < options.tolerancePct && spreadPct(last.map((x) => x.handledDigests)) < 2 * options.tolerancePct) {
        levelled = true;
        break;
      }
    }
  }
  running = false;
  await Promise.all(load);

  const last = samples.slice(-options.stable);
  const first = last[0];
  const end = last.at(-1)!;
  const rate = (end.answers - first.answers) / Math.max(1, end.atS - first.atS);
  const verdict = levelled
    ? `LEVELS OFF: over the last ${options.stable} samples (${end.atS - first.atS} s) used_memory spread ${spreadPct(last.map((x) => x.usedBytes)).toFixed(2)} % (< ${options.tolerancePct} %), ` +
      `handled digests ${first.handledDigests}→${end.handledDigests} (a window holds about ${Math.round(rate * options.windowS)} at ${rate.toFixed(0)} answers/s), ${end.keys} keys`
    : `DOES NOT LEVEL OFF within ${options.maxDurationS} s: used_memory spread ${spreadPct(last.map((x) => x.usedBytes)).toFixed(2)} % over the last ${options.stable} samples`;
  const text = `${verdict}\n${answers} answers, ${errors} errors, ${end.atS} s under load`;
  process.stdout.write(`\n${text}\n`);
  const file = join(RESULTS, `${stamp(new Date().toISOString())}-redis.json`);
  writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, options, samples, levelled, text }, null, 1));
  say(`results: ${file}`);
  if (!levelled) throw new Error('Redis memory did not level off');
}

void (async () => {
  const options = parseRedisOptions(process.argv.slice(2));
  await runBench('bench:redis', (cleanup) => run(options, cleanup), options.maxDurationS + 600);
})();
