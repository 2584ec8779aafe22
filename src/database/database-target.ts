import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from 'src/config/app-config';
import { keepPrivate } from 'src/config/private-files';
import { ConnectionTarget } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';

const EXTERNAL_POOL_SIZE = 10;

/** Where the app's database is: the configured PostgreSQL, or an embedded one started here. */
export class DatabaseTarget implements ConnectionTarget {
  private constructor(
    readonly url: string,
    readonly poolSize: number,
    readonly embedded: EmbeddedPostgres | undefined,
    /** PostgreSQL itself, for the migrations, when `url` is a pooler in transaction mode (PgBouncer). */
    readonly migrationUrl?: string,
  ) {}

  static async resolve(config: AppConfig): Promise<DatabaseTarget> {
    if (config.database.url) return new DatabaseTarget(config.database.url, EXTERNAL_POOL_SIZE, undefined, config.database.migrationUrl);
    keepPrivate(config.database.dataDir);
    const dataDir = join(config.database.dataDir, 'pgdata');
    const embedded = await EmbeddedPostgres.start(dataDir);
    new Logger('Database').log(`No DATABASE_URL: using embedded PostgreSQL (PGlite) with data in ${dataDir}`);
    return new DatabaseTarget(embedded.url, 1, embedded);
  }
}
