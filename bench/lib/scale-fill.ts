/**
 * Fills a migrated database with the volume of a bot that has `users` users, in SQL
 * (`generate_series`), never through the app. Per user, on average: 10 transactions, 3 readings,
 * 1 finished session; rate-limit windows as the hourly cleanup (48 h kept) leaves them after
 * months of use. Every row passes the schema's constraints, and each balance equals the sum of
 * the user's settled ledger rows, so the ledger audit finds nothing (and must read everything).
 */
import { Client } from 'pg';

/** The generated users' Telegram ids start above the bench's own users (700,000,001…). */
export const FIRST_GENERATED_TELEGRAM_ID = 1_000_000_000;
/** One generated user with a long history: /past page 50 and the per-user lists' 100th page need it. */
export const HEAVY_USER = { transactions: 5_100, readings: 2_100 };

export interface FillReport {
  users: number;
  rows: Record<string, number>;
  bytes: Record<string, number>;
  seconds: Record<string, number>;
  heavyUser: { id: number; telegramId: number };
}

const SPREADS = `ARRAY['single','three_card','daily','celtic_cross','relationship','career']`;
const INTERPRETATION = `'The cards speak of a season of change. What was held tightly asks to be set down; '
  || 'what comes next grows from patience rather than force. Read the reversed card as a door half open. '`;

/**
 * Transactions of user `g`: n = 1 + (g·7919 mod 19) rows (10 on average). Row 1 is the welcome
 * bonus (+3), row 2 a first Stars purchase (+50), then purchases every sixth row (a quarter of
 * them failed, so uncounted) and reading costs (-1) otherwise. At most 17 costs follow +53, so no
 * balance is ever negative. Every 50th user refunded the first purchase (the purchase is
 * `refunded`, the last row takes back what was left: -1); a few have a pending invoice.
 */
const TRANSACTIONS = `
INSERT INTO transactions (user_id, amount, type, status, payment_provider, payment_reference, refund_reference,
                          created_at, updated_at, metadata)
SELECT u.id, x.amount, x.type, x.status, x.provider, x.reference, x.refund_reference, t.at, t.at, x.metadata
FROM users u
CROSS JOIN LATERAL (
  SELECT u.telegram_id - ${FIRST_GENERATED_TELEGRAM_ID} AS g,
         CASE WHEN u.id = $1 THEN ${HEAVY_USER.transactions} ELSE 1 + ((u.telegram_id - ${FIRST_GENERATED_TELEGRAM_ID}) * 7919) % 19 END AS n
) p
CROSS JOIN LATERAL generate_series(1, p.n::int) AS k
CROSS JOIN LATERAL (
  -- spread over the last 400 days, oldest first
  SELECT now() - make_interval(secs => ((p.n - k) * 400.0 * 86400 / p.n + p.g % 86400)::double precision) AS at,
         k = p.n AND p.n >= 3 AND p.g % 50 = 0 AND u.id <> $1 AS takes_back,
         k = 2 OR k % 6 = 0 AS purchase
) t
CROSS JOIN LATERAL (
  SELECT
    CASE WHEN k = 1 THEN 3 WHEN t.purchase THEN 50 ELSE -1 END AS amount,
    CASE WHEN k = 1 THEN 'bonus' WHEN t.purchase THEN 'purchase' WHEN t.takes_back THEN 'refund' ELSE 'reading_cost' END AS type,
    CASE WHEN k = 2 AND p.n >= 3 AND p.g % 50 = 0 AND u.id <> $1 THEN 'refunded'
         WHEN k > 2 AND t.purchase AND (p.g + k) % 4 = 0 THEN 'failed'
         WHEN k > 2 AND t.purchase AND k = p.n AND p.g % 1000 = 7 THEN 'pending'
         ELSE 'completed' END AS status,
    CASE WHEN k = 1 THEN 'welcome' WHEN t.purchase OR t.takes_back THEN 'telegram_stars' END AS provider,
    CASE WHEN t.purchase THEN 'stxbench' || p.g || 'x' || k END AS reference,
    CASE WHEN k = 2 AND p.n >= 3 AND p.g % 50 = 0 AND u.id <> $1 THEN 'stxbench' || p.g || 'x2' END AS refund_reference,
    CASE WHEN t.purchase THEN jsonb_build_object('payload', 'p' || p.g || ':' || k, 'credits', 50)
         WHEN t.takes_back THEN jsonb_build_object('reverses', 'bench' || p.g)
         WHEN k > 1 THEN jsonb_build_object('spread', 'single') END AS metadata
) x
WHERE u.telegram_id >= ${FIRST_GENERATED_TELEGRAM_ID}`;

async function timed(client: Client, seconds: Record<string, number>, name: string, sql: string, params: unknown[] = []): Promise<number> {
  const started = Date.now();
  const result = await client.query(sql, params);
  seconds[name] = (seconds[name] ?? 0) + (Date.now() - started) / 1000;
  return result.rowCount ?? 0;
}

export async function fillDatabase(databaseUrl: string, users: number, progress: (line: string) => void): Promise<FillReport> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const seconds: Record<string, number> = {};
  try {
    // Foreign keys are correct by construction; their per-row triggers are skipped for the load (CHECKs still apply).
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await timed(
      client,
      seconds,
      'users',
      `INSERT INTO users (telegram_id, credits, created_at, updated_at, last_active_at, status, preferences, subscription_tier, subscription_expires_at)
       SELECT ${FIRST_GENERATED_TELEGRAM_ID} + g, 0,
              now() - make_interval(days => 400 - (g % 400)::int), now() - make_interval(days => (g % 30)::int),
              now() - make_interval(days => (g % 90)::int, secs => (g % 86400)::double precision),
              CASE WHEN g % 500 = 0 THEN 'deleted' WHEN g % 997 = 0 THEN 'suspended' ELSE 'active' END,
              jsonb_build_object('language', (ARRAY['en','uk','ru'])[1 + g % 3], 'deck', 'rider_waite', 'reversals', g % 2 = 0),
              CASE WHEN g % 50 = 0 THEN 'premium' END,
              CASE WHEN g % 50 = 0 THEN now() + make_interval(days => 1 + (g % 29)::int) END
       FROM generate_series(1, $1::int) AS g`,
      [users],
    );
    const heavy = (await client.query(`SELECT id, telegram_id FROM users WHERE telegram_id = $1`, [FIRST_GENERATED_TELEGRAM_ID + 1])).rows[0];
    progress(`  users: ${users} in ${seconds.users.toFixed(1)} s`);
    const transactions = await timed(client, seconds, 'transactions', TRANSACTIONS, [heavy.id]);
    progress(`  transactions: ${transactions} in ${seconds.transactions.toFixed(1)} s`);
    await timed(
      client,
      seconds,
      'balances',
      `UPDATE users u SET credits = s.total
       FROM (SELECT user_id, SUM(amount) FILTER (WHERE status IN ('completed', 'refunded')) AS total FROM transactions GROUP BY user_id) s
       WHERE s.user_id = u.id AND s.total IS NOT NULL`,
    );
    const readings = await timed(
      client,
      seconds,
      'readings',
      `INSERT INTO readings (user_id, spread_type, question, cards, interpretation, created_at, completed_at, duration_seconds, status, questionnaire_responses)
       SELECT u.id, (${SPREADS})[1 + (g + k) % 6],
              CASE WHEN k % 2 = 0 THEN 'What should I know about the coming month?' END,
              jsonb_build_array(jsonb_build_object('cardId', 'major_' || ((g + k) % 22), 'name', 'Card ' || ((g + k) % 22),
                                'reversed', (g + k) % 3 = 0, 'positionKey', 'center', 'positionName', 'The card')),
              ${INTERPRETATION} || md5(g::text || ':' || k),
              now() - make_interval(days => (k * 7 + g % 7)::int, secs => (g % 86400)::double precision),
              now() - make_interval(days => (k * 7 + g % 7)::int, secs => (g % 86400)::double precision - 20),
              20,
              CASE WHEN (g + k) % 50 = 0 THEN 'error' WHEN (g + k) % 97 = 0 THEN 'interrupted' ELSE 'completed' END,
              CASE WHEN k % 2 = 0 THEN jsonb_build_object('question', 'What should I know about the coming month?') END
       FROM users u
       CROSS JOIN LATERAL (SELECT u.telegram_id - ${FIRST_GENERATED_TELEGRAM_ID} AS g) gg(g)
       CROSS JOIN LATERAL generate_series(1, CASE WHEN u.id = $1 THEN ${HEAVY_USER.readings} ELSE ((g * 31) % 7)::int END) AS k
       WHERE u.telegram_id >= ${FIRST_GENERATED_TELEGRAM_ID}`,
      [heavy.id],
    );
    progress(`  readings: ${readings} in ${seconds.readings.toFixed(1)} s`);
    // One finished conversation per user: no active one, so the expiry job has nothing to tell anyone.
    const sessions = await timed(
      client,
      seconds,
      'user_sessions',
      `INSERT INTO user_sessions (user_id, session_type, started_at, last_activity_at, completed_at, status, data)
       SELECT u.id, 'reading', t.at, t.at + interval '40 seconds', t.at + interval '40 seconds',
              CASE WHEN g % 5 = 0 THEN 'expired' ELSE 'completed' END,
              jsonb_build_object('step', 'done', 'spread', 'single')
       FROM users u
       CROSS JOIN LATERAL (SELECT u.telegram_id - ${FIRST_GENERATED_TELEGRAM_ID} AS g) gg(g)
       CROSS JOIN LATERAL (SELECT now() - make_interval(days => (g % 180)::int, secs => (g % 86400)::double precision) AS at) t
       WHERE u.telegram_id >= ${FIRST_GENERATED_TELEGRAM_ID}`,
    );
    progress(`  user_sessions: ${sessions} in ${seconds.user_sessions.toFixed(1)} s`);
    // The hourly cleanup keeps 48 h: one user in ten active in that time, each with 16 one-minute
    // message windows, two hourly and two daily reading windows (2 rows per user on average).
    const rateLimits = await timed(
      client,
      seconds,
      'rate_limits',
      `INSERT INTO rate_limits (user_id, endpoint, request_count, window_start)
       SELECT u.id, w.endpoint, 1 + (g + j) % 5, w.start
       FROM users u
       CROSS JOIN LATERAL (SELECT u.telegram_id - ${FIRST_GENERATED_TELEGRAM_ID} AS g) gg(g)
       CROSS JOIN LATERAL generate_series(1, 20) AS j
       CROSS JOIN LATERAL (SELECT now() - make_interval(mins => (g % 2800)::int) AS base) b
       CROSS JOIN LATERAL (
         SELECT CASE WHEN j <= 16 THEN 'message:1m' WHEN j <= 18 THEN 'reading:1h' ELSE 'reading:1d' END AS endpoint,
                CASE WHEN j <= 16 THEN date_trunc('minute', b.base - make_interval(mins => j * 3))
                     WHEN j <= 18 THEN date_trunc('hour', b.base - make_interval(hours => j - 17))
                     ELSE date_trunc('day', b.base - make_interval(days => j - 19)) END AS start
       ) w
       WHERE u.telegram_id >= ${FIRST_GENERATED_TELEGRAM_ID} AND g % 10 = 0`,
    );
    progress(`  rate_limits: ${rateLimits} in ${seconds.rate_limits.toFixed(1)} s`);
    await client.query(`SET session_replication_role = origin`);
    // A database in service has been vacuumed and analysed: the planner sees the volume.
    const started = Date.now();
    await client.query(`VACUUM ANALYZE`);
    seconds.vacuumAnalyze = (Date.now() - started) / 1000;
    progress(`  VACUUM ANALYZE in ${seconds.vacuumAnalyze.toFixed(1)} s`);
    const counts = (
      await client.query<{ table: string; bytes: string }>(
        `SELECT c.relname AS table, pg_total_relation_size(c.oid) AS bytes
         FROM pg_class c WHERE c.relname IN ('users', 'transactions', 'readings', 'user_sessions', 'rate_limits') AND c.relkind = 'r'`,
      )
    ).rows;
    const rows: Record<string, number> = { users, transactions, readings, user_sessions: sessions, rate_limits: rateLimits };
    return {
      users,
      rows,
      bytes: Object.fromEntries(counts.map((c) => [c.table, Number(c.bytes)])),
      seconds,
      heavyUser: { id: heavy.id, telegramId: Number(heavy.telegram_id) },
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
