/**
 * bench:scale's timings at volume, beside the flows: the ledger audit, the REST lists' first and
 * 100th pages, /past page 50, the scheduled jobs' statements, reconciliation over 10,000 Stars
 * transactions, and a migration that adds an index (plain and CONCURRENTLY).
 */
import { Client } from 'pg';
import { ADMIN_TOKEN, type Bench } from './bench';
import { HttpClient, now } from './http';
import { say } from './log';
import type { FillReport } from './scale-fill';
import type { StandInClient } from './stand-in-client';
import { UpdateFactory } from './updates';

export interface Probe {
  name: string;
  ms: number | null;
  note: string;
}

const RECONCILED_TRANSACTIONS = 10_000;

/** What the scheduled jobs run, as they run it (each inside a transaction that is rolled back, so both can be repeated). */
export const JOB_STATEMENTS: { name: string; sql: string; params: unknown[] }[] = [
  {
    name: 'job: rate-limit retention (hourly; one batch of 10,000)',
    sql: `DELETE FROM rate_limits WHERE id IN (SELECT id FROM rate_limits WHERE window_start < $1 ORDER BY window_start LIMIT 10000)`,
    params: [new Date(Date.now() - 48 * 3600_000)],
  },
  {
    name: 'job: session expiry (every minute)',
    sql: `UPDATE user_sessions SET status = 'expired', completed_at = now() WHERE status = 'active' AND last_activity_at < $1 RETURNING id`,
    params: [new Date(Date.now() - 30 * 60_000)],
  },
  {
    name: 'job: reading recovery (every minute)',
    sql: `SELECT id FROM user_sessions WHERE session_type = 'reading' AND status = 'active' AND data->>'step' = 'generating'
          AND last_activity_at < now() - make_interval(mins => 2) ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED`,
    params: [],
  },
  {
    name: 'job: expire invoices (hourly)',
    sql: `UPDATE transactions SET status = 'failed', updated_at = now() WHERE status = 'pending' AND created_at < $1 RETURNING id`,
    params: [new Date(Date.now() - 24 * 3600_000)],
  },
  {
    name: 'job: lapse subscriptions (every 10 min)',
    sql: `UPDATE users SET subscription_tier = NULL, updated_at = now()
          WHERE subscription_tier IS NOT NULL AND subscription_expires_at < $1 RETURNING id, telegram_id`,
    params: [new Date()],
  },
  {
    name: 'job: ledger audit sweep (every 5 min; 10,000 users)',
    sql: `SELECT u.id AS user_id, u.credits, s.ledger_sum
          FROM (SELECT id, credits FROM users WHERE id > (SELECT max(id) / 2 FROM users) ORDER BY id LIMIT 10000) u
          CROSS JOIN LATERAL (
            SELECT COALESCE(SUM(t.amount) FILTER (WHERE t.status IN ('completed', 'refunded')), 0) AS ledger_sum
            FROM transactions t WHERE t.user_id = u.id) s
          ORDER BY u.id`,
    params: [],
  },
  {
    name: 'job: finished-session retention (hourly; one batch of 10,000)',
    sql: `DELETE FROM user_sessions WHERE id IN (
            SELECT id FROM user_sessions WHERE status <> 'active' AND completed_at < $1 ORDER BY completed_at LIMIT 10000)`,
    params: [new Date(Date.now() - 90 * 86400_000)],
  },
];

/** A REST request, timed; one refused by the REST throttle (600 a minute per token) is sent again once the minute is over, and that one is timed. */
async function timeRequest(http: HttpClient, url: string, method = 'GET'): Promise<{ ms: number; status: number; body: string }> {
  for (let attempt = 0; ; attempt++) {
    const started = now();
    const res = await http.send(method, url, undefined, { authorization: `Bearer ${ADMIN_TOKEN}` }, 600_000);
    if (res.status !== 429 || attempt > 0) return { ms: now() - started, status: res.status, body: res.body };
    say('  (the REST throttle: waiting a minute)');
    await new Promise((resolve) => setTimeout(resolve, 61_000));
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export async function runProbes(bench: Bench, standIn: StandInClient, databaseUrl: string, fill: FillReport): Promise<Probe[]> {
  const probes: Probe[] = [];
  const http = new HttpClient(2);
  const base = `${bench.app.baseUrl}/api/v1`;
  const add = (name: string, ms: number | null, note = '') => {
    probes.push({ name, ms: ms === null ? null : round(ms), note });
    say(`  ${name}: ${ms === null ? '-' : `${round(ms)} ms`} ${note}`);
  };
  try {
    const heavy = fill.heavyUser.id;
    const audit = await timeRequest(http, `${base}/ledger/audit`);
    const report = JSON.parse(audit.body) as { ok?: boolean; current?: { position: number; checked: number }; last?: { checked: number } | null };
    add('GET /ledger/audit (from the sweep)', audit.ms, `${audit.status}; ok ${report.ok}, pass at user ${report.current?.position}, last pass ${report.last?.checked ?? '-'} users`);
    const one = await timeRequest(http, `${base}/ledger/audit?userId=${heavy}`);
    add('GET /ledger/audit?userId= (heavy user)', one.ms, `${one.status}; ok ${(JSON.parse(one.body) as { user?: { ok: boolean } }).user?.ok}`);

    const lists = [
      '/users',
      '/transactions',
      '/transactions?status=failed',
      '/transactions?type=refund',
      `/users/${heavy}/transactions`,
      `/users/${heavy}/readings`,
    ];
    for (const list of lists) {
      const url = `${base}${list}`;
      let cursor: string | null = null;
      for (let page = 1; page <= 100; page++) {
        const res = await timeRequest(http, cursor ? `${url}${list.includes('?') ? '&' : '?'}cursor=${cursor}` : url);
        if (res.status !== 200) {
          add(`GET ${list} page ${page}`, res.ms, `answered ${res.status}`);
          break;
        }
        cursor = (JSON.parse(res.body) as { nextCursor: string | null }).nextCursor;
        if (page === 1 || page === 100) add(`GET ${list} page ${page}`, res.ms);
        else if (!cursor) {
          add(`GET ${list} page ${page} (the last)`, res.ms);
          break;
        }
      }
    }

    // /past, as the heavy user: page 1 (builds the cached history), then page 50 (past the cache: the database).
    const user = { id: fill.heavyUser.telegramId, first_name: 'Heavy' };
    await standIn.command({ type: 'registerUsers', users: [user] });
    for (const page of [0, 49]) {
      const queryId = UpdateFactory.queryId();
      await standIn.command({ type: 'registerCallback', queryId });
      const answer = await bench.answerTime(user, bench.updates.callback(user, queryId, `v1:past:${page}`), `page ${page + 1} of`);
      add(`/past page ${page + 1} (${HEAVY_READINGS_NOTE})`, answer.ms ?? null, answer.errors.join('; '));
    }

    await jobProbes(databaseUrl, add);
    await reconciliationProbe(bench, standIn, databaseUrl, add);
    await indexMigrationProbe(databaseUrl, add);

    // Last: before it was paged it loaded every Stars grant into the app, which did not survive it.
    const rssBefore = bench.app.rssMb();
    const auditStarted = Date.now();
    const stars = await timeRequest(http, `${base}/ledger/stars-audit`).catch((error: Error) => ({ ms: null, status: 0, body: error.message }));
    const peak = bench.app.peakRssMb(auditStarted, Date.now());
    const alive = bench.app.running ? '' : `; the app died: see bench/results/app.log`;
    const summary = stars.status === 200 ? starsAuditSummary(stars.body) : '';
    add('GET /ledger/stars-audit', stars.ms, `${stars.status || stars.body}${summary}; app RSS ${rssBefore} MB before, peak ${peak} MB${alive}`);
  } finally {
    http.close();
  }
  return probes;
}

function starsAuditSummary(body: string): string {
  const report = JSON.parse(body) as { charges: number; grants: number; mismatchCount: number };
  return `; ${report.charges} charges, ${report.grants} grants, ${report.mismatchCount} mismatches (grants whose charge is not among the stand-in's)`;
}

const HEAVY_READINGS_NOTE = 'a user with 2,100 readings';

async function jobProbes(databaseUrl: string, add: (name: string, ms: number | null, note?: string) => void): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const job of JOB_STATEMENTS) {
      await client.query('BEGIN');
      const started = now();
      const result = await client.query(job.sql, job.params);
      const ms = now() - started;
      await client.query('ROLLBACK');
      add(job.name, ms, `${result.rowCount ?? 0} rows (rolled back)`);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Telegram's ledger holds 10,000 payments the bot already recorded: a full re-scan finds each one and applies none. */
async function reconciliationProbe(
  bench: Bench,
  standIn: StandInClient,
  databaseUrl: string,
  add: (name: string, ms: number | null, note?: string) => void,
): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client
    .query<{ reference: string; telegram_id: string; created: number; payload: string }>(
      `SELECT t.payment_reference AS reference, u.telegram_id, extract(epoch FROM t.created_at)::int AS created, t.metadata->>'payload' AS payload
       FROM transactions t JOIN users u ON u.id = t.user_id
       WHERE t.payment_provider = 'telegram_stars' AND t.type = 'purchase' AND t.status IN ('completed', 'refunded')
       ORDER BY t.id LIMIT $1`,
      [RECONCILED_TRANSACTIONS],
    )
    .finally(() => client.end().catch(() => undefined));
  for (let i = 0; i < rows.length; i += 2000) {
    const transactions = rows.slice(i, i + 2000).map((r) => ({
      chargeId: r.reference,
      userId: Number(r.telegram_id),
      stars: 500,
      date: r.created,
      payload: r.payload,
    }));
    await standIn.command({ type: 'seedStarTransactions', transactions });
  }
  const http = new HttpClient(1);
  try {
    const res = await timeRequest(http, `${bench.app.baseUrl}/api/v1/reconciliation?fromStart=true`, 'POST');
    add(`POST /reconciliation over ${rows.length} Stars transactions`, res.ms, `${res.status} ${res.body.slice(0, 160)}`);
  } finally {
    http.close();
  }
}

/**
 * A migration adding an index to `transactions`: how long it takes, plain and CONCURRENTLY, and how
 * long a payment's INSERT issued meanwhile waits (a plain CREATE INDEX blocks writes to the table).
 */
async function indexMigrationProbe(databaseUrl: string, add: (name: string, ms: number | null, note?: string) => void): Promise<void> {
  const builder = new Client({ connectionString: databaseUrl });
  const writer = new Client({ connectionString: databaseUrl });
  await builder.connect();
  await writer.connect();
  try {
    const [{ id: userId }] = (await writer.query<{ id: number }>(`SELECT min(id) AS id FROM users`)).rows;
    for (const concurrently of [false, true]) {
      const name = `bench_probe_${concurrently ? 'concurrent' : 'plain'}_idx`;
      const started = now();
      const building = builder.query(`CREATE INDEX ${concurrently ? 'CONCURRENTLY ' : ''}${name} ON transactions (status, created_at)`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const writeStarted = now();
      await writer.query('BEGIN');
      await writer.query(`INSERT INTO transactions (user_id, amount, type, status) VALUES ($1, 1, 'adjustment', 'failed')`, [userId]);
      await writer.query('ROLLBACK');
      const writeMs = now() - writeStarted;
      await building;
      add(
        `migration: CREATE INDEX${concurrently ? ' CONCURRENTLY' : ''} on transactions`,
        now() - started,
        `an INSERT sent 200 ms in waited ${round(writeMs)} ms`,
      );
      await builder.query(`DROP INDEX ${name}`);
    }
  } finally {
    await builder.end().catch(() => undefined);
    await writer.end().catch(() => undefined);
  }
}
