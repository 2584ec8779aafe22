import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cache } from 'cache-manager';
import { AppConfig } from 'src/config/app-config';
import { CACHE_TYPES, CacheType } from 'src/config/cache-types';
import { MetricsService } from 'src/metrics/metrics.service';
import { RedisBreaker } from 'src/redis/redis-breaker';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { CACHE_NAMESPACE } from './cache-namespace';
import { CacheStats } from './cache-stats';
import { CacheBatch, CacheWrites } from './cache-batch';

const SCAN_PAGE = 500;
const EVICTION_BATCH = 100;
/** How often writes may look at Redis's memory: never on a read, at most this often on writes. */
const MEMORY_CHECK_EVERY_MS = 10_000;

/** What the cache counted since start, per type. */
export interface CacheCounters {
  hits: number;
  misses: number;
  errors: number;
  oversize: number;
}

/**
 * The seed's cache manager on @nestjs/cache-manager: typed keys, get-or-set with the type's TTL
 * and size limit, single flight, and pattern invalidation through the store's own client.
 * A failing cache never fails the caller: it falls through to the getter.
 */
@Injectable()
export class AppCacheService {
  private readonly logger = new Logger('Cache');
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly breaker = new RedisBreaker();
  private lastMemoryCheck = 0;
  private evicted = 0;
  readonly counters: Record<CacheType, CacheCounters> = {
    user_data: { hits: 0, misses: 0, errors: 0, oversize: 0 },
    reading_history: { hits: 0, misses: 0, errors: 0, oversize: 0 },
    card_data: { hits: 0, misses: 0, errors: 0, oversize: 0 },
  };

  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient | null,
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  static key(type: CacheType, id: string): string {
    return `${type}:${id}`;
  }

  /** The key as the store writes it in Redis (Keyv adds its namespace twice). */
  static storeKey(key: string): string {
    return `${CACHE_NAMESPACE}::${CACHE_NAMESPACE}:${key}`;
  }

  /** The budget of the whole cache in Redis (the seed's max_size_mb). */
  get budgetBytes(): number {
    return this.config.cache.budgetMb * 1024 * 1024;
  }

  async getOrSet<T>(type: CacheType, id: string, getter: () => Promise<T>, known = false): Promise<T> {
    const key = AppCacheService.key(type, id);
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const work = this.readThrough(type, key, getter, known).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  /**
   * The Redis key a value is stored under, for a caller that reads it in a round trip of its own
   * (the update gate reads the user's snapshot with its claim); null without Redis.
   */
  redisKey(type: CacheType, id: string): string | null {
    return this.redis ? AppCacheService.storeKey(AppCacheService.key(type, id)) : null;
  }

  /**
   * getOrSet with the stored value already read (`raw`, as `redisKey` holds it; null when
   * absent): no read of its own, the getter on a miss. `raw` undefined reads as getOrSet does.
   */
  async getOrSetRead<T>(type: CacheType, id: string, raw: string | null | undefined, getter: () => Promise<T>): Promise<T> {
    // A value forgotten in this update since `raw` was read is stale.
    if (raw === undefined || CacheBatch.active?.forgotten(AppCacheService.storeKey(AppCacheService.key(type, id)))) return this.getOrSet(type, id, getter);
    const cached = await this.parse<T>(type, raw);
    if (cached !== undefined) return cached;
    return this.getOrSet(type, id, getter, true);
  }

  /** A value someone `set`; undefined on a miss or when Redis is unavailable. */
  get<T>(type: CacheType, id: string): Promise<T | undefined> {
    return this.read<T>(type, AppCacheService.key(type, id));
  }

  async set<T>(type: CacheType, id: string, value: T): Promise<void> {
    await this.store(type, AppCacheService.key(type, id), value);
  }

  /**
   * Forgets the entry: at once, or with the open CacheBatch of the running code (an update's,
   * which the update gate writes with its last round trip, or `forgetTogether`'s).
   */
  async delete(type: CacheType, id: string): Promise<void> {
    const key = AppCacheService.key(type, id);
    this.inFlight.delete(key);
    const batch = this.redis ? CacheBatch.active : undefined;
    if (batch) return batch.forget(AppCacheService.storeKey(key));
    try {
      await this.cache.del(key);
    } catch (error) {
      this.counters[type].errors++;
      this.logger.warn(`Cache delete of ${key} failed: ${(error as Error).message}`);
    }
  }

  /** Runs `work`, forgetting what it forgets in one round trip at its end (or with the batch it runs in). */
  async forgetTogether<T>(work: () => Promise<T>): Promise<T> {
    if (!this.redis || CacheBatch.active) return work();
    const batch = new CacheBatch();
    try {
      return await batch.run(work);
    } finally {
      await this.writeNow(batch.close());
    }
  }

  /**
   * What a closed batch left, done here when no script did it: its forgets in one command. Its
   * leased values are dropped (their placeholders expire within seconds). Never throws.
   */
  async writeNow(writes: CacheWrites): Promise<void> {
    if (!this.redis || writes.forget.length === 0) return;
    try {
      await this.redis.unlink(writes.forget);
    } catch (error) {
      this.logger.warn(`Cache delete of ${writes.forget.length} keys failed: ${(error as Error).message}`);
    }
  }

  /**
   * What a key leased to `lease` holds until the batch writes it: a value the store reads as
   * expired (a miss), telling one lease from another.
   */
  static leasePlaceholder(lease: string): string {
    return JSON.stringify({ value: null, expires: 1, lease });
  }

  /** Deletes every key matching a glob pattern (`user_data:*`) with SCAN, never KEYS. */
  async invalidate(pattern: string): Promise<number> {
    if (!this.redis) return this.invalidateInMemory(pattern);
    if (!this.redis.isReady) return 0;
    let deleted = 0;
    for await (const keys of this.redis.scanIterator({ MATCH: AppCacheService.storeKey(pattern), COUNT: SCAN_PAGE })) {
      if (keys.length > 0) deleted += await this.redis.unlink(keys);
    }
    return deleted;
  }

  /** `knownMiss`: the caller has just read the key and found nothing, so it is not read again. */
  private async readThrough<T>(type: CacheType, key: string, getter: () => Promise<T>, knownMiss = false): Promise<T> {
    const cached = knownMiss ? undefined : await this.read<T>(type, key);
    if (cached !== undefined) return cached;
    const value = await getter();
    await this.store(type, key, value);
    return value;
  }

  /** The cached value; undefined on a miss or when Redis is unavailable. */
  private async read<T>(type: CacheType, key: string): Promise<T | undefined> {
    // Forgotten in this update, to be deleted at its end: the stored value is stale already.
    const forgotten = CacheBatch.active?.forgotten(AppCacheService.storeKey(key)) ?? false;
    if (!this.breaker.open && !forgotten) {
      try {
        const cached = await this.cache.get<T>(key);
        this.breaker.success();
        // Only `undefined` is a miss: 0, "", false and null are values the getter once returned.
        if (cached !== undefined) {
          this.counters[type].hits++;
          this.metrics.cache.inc({ type, result: 'hit' });
          return cached;
        }
      } catch (error) {
        this.failed(type, `read of ${key}`, error);
      }
    }
    this.counters[type].misses++;
    this.metrics.cache.inc({ type, result: 'miss' });
    return undefined;
  }

  /** A value as the store wrote it in Redis, counted as a hit or a miss; undefined when absent, expired or unreadable. */
  private async parse<T>(type: CacheType, raw: string | null): Promise<T | undefined> {
    let value: T | undefined;
    try {
      const data = raw === null ? undefined : ((await this.cache.stores[0].deserialize!(raw)) as { value?: T; expires?: number } | undefined);
      if (data && !(typeof data.expires === 'number' && data.expires < Date.now())) value = data.value;
    } catch (error) {
      this.logger.warn(`Cache value of type ${type} could not be read: ${(error as Error).message}`);
    }
    this.counters[type][value === undefined ? 'misses' : 'hits']++;
    this.metrics.cache.inc({ type, result: value === undefined ? 'miss' : 'hit' });
    return value;
  }

  private async store<T>(type: CacheType, key: string, value: T): Promise<void> {
    if (this.breaker.open) return;
    const { ttlSeconds, maxBytes } = this.config.cache.types[type];
    const size = Buffer.byteLength(JSON.stringify(value) ?? '');
    if (size > maxBytes) {
      this.counters[type].oversize++;
      this.logger.warn(`Not caching ${key}: ${size} bytes is over the ${type} limit of ${maxBytes}`);
      return;
    }
    try {
      await this.evictIfOverBudget(type);
      if (await this.storeWithBatch(key, value, ttlSeconds * 1000)) return;
      await this.cache.set(key, value, ttlSeconds * 1000);
      this.breaker.success();
    } catch (error) {
      this.failed(type, `write of ${key}`, error);
    }
  }

  /** Leaves the write to the running code's batch when the key is leased to it (written as Keyv writes it); false otherwise. */
  private async storeWithBatch<T>(key: string, value: T, ttlMs: number): Promise<boolean> {
    const batch = this.redis ? CacheBatch.active : undefined;
    const storeKey = AppCacheService.storeKey(key);
    if (!batch?.holdsLease(storeKey)) return false;
    const raw = await this.cache.stores[0].serialize!({ value, expires: Date.now() + ttlMs });
    return batch.storeLater({ key: storeKey, raw, ttlMs });
  }

  private failed(type: CacheType, what: string, error: unknown): void {
    this.counters[type].errors++;
    this.breaker.failure();
    this.logger.warn(`Cache ${what} failed, going to the source: ${(error as Error).message}`);
  }

  /**
   * The seed's LRU eviction: when Redis uses more than the budget, the type being written loses
   * its least recently used keys (largest OBJECT IDLETIME first), a batch at a time. Looked at on
   * writes only, at most every ten seconds.
   */
  async evictIfOverBudget(type: CacheType, force = false): Promise<number> {
    if (!this.redis || (!force && Date.now() - this.lastMemoryCheck < MEMORY_CHECK_EVERY_MS)) return 0;
    this.lastMemoryCheck = Date.now();
    const used = await this.memoryBytes();
    if (used === null || used <= this.budgetBytes) return 0;
    const idle: { key: string; idle: number }[] = [];
    for await (const keys of this.redis.scanIterator({ MATCH: AppCacheService.storeKey(`${type}:*`), COUNT: SCAN_PAGE })) {
      const multi = this.redis.multi();
      for (const key of keys) multi.objectIdleTime(key);
      const times = (await multi.exec()) as unknown as (number | null)[];
      keys.forEach((key, i) => idle.push({ key, idle: Number(times[i] ?? 0) }));
    }
    const oldest = idle.sort((a, b) => b.idle - a.idle).slice(0, EVICTION_BATCH).map((e) => e.key);
    if (oldest.length > 0) await this.redis.unlink(oldest);
    this.evicted += oldest.length;
    this.logger.warn(`Cache over its budget (${used} > ${this.budgetBytes} bytes): evicted ${oldest.length} ${type} keys`);
    return oldest.length;
  }

  async stats(): Promise<CacheStats> {
    const keys = await this.keysPerType();
    const types = Object.fromEntries(
      (Object.keys(CACHE_TYPES) as CacheType[]).map((type) => {
        const c = this.counters[type];
        const total = c.hits + c.misses;
        return [type, { ...c, hitRatio: total ? c.hits / total : null, keys: keys[type] }];
      }),
    ) as CacheStats['types'];
    return {
      store: this.redis ? 'redis' : 'memory',
      available: !this.breaker.open && (this.redis ? this.redis.isReady : true),
      types,
      memoryBytes: await this.memoryBytes(),
      budgetBytes: this.budgetBytes,
      evicted: this.evicted,
    };
  }

  private async memoryBytes(): Promise<number | null> {
    if (!this.redis) return null;
    try {
      const info = await this.redis.info('memory');
      const match = /used_memory:(\d+)/.exec(info);
      return match ? Number(match[1]) : null;
    } catch {
      return null;
    }
  }

  private async keysPerType(): Promise<Record<CacheType, number>> {
    const counts = { user_data: 0, reading_history: 0, card_data: 0 };
    const prefix = AppCacheService.storeKey('');
    try {
      if (this.redis) {
        for await (const keys of this.redis.scanIterator({ MATCH: `${prefix}*`, COUNT: SCAN_PAGE })) {
          for (const key of keys) {
            const type = key.slice(prefix.length).split(':')[0] as CacheType;
            if (type in counts) counts[type]++;
          }
        }
      } else {
        const store = this.cache.stores[0]?.store as Map<string, unknown> | undefined;
        for (const key of store instanceof Map ? store.keys() : []) {
          const type = String(key).slice(CACHE_NAMESPACE.length + 1).split(':')[0] as CacheType;
          if (type in counts) counts[type]++;
        }
      }
    } catch {
      // Stats must answer during an outage too; the counts are then unknown (zero).
    }
    return counts;
  }

  private async invalidateInMemory(pattern: string): Promise<number> {
    const matcher = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    const store = this.cache.stores[0]?.store as Map<string, unknown> | undefined;
    if (!(store instanceof Map)) return 0;
    const prefix = `${CACHE_NAMESPACE}:`;
    let deleted = 0;
    for (const storeKey of [...store.keys()]) {
      const key = storeKey.startsWith(prefix) ? storeKey.slice(prefix.length) : storeKey;
      if (matcher.test(key)) {
        await this.cache.del(key);
        deleted++;
      }
    }
    return deleted;
  }
}
