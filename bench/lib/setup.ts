/** What a bench that runs the app as deployed sets up first, and undoes at the end. */
import { DEFAULT_BOT_API_SPEC } from 'src/bot-api-stand-in/bot-api-spec';
import { benchCatalog } from './app-env';
import { type Cleanup, log, ROOT } from './log';
import type { Options } from './options';
import { databaseUrl, dropDatabase, flushRedisDb, recreateDatabase } from './services';
import { StandInClient } from './stand-in-client';

/**
 * A fresh `opts.database` (dropped afterwards unless --keep-db), Redis db `opts.redisDb` flushed
 * (and again afterwards), the Bot API stand-in, and the bench catalogue.
 */
export async function setUpServices(opts: Options, cleanup: Cleanup): Promise<{ dbUrl: string; redisUrl: string; standIn: StandInClient; catalogPath: string }> {
  const dbUrl = databaseUrl(opts.adminDatabaseUrl, opts.database);
  const redisUrl = `${opts.redisUrl.replace(/\/\d*$/, '')}/${opts.redisDb}`;
  await recreateDatabase(opts.adminDatabaseUrl, opts.database);
  if (!opts.keepDb) cleanup.add(`drop ${opts.database}`, () => dropDatabase(opts.adminDatabaseUrl, opts.database));
  await flushRedisDb(opts.redisUrl, opts.redisDb);
  cleanup.add('flush the bench Redis database', () => flushRedisDb(opts.redisUrl, opts.redisDb));
  const standIn = await StandInClient.start(ROOT, DEFAULT_BOT_API_SPEC, log);
  cleanup.add('stop the stand-in', () => standIn.stop());
  process.once('exit', () => standIn.kill());
  return { dbUrl, redisUrl, standIn, catalogPath: benchCatalog(cleanup) };
}
