import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cache } from 'cache-manager';
import { MetricsService } from 'src/metrics/metrics.service';
import { CACHE_NAMESPACE, CACHE_TYPES, CacheType } from './cache-types';
import { REDIS_CLIENT, RedisClient } from './redis.provider';

const SCAN_PAGE = 500;

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
  readonly counters: Record<CacheType, CacheCounters> = {
    user_data: { hits: 0, misses: 0, errors: 0, oversize: 0 },
    reading_history: { hits: 0, misses: 0, errors: 0, oversize: 0 },
    card_data: { hits: 0, misses: 0, errors: 0, oversize: 0 },
  };

  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient | null,
    private readonly metrics: MetricsService,
  ) {}

  static key(type: CacheType, id: string): string {
    return `${type}:${id}`;
  }

  /** The key as the store writes it in Redis (Keyv adds its namespace twice). */
  static storeKey(key: string): string {
    return `${CACHE_NAMESPACE}::${CACHE_NAMESPACE}:${key}`;
  }

  async getOrSet<T>(type: CacheType, id: string, getter: () => Promise<T>): Promise<T> {
    const key = AppCacheService.key(type, id);
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const work = this.readThrough(type, key, getter).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  async set<T>(type: CacheType, id: string, value: T): Promise<void> {
    await this.store(type, AppCacheService.key(type, id), value);
  }

  async delete(type: CacheType, id: string): Promise<void> {
    const key = AppCacheService.key(type, id);
    this.inFlight.delete(key);
    try {
      await this.cache.del(key);
    } catch (error) {
      this.counters[type].errors++;
      this.logger.warn(`Cache delete of ${key} failed: ${(error as Error).message}`);
    }
  }

  /** Deletes every key matching a glob pattern (`user_data:*`) with SCAN, never KEYS. */
  async invalidate(pattern: string): Promise<number> {
    if (!this.redis) return this.invalidateInMemory(pattern);
    let deleted = 0;
    for await (const keys of this.redis.scanIterator({ MATCH: AppCacheService.storeKey(pattern), COUNT: SCAN_PAGE })) {
      if (keys.length > 0) deleted += await this.redis.unlink(keys);
    }
    return deleted;
  }

  private async readThrough<T>(type: CacheType, key: string, getter: () => Promise<T>): Promise<T> {
    try {
      const cached = await this.cache.get<T>(key);
      // Only `undefined` is a miss: 0, "", false and null are values the getter once returned.
      if (cached !== undefined) {
        this.counters[type].hits++;
        this.metrics.cache.inc({ type, result: 'hit' });
        return cached;
      }
    } catch (error) {
      this.counters[type].errors++;
      this.logger.warn(`Cache read of ${key} failed, reading the source: ${(error as Error).message}`);
    }
    this.counters[type].misses++;
    this.metrics.cache.inc({ type, result: 'miss' });
    const value = await getter();
    await this.store(type, key, value);
    return value;
  }

  private async store<T>(type: CacheType, key: string, value: T): Promise<void> {
    const { ttlSeconds, maxBytes } = CACHE_TYPES[type];
    const size = Buffer.byteLength(JSON.stringify(value) ?? '');
    if (size > maxBytes) {
      this.counters[type].oversize++;
      this.logger.warn(`Not caching ${key}: ${size} bytes is over the ${type} limit of ${maxBytes}`);
      return;
    }
    try {
      await this.cache.set(key, value, ttlSeconds * 1000);
    } catch (error) {
      this.counters[type].errors++;
      this.logger.warn(`Cache write of ${key} failed: ${(error as Error).message}`);
    }
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
