/** PostgreSQL, Redis and port helpers for the benchmark (no dependency beyond `pg`). */
import { createServer, Socket } from 'node:net';
import { Client } from 'pg';

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Drops (closing its connections) and creates the database `name`. */
export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Runs Redis commands (RESP over a plain socket) and returns the raw replies, failing on an error reply. */
export function redisCommands(redisUrl: string, commands: string[][], timeoutMs = 5000): Promise<string> {
  const url = new URL(redisUrl);
  const encode = (args: string[]) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let reply = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`Redis at ${url.host} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      const lines = reply.split('\r\n').filter(Boolean);
      if (lines.length < commands.length) return;
      clearTimeout(timer);
      socket.end();
      const failed = lines.find((line) => line.startsWith('-'));
      if (failed) reject(new Error(`Redis: ${failed.slice(1)}`));
      else resolve(reply);
    });
    socket.connect(Number(url.port || 6379), url.hostname, () => socket.write(commands.map(encode).join('')));
  });
}

/** Empties one Redis database. */
export async function flushRedisDb(redisUrl: string, db: number): Promise<void> {
  await redisCommands(redisUrl, [['SELECT', String(db)], ['FLUSHDB']]);
}

/** The number of keys in one Redis database. */
export async function redisKeyCount(redisUrl: string, db: number): Promise<number> {
  const reply = await redisCommands(redisUrl, [['SELECT', String(db)], ['DBSIZE']]);
  return Number(/:(\d+)/.exec(reply)?.[1] ?? NaN);
}
