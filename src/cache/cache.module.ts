import { CacheModule as NestCacheModule } from '@nestjs/cache-manager';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import KeyvRedis from '@keyv/redis';
import { Keyv } from 'keyv';
import { AppConfig } from 'src/config/app-config';
import { AppCacheService } from './app-cache.service';
import { CacheController } from './cache.controller';
import { CACHE_NAMESPACE } from './cache-types';
import { REDIS_CLIENT, RedisClient, redisClientProvider } from './redis.provider';

@Global()
@Module({
  providers: [redisClientProvider],
  exports: [redisClientProvider],
})
class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient | null) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis?.isOpen) await this.redis.close();
  }
}

@Global()
@Module({
  imports: [
    RedisModule,
    NestCacheModule.registerAsync({
      inject: [REDIS_CLIENT, AppConfig],
      useFactory: (redis: RedisClient | null, config: AppConfig) => ({
        ttl: config.cache.defaultTtlSeconds * 1000,
        stores: [
          redis
            ? new Keyv({ store: new KeyvRedis(redis, { namespace: CACHE_NAMESPACE }), namespace: CACHE_NAMESPACE })
            : new Keyv({ namespace: CACHE_NAMESPACE }),
        ],
      }),
    }),
  ],
  controllers: [CacheController],
  providers: [AppCacheService],
  exports: [AppCacheService, RedisModule],
})
export class CacheModule {}
