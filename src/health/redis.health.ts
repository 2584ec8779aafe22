import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient | null,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key = 'redis'): Promise<HealthIndicatorResult> {
    const check = this.indicator.check(key);
    if (!this.redis) return check.up({ store: 'memory' });
    try {
      await this.redis.ping();
      return check.up({ store: 'redis' });
    } catch (error) {
      return check.down({ store: 'redis', error: (error as Error).message });
    }
  }
}
