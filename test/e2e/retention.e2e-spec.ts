import request from 'supertest';
import { lockKey } from 'src/database/job-lock';
import { RateLimitCleanupJob } from 'src/rate-limit/rate-limit-cleanup.job';
import { SessionRetentionJob } from 'src/sessions/session-retention.job';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';

describe('retention', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  let userId: number;
  const user = { id: 9301, first_name: 'Ret' };

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn, {
      RETENTION_RATE_LIMIT_HOURS: '30',
      RETENTION_FINISHED_SESSIONS_DAYS: '7',
    });
    await say(standIn, user, '/start');
    [{ id: userId }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]);
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  const deletedMetric = async (table: string): Promise<number> => {
    const text = (await request(sut.server).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200)).text;
    const line = text.split('\n').find((l) => l.startsWith(`tarot_retention_rows_deleted_total{table="${table}"}`));
    return Number(line?.split(' ').at(-1) ?? 0);
  };

  it('deletes rate-limit windows older than RETENTION_RATE_LIMIT_HOURS and counts them', async () => {
    await sut.dataSource.query(
      `INSERT INTO rate_limits (user_id, endpoint, window_start) VALUES
         ($1, 'reading:1d', date_trunc('hour', now()) - interval '31 hours'),
         ($1, 'reading:1h', date_trunc('hour', now()) - interval '32 hours'),
         ($1, 'reading:1d', date_trunc('hour', now()) - interval '29 hours')`,
      [userId],
    );
    const before = await deletedMetric('rate_limits');
    expect(await sut.app.get(RateLimitCleanupJob).run()).toBe(2);
    const kept = await sut.dataSource.query(
      `SELECT endpoint FROM rate_limits WHERE user_id = $1 AND window_start < now() - interval '2 hours' ORDER BY endpoint`,
      [userId],
    );
    expect(kept).toEqual([{ endpoint: 'reading:1d' }]);
    expect((await deletedMetric('rate_limits')) - before).toBe(2);
  });

  it('deletes conversations finished longer ago than RETENTION_FINISHED_SESSIONS_DAYS, never an active one', async () => {
    await sut.dataSource.query(
      `INSERT INTO user_sessions (user_id, session_type, status, started_at, last_activity_at, completed_at) VALUES
         ($1, 'old_completed', 'completed', now() - interval '9 days', now() - interval '9 days', now() - interval '8 days'),
         ($1, 'old_expired', 'expired', now() - interval '9 days', now() - interval '9 days', now() - interval '8 days'),
         ($1, 'old_error', 'error', now() - interval '9 days', now() - interval '9 days', now() - interval '8 days'),
         ($1, 'recent_completed', 'completed', now() - interval '6 days', now() - interval '6 days', now() - interval '6 days'),
         ($1, 'old_active', 'active', now() - interval '9 days', now() - interval '9 days', NULL)`,
      [userId],
    );
    const before = await deletedMetric('user_sessions');
    expect(await sut.app.get(SessionRetentionJob).run()).toBe(3);
    const left: { session_type: string }[] = await sut.dataSource.query(
      `SELECT session_type FROM user_sessions WHERE user_id = $1 AND session_type IN ('old_completed', 'old_expired', 'old_error', 'recent_completed', 'old_active')
       ORDER BY session_type`,
      [userId],
    );
    expect(left.map((r) => r.session_type)).toEqual(['old_active', 'recent_completed']);
    expect((await deletedMetric('user_sessions')) - before).toBe(3);
    expect(await sut.app.get(SessionRetentionJob).run()).toBe(0);
  });

  it('runs each retention job on one instance at a time (the job lock)', async () => {
    await sut.dataSource.query(
      `INSERT INTO user_sessions (user_id, session_type, status, completed_at) VALUES ($1, 'locked_out', 'completed', now() - interval '8 days')`,
      [userId],
    );
    const runner = sut.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // Another instance holds the job's lock: this one skips the run.
      const key = lockKey('session-retention');
      await runner.query('SELECT pg_advisory_lock($1::bigint)', [key]);
      expect(await sut.app.get(SessionRetentionJob).run()).toBe(0);
      await runner.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
    } finally {
      await runner.release();
    }
    expect(await sut.app.get(SessionRetentionJob).run()).toBe(1);
  });
});
