import { CacheModule as NestCacheModule } from '@nestjs/cache-manager';
import { Global, Module } from '@nestjs/common';
import KeyvRedis from '@keyv/redis';
import { Keyv } from 'keyv';
import { AppConfig } from 'src/config/app-config';
import { RedisModule } from 'src/redis/redis.module';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { AppCacheService } from './app-cache.service';
import { CacheController } from './cache.controller';
import { CACHE_NAMESPACE } from './cache-namespace';

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
  exports: [AppCacheService],
})
export class CacheModule {}
