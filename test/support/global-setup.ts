import 'src/config/force-utc';
import { AppDataSource } from 'src/database/app-data-source';
import { dataSourceOptions } from 'src/database/data-source-options';
import {
  adminQuery,
  databaseUrl,
  postgresReachable,
  redisReachable,
  REQUIRE_SERVICES,
  TEMPLATE_DATABASE,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
} from './services';

/**
 * Once per run: a template database with every migration applied, which each test file clones.
 * Without PostgreSQL the specs fall back to embedded PGlite; with REQUIRE_SERVICES=1 (CI) a
 * missing service fails the run instead.
 */
export default async function globalSetup(): Promise<void> {
  const [postgres, redis] = await Promise.all([postgresReachable(), redisReachable()]);
  if (REQUIRE_SERVICES && (!postgres || !redis)) {
    throw new Error(
      `REQUIRE_SERVICES=1 but ${!postgres ? `PostgreSQL is not reachable at ${TEST_DATABASE_URL}` : ''}` +
        `${!postgres && !redis ? ' and ' : ''}${!redis ? `Redis is not reachable at ${TEST_REDIS_URL}` : ''}`,
    );
  }
  process.env.TEST_POSTGRES_AVAILABLE = postgres ? '1' : '0';
  process.env.TEST_REDIS_AVAILABLE = redis ? '1' : '0';
  if (!postgres) {
    process.stdout.write(`\nPostgreSQL not reachable at ${TEST_DATABASE_URL}: end-to-end specs use embedded PGlite\n`);
    return;
  }
  await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  const dataSource = new AppDataSource(dataSourceOptions({ url: databaseUrl(TEMPLATE_DATABASE), poolSize: 1 }));
  await dataSource.initialize();
  try {
    await dataSource.migrate();
  } finally {
    await dataSource.destroy();
  }
}
