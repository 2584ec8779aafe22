import 'src/config/force-utc';
import { Logger } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { validateEnvironment } from 'src/config/environment';
import { AppDataSource } from './app-data-source';
import { DatabaseTarget } from './database-target';
import { dataSourceOptions } from './data-source-options';

/** `npm run migration:run` / `migration:revert`, on MIGRATION_DATABASE_URL, DATABASE_URL or the embedded database. */
async function main(command: string | undefined): Promise<void> {
  const logger = new Logger('Migrations');
  const target = await DatabaseTarget.resolve(new AppConfig(validateEnvironment(process.env)));
  const url = target.migrationUrl ?? target.url;
  const dataSource = new AppDataSource(dataSourceOptions({ url, poolSize: target.poolSize }), () => target.embedded?.stop() ?? Promise.resolve());
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const applied = await dataSource.migrate();
      logger.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the schema is current');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      logger.log('Reverted the last migration');
    } else {
      throw new Error(`Unknown command "${command}": use run or revert`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: Error) => {
  new Logger('Migrations').error(error.message);
  process.exitCode = 1;
});
