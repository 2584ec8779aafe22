import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DatabaseTarget } from './database-target';

/** The advisory lock key of a job name. */
export function lockKey(name: string): string {
  return createHash('sha256').update(`job:${name}`).digest().readBigInt64BE(0).toString();
}

/**
 * Runs a scheduled job on one instance at a time: a PostgreSQL advisory lock, tried without
 * waiting, held by a transaction left open on its own connection while the job runs on the pool.
 * A transaction's lock, not a session's: through PgBouncer in transaction mode an open
 * transaction keeps its server connection, and the lock goes with the transaction whatever
 * happens to the client. The embedded database serves one instance over one connection, so
 * there the job simply runs.
 */
@Injectable()
export class JobLock {
  constructor(
    private readonly dataSource: DataSource,
    private readonly target: DatabaseTarget,
  ) {}

  async runExclusive<T>(name: string, job: () => Promise<T>): Promise<T | undefined> {
    if (this.target.embedded) return job();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [lockKey(name)]);
      if (!locked) return undefined;
      return await job();
    } finally {
      // Ends the transaction and with it the lock; it wrote nothing.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }
}
