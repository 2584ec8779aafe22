import { Client } from 'pg';
import { AppDataSource } from 'src/database/app-data-source';
import { dataSourceOptions } from 'src/database/data-source-options';
import { TightenSeedSchema1796000000013 } from '../../migrations/1796000000013-TightenSeedSchema';
import { adminQuery, databaseUrl, TEST_DATABASE_PREFIX } from '../support/services';
import { describeNeeding } from '../support/needs-services';

const TIGHTENING = new TightenSeedSchema1796000000013().name;
const worker = process.env.JEST_WORKER_ID ?? '1';

describeNeeding(['PostgreSQL'], 'the tightened schema (migration TightenSeedSchema)', () => {
  let dataSource: AppDataSource;
  let sql: Client;

  const applied = async (): Promise<string[]> => (await sql.query(`SELECT name FROM migrations ORDER BY id`)).rows.map((r) => r.name);
  /** Undoes migrations, newest first, until the tightening is no longer applied. */
  const undoTightening = async () => {
    while ((await applied()).includes(TIGHTENING)) await dataSource.undoLastMigration({ transaction: 'each' });
  };
  const refusal = async (statement: string): Promise<string> => {
    try {
      await sql.query(statement);
    } catch (error) {
      return (error as Error).message;
    }
    return 'accepted';
  };

  beforeAll(async () => {
    const name = `${TEST_DATABASE_PREFIX}tighten_w${worker}`;
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${name}`);
    dataSource = new AppDataSource(dataSourceOptions({ url: databaseUrl(name), poolSize: 1 }));
    await dataSource.initialize();
    await dataSource.migrate();
    sql = new Client({ connectionString: databaseUrl(name) });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await dataSource?.destroy();
  });

  it('moves welcome credits to bonus and operator changes to adjustment, and back down', async () => {
    await undoTightening();
    const [{ id: userId }] = (await sql.query(`INSERT INTO users (telegram_id, credits) VALUES (13001, 62) RETURNING id`)).rows;
    await sql.query(
      `INSERT INTO transactions (user_id, amount, type, status, payment_provider, metadata) VALUES
         ($1, 5, 'purchase', 'completed', 'promo', '{"reason":"welcome"}'),
         ($1, 10, 'purchase', 'completed', 'operator', '{"kind":"grant"}'),
         ($1, -3, 'purchase', 'completed', 'operator', '{"kind":"deduction"}'),
         ($1, 50, 'purchase', 'completed', 'telegram_stars', '{"package":"credits_50"}')`,
      [userId],
    );
    const types = async () =>
      (await sql.query(`SELECT type, amount FROM transactions WHERE user_id = $1 ORDER BY id`, [userId])).rows.map((r) => `${r.type} ${r.amount}`);

    await dataSource.migrate();
    expect(await types()).toEqual(['bonus 5', 'adjustment 10', 'adjustment -3', 'purchase 50']);

    await undoTightening();
    expect(await types()).toEqual(['purchase 5', 'purchase 10', 'purchase -3', 'purchase 50']);
    await dataSource.migrate();
    expect(await types()).toEqual(['bonus 5', 'adjustment 10', 'adjustment -3', 'purchase 50']);
  });

  it('refuses the rows the seed accepted, each by its own rule', async () => {
    const [{ id: userId }] = (await sql.query(`INSERT INTO users (telegram_id) VALUES (13002) RETURNING id`)).rows;
    const bad: [string, RegExp][] = [
      [`INSERT INTO users (telegram_id, status) VALUES (13003, NULL)`, /"status".*not-null/],
      [`INSERT INTO users (telegram_id, credits) VALUES (13004, NULL)`, /"credits".*not-null/],
      [`INSERT INTO transactions (user_id, amount, type) VALUES (NULL, 1, 'purchase')`, /"user_id".*not-null/],
      [`INSERT INTO transactions (user_id, amount, type, status) VALUES (${userId}, 1, 'purchase', NULL)`, /"status".*not-null/],
      [`INSERT INTO transactions (user_id, amount, type) VALUES (${userId}, -999, 'purchase')`, /amount_sign_matches_type/],
      [`INSERT INTO transactions (user_id, amount, type) VALUES (${userId}, 12, 'reading_cost')`, /amount_sign_matches_type/],
      [`INSERT INTO transactions (user_id, amount, type) VALUES (${userId}, 5, 'refund')`, /amount_sign_matches_type/],
      [`INSERT INTO transactions (user_id, amount, type) VALUES (${userId}, 0, 'adjustment')`, /amount_sign_matches_type/],
      [`INSERT INTO transactions (user_id, amount, type) VALUES (${userId}, 5, 'gift')`, /valid_type/],
      [`INSERT INTO readings (user_id, spread_type, cards, interpretation) VALUES (${userId}, 'single', '"not an array"', '')`, /cards_is_array/],
      [`INSERT INTO readings (user_id, spread_type, cards, interpretation) VALUES (NULL, 'single', '[]', '')`, /"user_id".*not-null/],
      [`INSERT INTO readings (user_id, spread_type, cards, interpretation, status) VALUES (${userId}, 'single', '[]', '', NULL)`, /"status".*not-null/],
      [`INSERT INTO user_sessions (user_id) VALUES (NULL)`, /"user_id".*not-null/],
      [`INSERT INTO user_sessions (user_id, status) VALUES (${userId}, NULL)`, /"status".*not-null/],
      [`INSERT INTO rate_limits (user_id, endpoint) VALUES (NULL, 'message:1m')`, /"user_id".*not-null/],
      [`INSERT INTO rate_limits (user_id, endpoint, window_start) VALUES (${userId}, 'message:1m', NULL)`, /"window_start".*not-null/],
    ];
    for (const [statement, rule] of bad) expect(`${statement} → ${await refusal(statement)}`).toMatch(rule);

    const good = [
      `INSERT INTO transactions (user_id, amount, type, payment_provider) VALUES (${userId}, 5, 'bonus', 'promo')`,
      `INSERT INTO transactions (user_id, amount, type, payment_provider) VALUES (${userId}, -5, 'adjustment', 'operator')`,
      `INSERT INTO transactions (user_id, amount, type) VALUES (${userId}, 0, 'refund')`,
      `INSERT INTO transactions (user_id, amount, type) VALUES (${userId}, 0, 'subscription')`,
      `INSERT INTO readings (user_id, spread_type, cards, interpretation) VALUES (${userId}, 'single', '[]', '')`,
    ];
    for (const statement of good) expect(`${statement} → ${await refusal(statement)}`).toMatch(/accepted$/);
    const index = await sql.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'user_sessions_user_idx'`);
    expect(index.rows[0]?.indexdef).toMatch(/ON public\.user_sessions USING btree \(user_id\)$/);
  });

  it('stops, naming the rows, when existing rows break a new rule; then migrates once they are fixed', async () => {
    await undoTightening();
    const [{ id: userId }] = (await sql.query(`INSERT INTO users (telegram_id) VALUES (13005) RETURNING id`)).rows;
    const [{ id: forged }] = (
      await sql.query(`INSERT INTO transactions (user_id, amount, type, status) VALUES ($1, -12, 'purchase', 'completed') RETURNING id`, [userId])
    ).rows;
    await sql.query(`INSERT INTO rate_limits (user_id, endpoint) VALUES (NULL, 'message:1m'), (NULL, 'message:1m')`);

    // TypeORM prints the failed migration itself; the assertion below is what matters here.
    const printed = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await expect(dataSource.migrate().finally(() => printed.mockRestore())).rejects.toThrow(
      new RegExp(`rate_limits\\.user_id is NULL[\\s\\S]*amount has the wrong sign for its type: first ids ${forged}\\b`),
    );
    expect(await applied()).not.toContain(TIGHTENING);

    await sql.query(`DELETE FROM transactions WHERE id = $1`, [forged]);
    await sql.query(`DELETE FROM rate_limits WHERE user_id IS NULL`);
    await dataSource.migrate();
    expect(await applied()).toContain(TIGHTENING);
  });
});
