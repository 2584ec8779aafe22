import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type Work = () => Promise<void>;
const PENDING = 'afterCommit';

function pending(runner: QueryRunner): Work[] {
  return ((runner.data[PENDING] as Work[] | undefined) ??= []);
}

/**
 * Runs `work` once what `manager` wrote is committed: at once when it is not in a transaction,
 * else when its outermost transaction commits (never, if it rolls back). For the owner of a table
 * to forget its cached copies when it changes them, whoever's transaction it writes in.
 */
export async function afterCommit(manager: EntityManager, work: Work): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return work();
  pending(runner).push(work);
}

/** Runs the work `afterCommit` left on a transaction's query runner when it commits. */
@Injectable()
export class AfterCommitHooks implements EntitySubscriberInterface {
  private readonly logger = new Logger(AfterCommitHooks.name);

  constructor(dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  async afterTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    // A savepoint released inside the transaction: the outer one may still roll back.
    if (queryRunner.isTransactionActive) return;
    const work = pending(queryRunner).splice(0);
    for (const run of work) await run().catch((error: Error) => this.logger.warn(`After commit: ${error.message}`));
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) pending(queryRunner).splice(0);
  }
}
