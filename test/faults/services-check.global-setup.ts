import { postgresReachable, redisReachable, REQUIRE_SERVICES, TEST_DATABASE_URL, TEST_REDIS_URL } from '../support/services';

/**
 * The part of test/support/global-setup.ts the fault specs need: are PostgreSQL and Redis
 * there? They build their own databases, so the shared e2e template is left alone.
 */
export default async function servicesCheck(): Promise<void> {
  const [postgres, redis] = await Promise.all([postgresReachable(), redisReachable()]);
  if (REQUIRE_SERVICES && (!postgres || !redis)) {
    throw new Error(`REQUIRE_SERVICES=1 but PostgreSQL (${TEST_DATABASE_URL}) or Redis (${TEST_REDIS_URL}) is not reachable`);
  }
  process.env.TEST_POSTGRES_AVAILABLE = postgres ? '1' : '0';
  process.env.TEST_REDIS_AVAILABLE = redis ? '1' : '0';
}
