import { Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { RedisClient } from 'src/cache/redis.provider';

/** Fixed-window counters for the REST throttle, shared by every instance through Redis. */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly redis: RedisClient) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, name: string): Promise<ThrottlerStorageRecord> {
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
