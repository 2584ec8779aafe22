import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { InitialSchema1796000000000 } from '../../migrations/1796000000000-InitialSchema';
import { AppDataSource } from 'src/database/app-data-source';
import { dataSourceOptions } from 'src/database/data-source-options';
import { snapshotSchema } from '../support/schema-snapshot';
import { adminQuery, databaseUrl, TEST_DATABASE_PREFIX, TEST_DATABASE_URL } from '../support/services';
import { postgresAvailable } from '../support/test-environment';

const SEED = resolve(__dirname, '..', '..', '..', 'shared', 'seed', 'data-management.md');

function seedSql(): string[] {
  const markdown = readFileSync(SEED, 'utf8');
  return [...markdown.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]);
}

async function freshDatabase(name: string): Promise<string> {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  return databaseUrl(name);
}

const worker = process.env.JEST_WORKER_ID ?? '1';

describe('the schema', () => {
  if (!postgresAvailable()) {
    it('needs PostgreSQL to compare schemas (skipped: PostgreSQL not reachable)', () => {
      expect(process.env.REQUIRE_SERVICES).not.toBe('1');
    });
    return;
  }

  it('after the first migration equals the seed SQL applied to a scratch database', async () => {
    const seedUrl = await freshDatabase(`${TEST_DATABASE_PREFIX}seed_w${worker}`);
    const seedClient = new Client({ connectionString: seedUrl });
    await seedClient.connect();
    for (const statement of seedSql()) await seedClient.query(statement);
    await seedClient.end();

    const migratedUrl = await freshDatabase(`${TEST_DATABASE_PREFIX}first_w${worker}`);
    const dataSource = new DataSource({ type: 'postgres', url: migratedUrl });
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    await new InitialSchema1796000000000().up(runner);
    await runner.release();
    await dataSource.destroy();

    const [seed, migrated] = await Promise.all([snapshotSchema(seedUrl), snapshotSchema(migratedUrl)]);
    expect(seedSql()).toHaveLength(5);
    expect(migrated.columns).toHaveLength(47);
    expect(migrated).toEqual(seed);
  });

  it('migrates all the way up, all the way down, and up again', async () => {
    const url = await freshDatabase(`${TEST_DATABASE_PREFIX}updown_w${worker}`);
    const dataSource = new AppDataSource(dataSourceOptions({ url, poolSize: 1 }));
    await dataSource.initialize();
    try {
      const applied = await dataSource.migrate();
      expect(applied.length).toBe(dataSource.migrations.length);
      expect(await dataSource.migrate()).toEqual([]);
      for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const tables = await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(tables).toEqual([]);
      expect(await dataSource.migrate()).toEqual(applied);
    } finally {
      await dataSource.destroy();
    }
  });

  it('refuses a negative balance at the database level', async () => {
    const client = new Client({ connectionString: TEST_DATABASE_URL.replace(/\/[^/]*$/, `/${TEST_DATABASE_PREFIX}updown_w${worker}`) });
    await client.connect();
    try {
      await expect(client.query(`INSERT INTO users (telegram_id, credits) VALUES (1, -1)`)).rejects.toThrow(
        /credits_non_negative/,
      );
    } finally {
      await client.end();
    }
  });
});
