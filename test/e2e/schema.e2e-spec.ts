import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { InitialSchema1796000000000 } from '../../migrations/1796000000000-InitialSchema';
import { AppDataSource } from 'src/database/app-data-source';
import { dataSourceOptions } from 'src/database/data-source-options';
import { snapshotSchema } from '../support/schema-snapshot';
import { describeNeeding } from '../support/needs-services';
import { adminQuery, connectClient, databaseUrl, TEST_DATABASE_PREFIX } from '../support/services';

const SEED_SCHEMA = resolve(__dirname, '..', 'support', 'seed-schema.sql');

/** The seed's CREATE TABLE statements, one by one. */
function seedSql(): string[] {
  const sql = readFileSync(SEED_SCHEMA, 'utf8').replace(/^--.*$/gm, '');
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

async function freshDatabase(name: string): Promise<string> {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  return databaseUrl(name);
}

const worker = process.env.JEST_WORKER_ID ?? '1';
const SEED_DATABASE = `${TEST_DATABASE_PREFIX}seed_w${worker}`;
const FIRST_DATABASE = `${TEST_DATABASE_PREFIX}first_w${worker}`;
const UPDOWN_DATABASE = `${TEST_DATABASE_PREFIX}updown_w${worker}`;

describeNeeding(['PostgreSQL'], 'the schema', () => {
  afterAll(async () => {
    for (const name of [SEED_DATABASE, FIRST_DATABASE, UPDOWN_DATABASE]) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('after the first migration equals the seed SQL applied to a scratch database', async () => {
    const seedUrl = await freshDatabase(SEED_DATABASE);
    const seedClient = await connectClient(seedUrl);
    try {
      for (const statement of seedSql()) await seedClient.query(statement);
    } finally {
      await seedClient.end();
    }

    const migratedUrl = await freshDatabase(FIRST_DATABASE);
    const dataSource = new DataSource({ type: 'postgres', url: migratedUrl });
    await dataSource.initialize();
    try {
      const runner = dataSource.createQueryRunner();
      await new InitialSchema1796000000000().up(runner);
      await runner.release();
    } finally {
      await dataSource.destroy();
    }

    const [seed, migrated] = await Promise.all([snapshotSchema(seedUrl), snapshotSchema(migratedUrl)]);
    expect(seedSql()).toHaveLength(5);
    expect(migrated.columns).toHaveLength(47);
    expect(migrated).toEqual(seed);
  });

  it('migrates all the way up, all the way down, and up again', async () => {
    const url = await freshDatabase(UPDOWN_DATABASE);
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
    const client = await connectClient(databaseUrl(UPDOWN_DATABASE));
    try {
      await expect(client.query(`INSERT INTO users (telegram_id, credits) VALUES (1, -1)`)).rejects.toThrow(
        /credits_non_negative/,
      );
    } finally {
      await client.end();
    }
  });
});
