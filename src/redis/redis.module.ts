import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { REDIS_CLIENT, RedisClient, redisClientProvider } from './redis.provider';

/** The one Redis connection, for the cache, the update gate, locks and throttling; closed at shutdown. */
@Global()
@Module({
  providers: [redisClientProvider],
  exports: [redisClientProvider],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient | null) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis?.isOpen) await this.redis.close();
  }
}
