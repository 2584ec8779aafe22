import 'src/config/force-utc';
import { createClient } from '@keyv/redis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppDataSource } from 'src/database/app-data-source';
import { dataSourceOptions } from 'src/database/data-source-options';
import { describeNeeding } from './needs-services';
import { adminQuery, connectClient, databaseUrl, TEST_DATABASE_URL, TEST_REDIS_URL } from './services';
import { TestEnvironment } from './test-environment';

/**
 * The Redis databases fault specs take turns on, highest first: e2e workers use `workerId % 16`
 * (low numbers first) and the benchmark uses 15. Update ids restart at the same number in every
 * stand-in, so two specs sharing a Redis database would take each other's updates for
 * redeliveries: each spec leases one database for itself (a key set only if absent, renewed
 * while it runs), which also keeps two runs of the suite at the same time apart.
 */
const REDIS_POOL = [14, 13, 12, 11, 10, 9, 8, 7];
const LEASE_KEY = 'tarot-faults:lease';
const LEASE_SECONDS = 120;
const DATABASE_PREFIX = 'tarot_faults_';

export interface FaultEnvironment extends TestEnvironment {
  databaseUrl: string;
  redisUrl: string;
  databaseName: string;
  /** A direct connection of the test's own (not the app's): checks, and the faults themselves. */
  sql: Client;
  /** Drops the database and the data directory, and gives the Redis database back. */
  dispose(): Promise<void>;
}

/** A fault spec's `describe`: without PostgreSQL or Redis it holds one skip report instead (needs-services.ts). */
export function describeFault(title: string, body: () => void): void {
  describeNeeding(['PostgreSQL', 'Redis'], title, body);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Databases of fault runs whose process is gone (a run killed before its afterAll). */
async function dropLeftovers(): Promise<void> {
  const client = await connectClient(TEST_DATABASE_URL);
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'tarot\\_faults\\_%'`);
    for (const { datname } of rows) {
      const pid = Number(/_p(\d+)$/.exec(datname)?.[1]);
      if (pid && !alive(pid)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

type RedisClient = ReturnType<typeof createClient>;

/** Leases the first free Redis database of the pool and flushes it; the lease is renewed until released. */
async function leaseRedisDatabase(owner: string): Promise<{ url: string; release: () => Promise<void> }> {
  for (const db of REDIS_POOL) {
    const url = new URL(TEST_REDIS_URL);
    url.pathname = `/${db}`;
    const client: RedisClient = createClient({ url: url.toString() });
    await client.connect();
    if ((await client.set(LEASE_KEY, owner, { NX: true, EX: LEASE_SECONDS })) !== 'OK') {
      await client.close();
      continue;
    }
    for (const key of await client.keys('*')) if (key !== LEASE_KEY) await client.del(key);
    const renew = setInterval(() => void client.expire(LEASE_KEY, LEASE_SECONDS).catch(() => undefined), 20_000);
    renew.unref();
    return {
      url: url.toString(),
      release: async () => {
        clearInterval(renew);
        if ((await client.get(LEASE_KEY).catch(() => null)) === owner) await client.flushDb().catch(() => undefined);
        await client.close().catch(() => undefined);
      },
    };
  }
  throw new Error(`every Redis database of ${REDIS_POOL.join(', ')} is leased by another fault run (key ${LEASE_KEY})`);
}

/**
 * A database and a Redis database of the spec's own, migrated from scratch. Fault specs do not
 * clone the shared e2e template: they kill connections, restart processes and run long, and
 * must not depend on (or disturb) another run's template or `tarot_test_*` databases. The
 * names carry the process id, so two runs of the suite at once do not drop each other's.
 */
export async function prepareFaultEnvironment(name: string): Promise<FaultEnvironment> {
  await dropLeftovers();
  const databaseName = `${DATABASE_PREFIX}${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_p${process.pid}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${databaseName}`);
  const url = databaseUrl(databaseName);
  const migrator = new AppDataSource(dataSourceOptions({ url, poolSize: 1 }));
  await migrator.initialize();
  try {
    await migrator.migrate();
  } finally {
    await migrator.destroy();
  }

  const redis = await leaseRedisDatabase(`${databaseName}@${process.pid}`);
  const sql = new Client({ connectionString: url, options: '-c TimeZone=UTC' });
  await sql.connect();
  // The test's own connection survives the app's connections being killed; never let an error on it crash the run.
  sql.on('error', () => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), `tarot-faults-${name}-`));
  return {
    databaseUrl: url,
    redisUrl: redis.url,
    dataDir,
    databaseName,
    sql,
    dispose: async () => {
      await sql.end().catch(() => undefined);
      await adminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch(() => undefined);
      await redis.release();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
