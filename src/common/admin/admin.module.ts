import { Global, Module } from '@nestjs/common';
import { ThrottlerModule, ThrottlerStorageService } from '@nestjs/throttler';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { AppConfig } from 'src/config/app-config';
import { AdminAuthGuard } from './admin-auth.guard';
import { AdminThrottlerGuard } from './admin-throttler.guard';
import { AdminTokens } from './admin-tokens';
import { AuthFailures } from './auth-failures';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const REQUESTS_PER_MINUTE = 600;

@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [REDIS_CLIENT],
      useFactory: (redis: RedisClient | null) => ({
        // Named `default` so that the 429 carries a plain `Retry-After` (other names suffix the header).
        throttlers: [{ name: 'default', ttl: 60_000, limit: REQUESTS_PER_MINUTE }],
        storage: redis ? new RedisThrottlerStorage(redis) : new ThrottlerStorageService(),
      }),
    }),
  ],
  providers: [
    { provide: AdminTokens, inject: [AppConfig], useFactory: AdminTokens.fromConfig },
    { provide: AuthFailures, useFactory: () => new AuthFailures() },
    AdminAuthGuard,
    AdminThrottlerGuard,
  ],
  exports: [AdminTokens, AuthFailures, AdminAuthGuard, AdminThrottlerGuard],
})
export class AdminModule {}
