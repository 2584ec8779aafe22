import request from 'supertest';
import { Client } from 'pg';
import { lockKey } from 'src/database/job-lock';
import { LedgerAuditJob } from 'src/payments/ledger-audit.job';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { eventually } from '../support/eventually';
import { ledgerMismatches } from '../support/ledger';
import { describeNeeding } from '../support/needs-services';
import { payAndWait, requestInvoice } from '../support/payment-helpers';
import { PgBouncerProcess } from '../support/pgbouncer-process';
import { chooseSpread, Player, waitForDelivery } from '../support/reading-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';

/**
 * Deployed behind PgBouncer in transaction pooling mode (docker-compose.yml), a server connection
 * is the app's for one transaction only: nothing may rely on session state between transactions.
 * The app's pool of ten runs over two server connections here; the migrations go straight to
 * PostgreSQL (MIGRATION_DATABASE_URL), since their lock is a session's.
 */
describeNeeding(['PostgreSQL', 'Redis', 'pgbouncer'], 'the app through PgBouncer in transaction mode', () => {
  let standIn: BotApiStandIn;
  let bouncer: PgBouncerProcess;
  let sut: TestApp;
  let direct: string;
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  const players: Player[] = [9601, 9602, 9603].map((id) => ({ id, first_name: `Pooled${id}` }));

  beforeAll(async () => {
    standIn = await startStandIn();
    const environment = await prepareTestEnvironment();
    direct = environment.databaseUrl!;
    bouncer = await PgBouncerProcess.start(direct);
    sut = await startTestApp(environment, standIn, { DATABASE_URL: bouncer.urlFor(direct), MIGRATION_DATABASE_URL: direct });
  });

  afterAll(async () => {
    await sut?.close();
    await bouncer?.stop();
    await standIn?.stop();
  });

  it('runs every transaction in UTC, which PgBouncer asks for since it cannot pass on the startup option', async () => {
    const zones = await Promise.all(Array.from({ length: 6 }, () => sut.dataSource.query(`SELECT current_setting('TimeZone') AS zone`)));
    expect(zones.map(([row]) => row.zone)).toEqual(Array(6).fill('UTC'));
  });

  const transactionsThroughBouncer = async () => (await bouncer.stats()).get(new URL(direct).pathname.slice(1)) ?? 0;

  it('sells credits and delivers readings to several users at once, every write consistent', async () => {
    const before = await transactionsThroughBouncer();
    await Promise.all(
      players.map(async (player) => {
        await say(standIn, player, '/start');
        const { payment, reply } = await payAndWait(standIn, player, await requestInvoice(standIn, player, 'credits_50'));
        expect(payment.ok).toBe(true);
        expect(reply).toContain('50');
        await chooseSpread(standIn, player, 'single');
        const mark = standIn.mark();
        await standIn.sendText(player, '/skip');
        await waitForDelivery(standIn, player.id, mark, 20_000);
      }),
    );

    const rows = await sut.dataSource.query(
      `SELECT u.telegram_id, u.credits, count(r.id)::int AS readings FROM users u LEFT JOIN readings r ON r.user_id = u.id AND r.status = 'completed'
       WHERE u.telegram_id = ANY($1) GROUP BY u.id ORDER BY u.telegram_id`,
      [players.map((p) => p.id)],
    );
    expect(rows).toHaveLength(players.length);
    for (const row of rows) expect(row.readings).toBe(1);
    expect(await ledgerMismatches(sut.dataSource)).toEqual([]);
    expect((await request(sut.server).get('/api/v1/ledger/stars-audit').set(auth).expect(200)).body).toMatchObject({ ok: true, charges: players.length });
    expect((await transactionsThroughBouncer()) - before).toBeGreaterThan(50);
  });

  it("runs a job under its lock, skips it while another instance's transaction holds the lock, and leaves no lock behind", async () => {
    const job = sut.app.get(LedgerAuditJob);
    expect(await job.run()).toMatchObject({ mismatches: [] });
    expect(await job.run()).toMatchObject({ mismatches: [] });

    const other = new Client({ connectionString: direct });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey('ledger-audit-sweep')]);
      expect(await job.run()).toBeUndefined();
      await other.query('COMMIT');
      expect(await job.run()).toMatchObject({ mismatches: [] });
      const { rows } = await other.query(`SELECT count(*)::int AS held FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()`);
      expect(rows[0].held).toBe(0);
    } finally {
      await other.end();
    }
  });

  it("holds a running job's lock in an open transaction, not in a session a pooled connection would pass on", async () => {
    const blocker = new Client({ connectionString: direct });
    // Outside any transaction: one keeps its first view of pg_stat_activity to its end.
    const observer = new Client({ connectionString: direct });
    await blocker.connect();
    await observer.connect();
    try {
      // The sweep reads users: it waits here while its lock is held.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
      const running = sut.app.get(LedgerAuditJob).run();
      const holder = await eventually(async () => {
        // This database's only: other suites share the server.
        const { rows } = await observer.query(
          `SELECT a.state FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()`,
        );
        expect(rows).toHaveLength(1);
        return rows[0].state;
      });
      await blocker.query('COMMIT');
      expect(await running).toMatchObject({ mismatches: [] });
      expect(holder).toBe('idle in transaction');
    } finally {
      await blocker.end();
      await observer.end();
    }
  });
});
