import { DataSource, EntityManager, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { afterCommit, AfterCommitHooks } from './after-commit';

describe('afterCommit', () => {
  const dataSource = { subscribers: [] as unknown[] } as unknown as DataSource;
  const sut = new AfterCommitHooks(dataSource);
  let ran: string[];

  function transaction(): { runner: QueryRunner; manager: EntityManager } {
    const runner = { isTransactionActive: true, data: {} } as unknown as QueryRunner;
    return { runner, manager: { queryRunner: runner } as unknown as EntityManager };
  }
  const commit = async (runner: QueryRunner, depth = 0) => {
    (runner as { isTransactionActive: boolean }).isTransactionActive = depth > 0;
    await sut.afterTransactionCommit({ queryRunner: runner } as TransactionCommitEvent);
  };
  const work = (name: string) => async () => void ran.push(name);

  beforeEach(() => {
    ran = [];
  });

  it('registers itself with the data source', () => {
    expect(dataSource.subscribers).toContain(sut);
  });

  it('runs at once outside a transaction', async () => {
    await afterCommit({} as EntityManager, work('now'));
    expect(ran).toEqual(['now']);
  });

  it('waits for the outermost commit of a transaction, then runs each piece of work once', async () => {
    const { runner, manager } = transaction();
    await afterCommit(manager, work('a'));
    await afterCommit(manager, work('b'));
    expect(ran).toEqual([]);
    await commit(runner, 1); // a savepoint released: the transaction goes on
    expect(ran).toEqual([]);
    await commit(runner);
    await commit(runner);
    expect(ran).toEqual(['a', 'b']);
  });

  it('drops the work of a transaction that rolls back', async () => {
    const { runner, manager } = transaction();
    await afterCommit(manager, work('lost'));
    (runner as { isTransactionActive: boolean }).isTransactionActive = false;
    sut.afterTransactionRollback({ queryRunner: runner } as TransactionRollbackEvent);
    await commit(runner);
    expect(ran).toEqual([]);
  });

  it('runs the rest when one piece of work fails', async () => {
    const { runner, manager } = transaction();
    await afterCommit(manager, async () => {
      throw new Error('Redis is down');
    });
    await afterCommit(manager, work('after'));
    await commit(runner);
    expect(ran).toEqual(['after']);
  });
});
