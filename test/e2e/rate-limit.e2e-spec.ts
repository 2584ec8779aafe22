import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadCatalog } from 'src/catalog/catalog.service';
import { RateLimitCleanupJob } from 'src/rate-limit/rate-limit-cleanup.job';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';
import { eventually } from '../support/eventually';

describe('rate limits', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;

  beforeAll(async () => {
    const catalog = loadCatalog(undefined);
    const file = join(mkdtempSync(join(tmpdir(), 'catalog-')), 'catalog.json');
    writeFileSync(file, JSON.stringify({ ...catalog, limits: { ...catalog.limits, messagesPerMinute: 3 } }));
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn, { CATALOG_PATH: file });
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  it('counts messages in a one-minute window and tells the user once when to come back', async () => {
    const user = { id: 7001, first_name: 'Quick' };
    // Stay inside one minute: the window is the wall-clock minute.
    if (new Date().getUTCSeconds() > 50) await sleep((61 - new Date().getUTCSeconds()) * 1000);
    await say(standIn, user, '/start');
    for (let i = 0; i < 3; i++) expect(await say(standIn, user, '/balance')).toContain('credits');
    expect(await say(standIn, user, '/balance')).toContain('going a little fast');
    for (let i = 0; i < 2; i++) await standIn.sendText(user, '/balance');

    const window = await eventually(async () => {
      const [row] = await sut.dataSource.query(
        `SELECT r.endpoint, r.request_count, r.window_start FROM rate_limits r JOIN users u ON u.id = r.user_id
         WHERE u.telegram_id = $1`,
        [user.id],
      );
      expect(row.request_count).toBe(6);
      return row;
    });
    expect(window.endpoint).toBe('message:1m');
    expect(window.window_start.getUTCSeconds()).toBe(0);
    expect(window.window_start.getUTCMilliseconds()).toBe(0);
    const replies = standIn.calls('sendMessage').filter((c) => Number(c.params.chat_id) === user.id);
    expect(replies.filter((c) => String(c.params.text).includes('going a little fast'))).toHaveLength(1);
    expect(replies).toHaveLength(5);
  }, 30_000);

  it('deletes windows that ended long ago', async () => {
    const [{ id }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = 7001`);
    await sut.dataSource.query(
      `INSERT INTO rate_limits (user_id, endpoint, window_start) VALUES ($1, 'reading:1d', now() - interval '3 days')`,
      [id],
    );
    const deleted = await sut.app.get(RateLimitCleanupJob).run();
    expect(deleted).toBe(1);
    const [{ n }] = await sut.dataSource.query(`SELECT count(*)::int AS n FROM rate_limits WHERE user_id = $1`, [id]);
    expect(n).toBe(1);
  });
});
