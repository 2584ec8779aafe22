import { Logger } from '@nestjs/common';
import { EntityManager, Repository } from 'typeorm';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { MetricsService } from 'src/metrics/metrics.service';
import { aUser, counted, FakeUsers } from 'src/payments/payments.fixtures';
import { User } from 'src/users/user.entity';
import { LedgerService } from './ledger.service';
import { Transaction } from './transaction.entity';

/**
 * The `transactions` table as the ledger reaches it: rows saved and updated by id, and raw
 * statements noted with their parameters and answered from `answers`, in order.
 */
class FakeTable {
  readonly rows: Transaction[] = [];
  readonly statements: { sql: string; params: unknown[] }[] = [];
  readonly answers: unknown[] = [];

  get manager(): EntityManager {
    return this as unknown as EntityManager;
  }

  get repository(): Repository<Transaction> {
    return { manager: this.manager, query: (sql: string, params: unknown[] = []) => this.query(sql, params) } as unknown as Repository<Transaction>;
  }

  create(_entity: unknown, fields: Partial<Transaction>): Transaction {
    return Object.assign(new Transaction(), fields);
  }

  async save(row: Transaction): Promise<Transaction> {
    row.id = this.rows.length + 1;
    this.rows.push(row);
    return row;
  }

  async findOneBy(_entity: unknown, where: { id: number }): Promise<Transaction | null> {
    return this.rows.find((r) => r.id === where.id) ?? null;
  }

  async update(_entity: unknown, where: Partial<Transaction>, changes: Partial<Transaction>): Promise<{ affected: number }> {
    const matching = this.rows.filter((r) => Object.entries(where).every(([k, v]) => r[k as keyof Transaction] === v));
    for (const row of matching) Object.assign(row, changes);
    return { affected: matching.length };
  }

  async query(sql: string, params: unknown[] = []): Promise<unknown> {
    this.statements.push({ sql, params });
    return this.answers.shift() ?? [];
  }
}

describe('LedgerService', () => {
  let user: User;
  let users: FakeUsers;
  let table: FakeTable;
  let metrics: MetricsService;
  let sut: LedgerService;

  beforeEach(() => {
    user = aUser({ id: 3, telegramId: '3003', credits: 10 });
    users = new FakeUsers(user);
    table = new FakeTable();
    metrics = new MetricsService();
    sut = new LedgerService(table.repository, users.service, metrics);
  });

  describe('move', () => {
    it('grants credits, records the row completed and counts the grant by its provider', async () => {
      const moved = await sut.move(table.manager, { userId: 3, amount: 5, type: 'bonus', provider: 'promo', metadata: { reason: 'welcome' } });

      expect(moved.balance).toBe(15);
      expect(user.credits).toBe(15);
      expect(table.rows).toEqual([moved.transaction]);
      expect(moved.transaction).toMatchObject({ userId: 3, amount: 5, type: 'bonus', status: 'completed', paymentProvider: 'promo', paymentReference: null, metadata: { reason: 'welcome' } });
      await expect(counted(metrics, 'creditsGranted', { source: 'promo' })).resolves.toBe(5);
      await expect(counted(metrics, 'creditsSpent', { kind: 'bonus' })).resolves.toBe(0);
    });

    it('counts a grant without a provider by its type', async () => {
      await sut.move(table.manager, { userId: 3, amount: 2, type: 'adjustment' });

      await expect(counted(metrics, 'creditsGranted', { source: 'adjustment' })).resolves.toBe(2);
    });

    it('spends credits and counts the spend by its kind', async () => {
      const moved = await sut.move(table.manager, { userId: 3, amount: -4, type: 'reading_cost', metadata: { readingId: 9 } });

      expect(moved).toMatchObject({ balance: 6, transaction: { amount: -4, type: 'reading_cost', status: 'completed', paymentProvider: null } });
      await expect(counted(metrics, 'creditsSpent', { kind: 'reading_cost' })).resolves.toBe(4);
    });

    it('refuses with CREDIT001, writing no row, when the balance would go below zero', async () => {
      const refused = sut.move(table.manager, { userId: 3, amount: -11, type: 'reading_cost' });

      await expect(refused).rejects.toThrow(DomainException);
      await expect(refused).rejects.toMatchObject({ code: ErrorCode.InsufficientCredits, details: { requested: 11 } });
      expect(table.rows).toEqual([]);
      expect(user.credits).toBe(10);
      await expect(counted(metrics, 'creditsSpent', { kind: 'reading_cost' })).resolves.toBe(0);
    });

    it('logs and counts a balance that was off its ledger before the move, and moves all the same', async () => {
      jest.spyOn(users, 'applyCreditDelta').mockResolvedValueOnce({ balance: 13, ledgerDrift: -2 });
      const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

      const moved = await sut.move(table.manager, { userId: 3, amount: 3, type: 'purchase' });

      expect(moved.balance).toBe(13);
      expect(table.rows).toHaveLength(1);
      await expect(counted(metrics, 'ledgerMoveMismatches', { kind: 'purchase' })).resolves.toBe(1);
      expect(error).toHaveBeenCalledWith("CREDIT004: user 3's balance was -2 off their ledger before a purchase move");
      error.mockRestore();
    });

    it('counts nothing as a mismatch when the balance agreed with the ledger', async () => {
      await sut.move(table.manager, { userId: 3, amount: 3, type: 'purchase' });

      await expect(counted(metrics, 'ledgerMoveMismatches', { kind: 'purchase' })).resolves.toBe(0);
    });
  });

  it('records a row pending, without moving credits, unless told otherwise', async () => {
    const row = await sut.record(table.manager, { userId: 3, amount: 50, type: 'purchase', provider: 'telegram_stars', metadata: { package: 'small' } });

    expect(row).toMatchObject({ userId: 3, amount: 50, type: 'purchase', status: 'pending', paymentProvider: 'telegram_stars', paymentReference: null });
    expect(user.credits).toBe(10);
  });

  describe('settlePending', () => {
    it('moves the settled row\'s credits, telling the balance check the row already counts, and answers the row', async () => {
      const pending = await sut.record(table.manager, { userId: 3, amount: 50, type: 'purchase' });
      table.answers.push([[{ id: pending.id, user_id: 3, amount: 50 }], 1]);
      const delta = jest.spyOn(users, 'applyCreditDelta');

      const settled = await sut.settlePending(table.manager, pending.id, 'charge-9', { stars: 250 });

      expect(settled).toEqual({ transaction: pending, balance: 60 });
      expect(delta).toHaveBeenCalledWith(table.manager, 3, 50, 50);
      expect(table.statements[0].params).toEqual([pending.id, 'charge-9', JSON.stringify({ stars: 250 })]);
    });

    it('answers null and moves nothing when the row is no longer pending', async () => {
      table.answers.push([[], 0]);

      await expect(sut.settlePending(table.manager, 1, 'charge-9', {})).resolves.toBeNull();
      expect(user.credits).toBe(10);
    });
  });

  it('marks only a completed grant refunded, once', async () => {
    const grant = await sut.record(table.manager, { userId: 3, amount: 50, type: 'purchase', status: 'completed' });

    await expect(sut.markRefunded(table.manager, grant.id, 'refund-1')).resolves.toBe(true);
    await expect(sut.markRefunded(table.manager, grant.id, 'refund-2')).resolves.toBe(false);
    expect(grant).toMatchObject({ status: 'refunded', refundReference: 'refund-1' });
  });

  it('fails an invoice with its reason cut to 500 characters', async () => {
    await sut.failPending(8, 'x'.repeat(600));

    expect(table.statements).toEqual([{ sql: expect.stringContaining("SET status = 'failed'"), params: [8, 'x'.repeat(500)] }]);
  });

  it('answers how many invoices older than the cutoff it expired', async () => {
    const cutoff = new Date('2026-12-04T12:00:00Z');
    table.answers.push([[{ id: 1 }, { id: 2 }], 2]);

    await expect(sut.expirePending(table.manager, cutoff)).resolves.toBe(2);
    expect(table.statements[0].params).toEqual([cutoff]);
  });

  it('reads no Stars grants for no charges', async () => {
    await expect(sut.starsGrantsOf([])).resolves.toEqual([]);
    expect(table.statements).toEqual([]);
  });

  it('names the Stars grants of a page of the audit by charge', async () => {
    table.answers.push([{ id: 4, user_id: 3, payment_reference: 'charge-4', amount: 120 }]);

    await expect(sut.starsGrantsAfter(0, 10, 100)).resolves.toEqual([{ id: 4, userId: 3, chargeId: 'charge-4', amount: 120 }]);
    expect(table.statements[0].params.slice(3)).toEqual([0, 10, 100]);
  });

  it('reads the last transaction id as a number', async () => {
    table.answers.push([{ id: '42' }]);

    await expect(sut.lastTransactionId()).resolves.toBe(42);
  });

  it('lists the readings the user paid for', async () => {
    table.answers.push([{ id: 5 }, { id: 7 }]);

    await expect(sut.paidReadingIds(table.manager, 3)).resolves.toEqual([5, 7]);
    expect(table.statements[0].params).toEqual([3]);
  });

  describe('auditRange', () => {
    it('keeps the users whose balance is off their ledger or below zero, and where the next page starts', async () => {
      table.answers.push([
        { user_id: 4, credits: 10, ledger_sum: '10' },
        { user_id: 5, credits: 12, ledger_sum: '10' },
        { user_id: 6, credits: -1, ledger_sum: '-1' },
        { user_id: 9, credits: 0, ledger_sum: '0' },
      ]);

      await expect(sut.auditRange(3, 4)).resolves.toEqual({
        checked: 4,
        lastUserId: 9,
        mismatches: [
          { userId: 5, credits: 12, ledgerSum: 10 },
          { userId: 6, credits: -1, ledgerSum: -1 },
        ],
      });
      expect(table.statements[0].params).toEqual([3, 4]);
    });

    it('stays where it was past the last user', async () => {
      await expect(sut.auditRange(9, 4)).resolves.toEqual({ checked: 0, lastUserId: 9, mismatches: [] });
    });
  });

  it('audits one user, and answers null for no such user', async () => {
    table.answers.push([{ credits: 7, ledger_sum: '5' }], []);

    await expect(sut.auditUser(3)).resolves.toEqual({ userId: 3, credits: 7, ledgerSum: 5 });
    await expect(sut.auditUser(99)).resolves.toBeNull();
  });
});
