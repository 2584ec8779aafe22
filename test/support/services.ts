import { Client } from 'pg';
import { createClient } from '@keyv/redis';

/** Where the tests find PostgreSQL and Redis: TEST_DATABASE_URL / TEST_REDIS_URL, else the local servers. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Every database a run of the suite makes starts with this; two runs at once need two prefixes. */
export const TEST_DATABASE_PREFIX = process.env.TEST_DATABASE_PREFIX ?? 'tarot_test_';
export const TEMPLATE_DATABASE = `${TEST_DATABASE_PREFIX}template`;
export const REQUIRE_SERVICES = process.env.REQUIRE_SERVICES === '1';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A connected client that survives the server ending its connection: the global teardown's
 * `DROP DATABASE … WITH (FORCE)` ends every connection a spec still holds, and a client with no
 * 'error' listener turns that into an uncaught exception. A query in flight still rejects.
 */
export async function connectClient(connectionString: string, options: { connectionTimeoutMillis?: number } = {}): Promise<Client> {
  const client = new Client({ connectionString, ...options });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export async function postgresReachable(): Promise<boolean> {
  let client: Client | undefined;
  try {
    client = await connectClient(TEST_DATABASE_URL, { connectionTimeoutMillis: 2000 });
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client?.end().catch(() => undefined);
  }
}

export async function redisReachable(url = TEST_REDIS_URL): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (client.isOpen) await client.close();
  }
}

/** Runs `sql` on the server's maintenance database. */
export async function adminQuery(sql: string): Promise<void> {
  const client = await connectClient(TEST_DATABASE_URL);
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Connections other than this one to databases whose name starts with `prefix`, by database. */
export async function openConnections(prefix: string): Promise<Map<string, number>> {
  const client = await connectClient(TEST_DATABASE_URL);
  try {
    const { rows } = await client.query<{ datname: string; count: number }>(
      `SELECT datname, count(*)::int AS count FROM pg_stat_activity
       WHERE starts_with(datname, $1) AND pid <> pg_backend_pid() GROUP BY datname ORDER BY datname`,
      [prefix],
    );
    return new Map(rows.map((row) => [row.datname, row.count]));
  } finally {
    await client.end();
  }
}

/** Drops every database whose name starts with `prefix`, ending their connections; tries them all before throwing. */
export async function dropDatabasesLike(prefix: string): Promise<void> {
  const client = await connectClient(TEST_DATABASE_URL);
  const failures: string[] = [];
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [
      prefix,
    ]);
    for (const { datname } of rows) {
      await client
        .query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
        .catch((error: Error) => failures.push(`${datname}: ${error.message}`));
    }
  } finally {
    await client.end();
  }
  if (failures.length > 0) throw new Error(`Could not drop ${failures.join('; ')}`);
}
