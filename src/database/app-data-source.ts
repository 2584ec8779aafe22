import { DataSource, DataSourceOptions, MigrationExecutor } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const MIGRATION_LOCK_KEY = 72_120_001;

/** The app's DataSource: runs pending migrations under an advisory lock, and can release the embedded server. */
export class AppDataSource extends DataSource {
  constructor(
    options: DataSourceOptions,
    private readonly afterDestroy?: () => Promise<void>,
  ) {
    super(options);
  }

  /**
   * Runs pending migrations on one connection holding a session advisory lock, so two
   * instances starting together never run the same migration twice.
   */
  async migrate(): Promise<string[]> {
    const runner = this.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const executor = new MigrationExecutor(this, runner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      return applied.map((m) => m.name);
    } finally {
      await runner.release();
    }
  }

  override async destroy(): Promise<void> {
    await super.destroy();
    await this.afterDestroy?.();
  }
}

/**
 * Runs the pending migrations on a connection of their own to `url`: PostgreSQL itself, when the
 * app's own URL is PgBouncer in transaction mode, where the migrations' session lock would stay
 * behind on whichever server connection took it.
 */
export async function migrateDirectly(url: string): Promise<string[]> {
  const direct = new AppDataSource(dataSourceOptions({ url, poolSize: 1 }));
  await direct.initialize();
  try {
    return await direct.migrate();
  } finally {
    await direct.destroy();
  }
}
