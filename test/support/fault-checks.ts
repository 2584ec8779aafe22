import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ledgerMismatches } from './ledger';

type Queryable = Pick<Client, 'query'>;

async function rows<T = Record<string, unknown>>(sql: Queryable, text: string, params: unknown[] = []): Promise<T[]> {
  return (await sql.query(text, params)).rows as T[];
}

/** ledgerMismatches() of test/support/ledger.ts, run on a plain pg connection. */
export function ledgerMismatchesOn(sql: Queryable): Promise<unknown[]> {
  const asDataSource = { query: (text: string, params?: unknown[]) => rows(sql, text, params) };
  return ledgerMismatches(asDataSource as unknown as DataSource);
}

/**
 * Everything a half-written flow would leave behind, as readable lines (empty when clean):
 * the ledger audit, readings completed without exactly one `reading_cost` row (or charged
 * without being completed), completed readings without their cards, Stars charges granted
 * twice, welcome credits granted twice, and reading conversations left open on a finished reading.
 */
export async function integrityProblems(sql: Queryable): Promise<string[]> {
  const problems: string[] = [];
  for (const row of await ledgerMismatchesOn(sql)) problems.push(`ledger: ${JSON.stringify(row)}`);
  const checks: [string, string][] = [
    [
      'completed reading without exactly one reading_cost',
      `SELECT r.id, r.user_id, count(t.id)::int AS costs FROM readings r
       LEFT JOIN transactions t ON t.type = 'reading_cost' AND t.metadata->>'readingId' = r.id::text
       WHERE r.status = 'completed' AND r.spread_type <> 'daily' GROUP BY r.id HAVING count(t.id) <> 1`,
    ],
    [
      'reading_cost without a completed reading',
      `SELECT t.id, t.user_id, t.metadata FROM transactions t
       LEFT JOIN readings r ON r.id::text = t.metadata->>'readingId'
       WHERE t.type = 'reading_cost' AND (r.id IS NULL OR r.status <> 'completed' OR r.user_id <> t.user_id)`,
    ],
    [
      'completed reading without cards or interpretation',
      `SELECT id FROM readings WHERE status = 'completed' AND (jsonb_array_length(cards) = 0 OR interpretation = '' OR completed_at IS NULL)`,
    ],
    [
      'Stars charge granted more than once',
      `SELECT payment_reference, count(*)::int AS n FROM transactions
       WHERE payment_provider = 'telegram_stars' AND type IN ('purchase', 'subscription') AND payment_reference IS NOT NULL
       GROUP BY payment_reference HAVING count(*) > 1`,
    ],
    [
      'welcome credits granted more than once',
      `SELECT user_id, count(*)::int AS n FROM transactions WHERE payment_provider = 'promo' AND metadata->>'reason' = 'welcome'
       GROUP BY user_id HAVING count(*) > 1`,
    ],
    [
      'operator Idempotency-Key applied more than once',
      `SELECT metadata->>'idempotencyKey' AS key, count(*)::int AS n FROM transactions WHERE metadata ? 'idempotencyKey'
       GROUP BY 1 HAVING count(*) > 1`,
    ],
  ];
  for (const [label, query] of checks) {
    for (const row of await rows(sql, query)) problems.push(`${label}: ${JSON.stringify(row)}`);
  }
  return problems;
}

/** Rows of the tables an operator or a user can write, and the money in them: equal before and after means nothing was written. */
export async function writeFingerprint(sql: Queryable): Promise<string> {
  const [row] = await rows(
    sql,
    `SELECT (SELECT count(*) FROM users) AS users,
            (SELECT coalesce(sum(credits), 0) FROM users) AS credits,
            (SELECT string_agg(id || ':' || status || ':' || coalesce(subscription_tier, '-'), ',' ORDER BY id) FROM users) AS statuses,
            (SELECT count(*) FROM transactions) AS transactions,
            (SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM transactions) AS transaction_states,
            (SELECT count(*) FROM readings) AS readings,
            (SELECT count(*) FROM user_sessions) AS sessions`,
  );
  return JSON.stringify(row);
}

/**
 * The app's own proof of the ledger on a running app: every user, page by page from
 * GET /api/v1/users, checked now with GET /api/v1/ledger/audit?userId= (the endpoint alone answers
 * from the sweep, which these short runs may not have finished).
 */
export async function auditThroughApi(baseUrl: string, token: string): Promise<{ ok: boolean; users: number; mismatches: unknown[] }> {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`GET /api/v1${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const mismatches: unknown[] = [];
  let users = 0;
  let cursor: string | null = null;
  do {
    const page: { items: { id: number }[]; nextCursor: string | null } = await get(`/users?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    for (const { id } of page.items) {
      const { user } = await get<{ user: { ok: boolean } }>(`/ledger/audit?userId=${id}`);
      users++;
      if (!user.ok) mismatches.push(user);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { ok: mismatches.length === 0, users, mismatches };
}

/** GET /api/v1/ledger/stars-audit on a running app: the rows against what Telegram (the stand-in) charged. */
export async function starsAuditThroughApi(baseUrl: string, token: string): Promise<{ ok: boolean; charges: number; mismatches: unknown[] }> {
  const response = await fetch(`${baseUrl}/api/v1/ledger/stars-audit`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`GET /api/v1/ledger/stars-audit answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { ok: boolean; charges: number; mismatches: unknown[] };
}

/** Percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A small seeded generator (mulberry32) for shuffles and jitter that repeat run after run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
