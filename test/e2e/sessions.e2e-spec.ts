import { SessionExpiryJob } from 'src/sessions/session-expiry.job';
import { SessionsService } from 'src/sessions/sessions.service';
import { UserSession } from 'src/sessions/user-session.entity';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { ActivityTracker } from 'src/users/activity-tracker';
import { say } from '../support/bot-helpers';
import { startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';

describe('sessions', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  let sessions: SessionsService;
  let userId: number;
  const user = { id: 9001, first_name: 'Sam' };

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn);
    sessions = sut.app.get(SessionsService);
    await say(standIn, user, '/start');
    [{ id: userId }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]);
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  const statuses = async () =>
    (await sut.dataSource.getRepository(UserSession).find({ where: { userId }, order: { id: 'ASC' } })).map((s) => s.status);

  it('opens, advances and completes a conversation', async () => {
    const manager = sut.dataSource.manager;
    const session = await sessions.open(manager, userId, 'questionnaire', { step: 0 });
    await sessions.advance(manager, session.id, { step: 1, answers: ['calm'] });
    expect((await sessions.findActive(userId, 'questionnaire'))?.data).toEqual({ step: 1, answers: ['calm'] });
    expect(await sessions.end(manager, session.id, 'completed')).toBe(true);
    expect(await sessions.end(manager, session.id, 'expired')).toBe(false);
    expect(await sessions.findActive(userId)).toBeNull();
  });

  it('keeps at most three active sessions per user, expiring the oldest', async () => {
    for (let i = 0; i < 4; i++) await sessions.open(sut.dataSource.manager, userId, `kind_${i}`, { i });
    const active = await sut.dataSource.getRepository(UserSession).find({ where: { userId, status: 'active' } });
    expect(active.map((s) => s.sessionType).sort()).toEqual(['kind_1', 'kind_2', 'kind_3']);
  });

  it('expires sessions idle for 30 minutes and tells the listeners', async () => {
    await sut.dataSource.query(`UPDATE user_sessions SET last_activity_at = now() - interval '31 minutes' WHERE user_id = $1 AND session_type = 'kind_1'`, [userId]);
    const seen: string[] = [];
    const job = sut.app.get(SessionExpiryJob);
    sut.app.get(SessionsService).onEnded(async (ended) => void seen.push(...ended.map((s) => s.sessionType)));
    expect(await job.run()).toBe(1);
    expect(seen).toEqual(['kind_1']);
    expect((await statuses()).filter((s) => s === 'active')).toHaveLength(2);
  });

  it('/cancel ends the active conversations', async () => {
    expect(await say(standIn, user, '/cancel')).toContain('Stopped');
    expect((await statuses()).filter((s) => s === 'active')).toHaveLength(0);
  });

  it('records last activity without a write per update', async () => {
    const tracker = sut.app.get(ActivityTracker);
    await tracker.flush();
    await sut.dataSource.query(`UPDATE users SET last_active_at = '2020-01-01' WHERE id = $1`, [userId]);
    await say(standIn, user, '/help');
    const [before] = await sut.dataSource.query(`SELECT last_active_at FROM users WHERE id = $1`, [userId]);
    expect(before.last_active_at.toISOString()).toBe('2020-01-01T00:00:00.000Z');
    await tracker.flush();
    const [after] = await sut.dataSource.query(`SELECT last_active_at FROM users WHERE id = $1`, [userId]);
    expect(Date.now() - after.last_active_at.getTime()).toBeLessThan(60_000);
  });
});
