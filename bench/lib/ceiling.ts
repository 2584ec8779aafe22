/**
 * The ceiling: the statements one reading issued, replayed straight through `pg` (no framework, no
 * Telegram, no Redis) at the same concurrency and pool size as the app. Each replayed reading runs
 * the whole sequence, BEGIN/COMMITs included, on one pooled connection.
 *
 * Replaying the very same parameters would make every reading update the same user, reading and
 * session rows (and wait on their row locks), so ids are mapped: the captured user becomes the
 * worker's own user, and an id the database handed out during the capture (RETURNING id) becomes
 * the id it hands out during the replay. The capture is taken with id sequences moved to distinct
 * ranges (see DISTINCT_ID_BASES) so that an id can never be mistaken for a price or a count.
 */
import { Client, Pool, type PoolClient } from 'pg';
import type { CapturedStatement } from './app-process';
import type { CpuMeter, CpuUsage } from './cpu';
import { now } from './http';
import { percentiles, type Percentiles } from './stats';

export interface CeilingResult {
  concurrency: number;
  poolSize: number;
  statementsPerReading: number;
  transactionsPerReading: number;
  readings: number;
  seconds: number;
  readingsPerSecond: number;
  latency: Percentiles;
  errors: number;
  errorSamples: string[];
  /** CPU per replayed reading (the driver replays; `app` and `stand-in` are not running). */
  cpu?: CpuUsage;
}

export interface ReplayUser {
  id: number;
  telegramId: string;
}

/** Where each table's ids start before the captured reading (int4 ids: below 2^31). */
export const DISTINCT_ID_BASES: Record<string, number> = {
  users: 1_100_000_000,
  readings: 1_200_000_000,
  user_sessions: 1_300_000_000,
  transactions: 1_400_000_000,
  rate_limits: 1_500_000_000,
};

/** Moves the id sequences of the bench database to the distinct ranges. */
export async function moveIdSequences(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const [table, base] of Object.entries(DISTINCT_ID_BASES)) {
      await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), $2)`, [table, base]);
    }
  } finally {
    await client.end();
  }
}

type IdMap = Map<string, unknown>;

/** Rebuilds the captured parameters (Dates, Buffers) with captured ids replaced by this replay's. */
function rewrite(value: unknown, ids: IdMap, topLevel: boolean): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'number' || typeof value === 'bigint') return ids.has(String(value)) ? ids.get(String(value)) : value;
  if (typeof value === 'string') {
    if (ids.has(value)) return String(ids.get(value));
    const trimmed = value.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return JSON.stringify(rewrite(JSON.parse(value), ids, false));
      } catch {
        return value;
      }
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => rewrite(v, ids, topLevel));
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$date === 'string') return topLevel ? new Date(record.$date) : record.$date;
    if (typeof record.$buffer === 'string') return Buffer.from(record.$buffer, 'base64');
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, rewrite(v, ids, false)]));
  }
  return value;
}

function isIdColumn(column: string): boolean {
  return column === 'id' || /_id$/i.test(column);
}

/** Learns the ids a statement's result handed out: captured row value → replayed row value, for id columns. */
function learnIds(captured: (unknown[] | null)[] | null, replayed: unknown[], ids: IdMap): void {
  const rows = captured?.[0];
  if (!rows) return;
  rows.forEach((row, i) => {
    const mine = replayed[i] as Record<string, unknown> | undefined;
    if (!row || !mine || typeof row !== 'object') return;
    for (const [column, value] of Object.entries(row as Record<string, unknown>)) {
      if (!isIdColumn(column) || (typeof value !== 'number' && typeof value !== 'string')) continue;
      if (Number(value) < 1_000_000_000) continue; // only the distinct ranges: ids handed out during the capture
      if (!ids.has(String(value)) && mine[column] !== undefined) ids.set(String(value), mine[column]);
    }
  });
}

/** The captured user: the user row the reading's first lookup returned. */
function capturedUser(statements: CapturedStatement[]): ReplayUser {
  for (const statement of statements) {
    const row = statement.rows?.[0]?.[0] as Record<string, unknown> | undefined;
    if (row && row.User_id !== undefined && row.User_telegram_id !== undefined) {
      return { id: Number(row.User_id), telegramId: String(row.User_telegram_id) };
    }
  }
  throw new Error('the captured statements hold no user lookup: cannot tell which user to map');
}

export async function runCeiling(
  url: string,
  captured: CapturedStatement[],
  users: ReplayUser[],
  options: { concurrency: number; poolSize: number; durationMs: number; cpu?: CpuMeter },
): Promise<CeilingResult> {
  const source = capturedUser(captured);
  const pool = new Pool({ connectionString: url, max: options.poolSize, options: '-c TimeZone=UTC' });
  const latencies: number[] = [];
  const errorSamples = new Set<string>();
  let errors = 0;
  let readings = 0;

  const replayOne = async (user: ReplayUser): Promise<void> => {
    const ids: IdMap = new Map<string, unknown>([
      [String(source.id), user.id],
      [source.telegramId, user.telegramId],
    ]);
    const started = now();
    const client: PoolClient = await pool.connect();
    let inTransaction = false;
    try {
      for (const statement of captured) {
        const text = statement.text.trim().toUpperCase();
        const values = rewrite(statement.values, ids, true) as unknown[];
        const result = await client.query(statement.text, values.length ? values : undefined);
        if (text.startsWith('START TRANSACTION') || text.startsWith('BEGIN')) inTransaction = true;
        if (text.startsWith('COMMIT') || text.startsWith('ROLLBACK')) inTransaction = false;
        learnIds(statement.rows, result.rows ?? [], ids);
      }
      readings++;
      latencies.push(now() - started);
    } catch (error) {
      errors++;
      if (errorSamples.size < 5) errorSamples.add((error as Error).message);
      if (inTransaction) await client.query('ROLLBACK').catch(() => undefined);
    } finally {
      client.release();
    }
  };

  try {
    // One pass to warm the connections, unmeasured.
    await Promise.all(users.slice(0, options.poolSize).map((user) => replayOne(user)));
    readings = 0;
    latencies.length = 0;
    const cpuBefore = await options.cpu?.sample();
    const startedAt = now();
    const deadline = startedAt + options.durationMs;
    await Promise.all(
      Array.from({ length: options.concurrency }, async (_, worker) => {
        const user = users[worker % users.length];
        while (now() < deadline) await replayOne(user);
      }),
    );
    const seconds = (now() - startedAt) / 1000;
    const cpu = cpuBefore ? options.cpu!.usage(cpuBefore, await options.cpu!.sample(), readings) : undefined;
    return {
      concurrency: options.concurrency,
      poolSize: options.poolSize,
      statementsPerReading: captured.length,
      transactionsPerReading: captured.filter((s) => /^\s*(START TRANSACTION|BEGIN)/i.test(s.text)).length,
      readings,
      seconds: Math.round(seconds * 100) / 100,
      readingsPerSecond: Math.round((readings / seconds) * 10) / 10,
      latency: percentiles(latencies),
      errors,
      errorSamples: [...errorSamples],
      cpu,
    };
  } finally {
    await pool.end();
  }
}
