import { Global, Logger, Module } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from 'src/config/app-config';
import { AfterCommitHooks } from './after-commit';
import { AppDataSource, migrateDirectly } from './app-data-source';
import { DatabaseLifecycle } from './database-lifecycle';
import { DatabaseTarget } from './database-target';
import { JobLock } from './job-lock';
import { RetentionSweeper } from './retention-sweeper';
import { dataSourceOptions } from './data-source-options';

/** The app's options, and where its migrations run when that is not where it is served from. */
type ServedOptions = DataSourceOptions & { autoLoadEntities: boolean; retryAttempts: number; retryDelay: number; migrationUrl?: string };

@Global()
@Module({
  providers: [{ provide: DatabaseTarget, inject: [AppConfig], useFactory: DatabaseTarget.resolve }],
  exports: [DatabaseTarget],
})
class DatabaseTargetModule {}

@Global()
@Module({
  imports: [
    DatabaseTargetModule,
    TypeOrmModule.forRootAsync({
      inject: [DatabaseTarget],
      useFactory: (target: DatabaseTarget) => {
        const options: ServedOptions = {
          ...dataSourceOptions(target),
          autoLoadEntities: true,
          retryAttempts: 4,
          retryDelay: 2000,
          migrationUrl: target.migrationUrl,
        };
        return options;
      },
      dataSourceFactory: async (given?: DataSourceOptions) => {
        const { migrationUrl, ...options } = given as ServedOptions;
        const dataSource = new AppDataSource(options);
        await dataSource.initialize();
        // A connection the server terminates just as the pool hands it out emits 'error' before
        // TypeORM listens; without a listener Node would exit.
        const pool = (dataSource.driver as unknown as { master: EventEmitter }).master;
        pool.on('connect', (client: EventEmitter) =>
          client.on('error', (error: Error) => new Logger('Database').warn(`Connection lost: ${error.message}`)),
        );
        const applied = migrationUrl ? await migrateDirectly(migrationUrl) : await dataSource.migrate();
        if (applied.length > 0) new Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
        return dataSource;
      },
    }),
  ],
  providers: [DatabaseLifecycle, JobLock, RetentionSweeper, AfterCommitHooks],
  exports: [JobLock, RetentionSweeper],
})
export class DatabaseModule {}
