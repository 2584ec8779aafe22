import { Injectable, Logger } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { RedisBreaker } from 'src/redis/redis-breaker';
import { RedisClient } from 'src/redis/redis.provider';

/**
 * Fixed-window counters for the REST throttle, shared by every instance through Redis. While
 * Redis fails (or its breaker is open) the counts live in this process's memory, as the cache
 * does: the REST API keeps answering, throttled per instance until Redis is back.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('Throttle');
  private fallingBack = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly memory: ThrottlerStorage = new ThrottlerStorageService(),
    private readonly breaker = new RedisBreaker(),
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, name: string): Promise<ThrottlerStorageRecord> {
    if (!this.breaker.open) {
      try {
        const record = await this.incrementInRedis(key, ttl, limit, blockDuration, name);
        this.breaker.success();
        if (this.fallingBack) this.logger.log('Redis is back: the REST throttle counts there again');
        this.fallingBack = false;
        return record;
      } catch (error) {
        this.breaker.failure();
        if (!this.fallingBack) this.logger.warn(`Redis unavailable (${(error as Error).message}): the REST throttle counts in memory`);
        this.fallingBack = true;
      }
    }
    return this.memory.increment(key, ttl, limit, blockDuration, name);
  }

  private async incrementInRedis(key: string, ttl: number, limit: number, blockDuration: number, name: string): Promise<ThrottlerStorageRecord> {
    const redisKey = `throttle:${name}:${key}`;
    const [hits, , remaining] = (await this.redis
      .multi()
      .incr(redisKey)
      .pExpire(redisKey, ttl, 'NX')
      .pTTL(redisKey)
      .exec()) as unknown as [number, number, number];
    const isBlocked = hits > limit;
    const timeToExpire = Math.max(0, Math.ceil(remaining / 1000));
    return { totalHits: hits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? Math.max(timeToExpire, Math.ceil(blockDuration / 1000)) : 0 };
  }
}
