import { Logger, Provider } from '@nestjs/common';
import { createClient } from '@keyv/redis';
import { AppConfig } from 'src/config/app-config';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
export type RedisClient = ReturnType<typeof createClient>;

const CONNECT_TIMEOUT_MS = 2_000;

/**
 * The one Redis connection of the app (cache store, update de-duplication, locks, throttling),
 * or null when REDIS_URL is absent. Every command has a short timeout and nothing queues while
 * disconnected: a dead Redis fails fast instead of stalling updates.
 */
export const redisClientProvider: Provider = {
  provide: REDIS_CLIENT,
  inject: [AppConfig],
  useFactory: async (config: AppConfig): Promise<RedisClient | null> => {
    const logger = new Logger('Redis');
    if (!config.redis.url) {
      logger.warn('REDIS_URL not set: the cache, update de-duplication and locks live in process memory (one instance only)');
      return null;
    }
    const client = createClient({
      url: config.redis.url,
      disableOfflineQueue: true,
      commandOptions: { timeout: config.redis.commandTimeoutMs },
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5_000),
      },
    });
    let lastError = '';
    client.on('error', (error: Error) => {
      if (error.message !== lastError) logger.warn(`Redis error: ${error.message}`);
      lastError = error.message;
    });
    client.on('ready', () => {
      if (lastError) logger.log('Redis connection restored');
      lastError = '';
    });
    try {
      await client.connect();
    } catch (error) {
      logger.error(`Redis not reachable at start (${(error as Error).message}); retrying in the background`);
    }
    return client as RedisClient;
  },
};

