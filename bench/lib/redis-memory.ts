/** Redis memory of the bench's database: bytes in use, keys by prefix, and a sample key's size per prefix. */
import { createClient } from '@redis/client';

export interface RedisMemory {
  usedBytes: number;
  keys: number;
  /** Keys by the text before their first ':' (update, user_data, lock…), with one sample key's MEMORY USAGE. */
  byPrefix: Record<string, { keys: number; sampleBytes: number | null; ttlSeconds: number | null }>;
}

export async function redisMemory(redisUrl: string, db: number): Promise<RedisMemory> {
  const client = createClient({ url: redisUrl, database: db });
  await client.connect();
  try {
    const info = await client.info('memory');
    const usedBytes = Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
    const byPrefix: RedisMemory['byPrefix'] = {};
    const samples: Record<string, string> = {};
    let keys = 0;
    for await (const batch of client.scanIterator({ COUNT: 1000 })) {
      for (const key of Array.isArray(batch) ? batch : [batch]) {
        keys++;
        const prefix = String(key).split(':')[0];
        byPrefix[prefix] ??= { keys: 0, sampleBytes: null, ttlSeconds: null };
        byPrefix[prefix].keys++;
        samples[prefix] ??= String(key);
      }
    }
    for (const [prefix, key] of Object.entries(samples)) {
      byPrefix[prefix].sampleBytes = (await client.memoryUsage(key)) ?? null;
      const ttl = await client.ttl(key);
      byPrefix[prefix].ttlSeconds = ttl >= 0 ? ttl : null;
    }
    return { usedBytes, keys, byPrefix };
  } finally {
    await client.quit().catch(() => undefined);
  }
}

/** Updates the app handled so far, from its /metrics (`tarot_updates_total`, every type and outcome). */
export function updatesHandled(metricsText: string): number {
  return metricsText
    .split('\n')
    .filter((line) => line.startsWith('tarot_updates_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}
