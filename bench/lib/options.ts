/** The benchmark's command line. */

export interface Options {
  concurrency: number;
  durationS: number;
  warmupS: number;
  flows: FlowName[];
  ceilingDurationS: number;
  profile: boolean;
  /** Mean pause of each chat between iterations in the paced passes (ms); 0 skips them. */
  thinkMs: number;
  keepDb: boolean;
  /** Node flags for the app, split at spaces: the deployed heap limit unless --node-args says otherwise. */
  nodeArgs: string[];
  /** The compiled main.js to run (the build `npm run bench` makes, as deployed); undefined with --source. */
  entry: string | undefined;
  adminDatabaseUrl: string;
  redisUrl: string;
  redisDb: number;
  database: string;
}

/** The heap limit the Docker image (NODE_OPTIONS) and `npm run start:prod` give the app. */
export const DEPLOYED_NODE_ARGS = '--max-old-space-size=320';

/** What `nest build` makes and the Docker image runs. */
export const DEFAULT_ENTRY = 'dist/src/main.js';

export type FlowName = 'start' | 'balance' | 'reading';
export const FLOW_NAMES: FlowName[] = ['start', 'balance', 'reading'];

export function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    return argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  };
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max} (got ${raw})`);
    return n;
  };
  const flows = (value('flows') ?? FLOW_NAMES.join(',')).split(',').map((f) => f.trim()) as FlowName[];
  const unknown = flows.filter((f) => !FLOW_NAMES.includes(f));
  if (unknown.length) throw new Error(`--flows: unknown ${unknown.join(', ')} (known: ${FLOW_NAMES.join(', ')})`);
  return {
    concurrency: Math.round(number('concurrency', 64, 1, 1000)),
    durationS: number('duration', 20, 1, 600),
    warmupS: number('warmup', 3, 0, 120),
    flows,
    ceilingDurationS: number('ceiling-duration', 10, 1, 600),
    profile: argv.includes('--profile'),
    thinkMs: Math.round(number('think-ms', 1000, 0, 60_000)),
    nodeArgs: (value('node-args') ?? DEPLOYED_NODE_ARGS).split(' ').filter(Boolean),
    entry: argv.includes('--source') ? undefined : (value('entry') ?? DEFAULT_ENTRY),
    keepDb: argv.includes('--keep-db'),
    adminDatabaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisDb: 15,
    database: process.env.BENCH_DATABASE ?? 'tarot_bench',
  };
}

/** Seconds the whole bench may take: the flows, the ceiling, and five minutes for start, setup and cleanup. */
export function timeBound(options: Options): number {
  const passes = options.flows.length + (options.thinkMs > 0 ? options.flows.filter((f) => f !== 'start').length : 0);
  return (options.durationS + options.warmupS) * passes * 1.5 + options.ceilingDurationS + 300;
}
