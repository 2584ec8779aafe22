import { createClient } from '@keyv/redis';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminQuery, databaseUrl, TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, TEST_REDIS_URL } from './services';

export const postgresAvailable = (): boolean => process.env.TEST_POSTGRES_AVAILABLE === '1';
export const redisAvailable = (): boolean => process.env.TEST_REDIS_AVAILABLE === '1';

export interface TestEnvironment {
  /** The worker's own database, fresh from the migrated template; undefined on embedded PGlite. */
  databaseUrl?: string;
  /** A temporary data directory (embedded database, admin token). */
  dataDir: string;
  /** The worker's own Redis database number, flushed; undefined when Redis is not reachable. */
  redisUrl?: string;
}

function workerId(): number {
  return Number(process.env.JEST_WORKER_ID ?? '1');
}

/** A clean database and Redis for one spec file: each worker clones the template and flushes its Redis db. */
export async function prepareTestEnvironment(): Promise<TestEnvironment> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tarot-test-'));
  const environment: TestEnvironment = { dataDir };
  if (postgresAvailable()) {
    const name = `${TEST_DATABASE_PREFIX}w${workerId()}`;
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
    environment.databaseUrl = databaseUrl(name);
  }
  if (redisAvailable()) {
    const url = new URL(TEST_REDIS_URL);
    url.pathname = `/${workerId() % 16}`;
    environment.redisUrl = url.toString();
    const client = createClient({ url: environment.redisUrl });
    await client.connect();
    await client.flushDb();
    await client.close();
  }
  return environment;
}
