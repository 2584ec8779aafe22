import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

function lockKey(name: string): string {
  return createHash('sha256').update(`job:${name}`).digest().readBigInt64BE(0).toString();
}

/**
 * Runs a scheduled job on one instance at a time: a transaction-scoped advisory lock, tried
 * without waiting. The job gets the locked transaction's manager, so it needs no second
 * connection (the embedded database has only one).
 */
@Injectable()
export class JobLock {
  constructor(private readonly dataSource: DataSource) {}

  async runExclusive<T>(name: string, job: (manager: EntityManager) => Promise<T>): Promise<T | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [lockKey(name)]);
      return locked ? job(manager) : undefined;
    });
  }
}
