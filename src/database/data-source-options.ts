import { join } from 'node:path';
import { defaults as pgDefaults, types as pgTypes } from 'pg';
import { DataSourceOptions } from 'typeorm';

const TIMESTAMP_WITHOUT_TIME_ZONE_OID = 1114;

// The seed's timestamps carry no time zone: they are UTC, both ways, whatever the host's TZ.
pgDefaults.parseInputDatesAsUTC = true;
pgTypes.setTypeParser(TIMESTAMP_WITHOUT_TIME_ZONE_OID, (value) => new Date(`${value.replace(' ', 'T')}Z`));

export interface ConnectionTarget {
  url: string;
  poolSize: number;
}

/**
 * Options shared by the app and the migration tools. Never `synchronize`: the schema is the
 * migrations'. No entities: the app loads each module's own (`TypeOrmModule.forFeature`), so this
 * folder knows no domain module; migrations need none.
 */
export function dataSourceOptions(target: ConnectionTarget): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: target.poolSize,
    // A query that escapes its transaction on a pool of one waits for a connection that never
    // comes; the timeout turns that hang into a loud error.
    connectTimeoutMS: 10_000,
    extra: { options: '-c TimeZone=UTC', idleTimeoutMillis: 30_000 },
  };
}
