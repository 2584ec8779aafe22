import 'src/config/force-utc';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from 'src/config/app-config';
import { validateEnvironment } from 'src/config/environment';
import { dataSourceOptions } from './data-source-options';

/**
 * The DataSource the TypeORM CLI uses (`npm run migration:generate`). It needs DATABASE_URL;
 * `npm run migration:run` and `migration:revert` also work on the embedded database.
 */
const config = new AppConfig(validateEnvironment(process.env));
if (!config.database.url) throw new Error('DATABASE_URL must be set to generate migrations');
export default new DataSource({
  ...dataSourceOptions({ url: config.database.url, poolSize: 1 }),
  // The CLI compares every module's entities with the schema; the app loads them through its modules.
  entities: [join(__dirname, '..', '**', '*.entity.{ts,js}')],
});
