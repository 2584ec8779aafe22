import { dropDatabasesLike, TEST_DATABASE_PREFIX } from './services';

export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_POSTGRES_AVAILABLE !== '1') return;
  await dropDatabasesLike(TEST_DATABASE_PREFIX);
}
