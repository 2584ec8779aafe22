import { QueryFailedError } from 'typeorm';
import { CatalogService } from 'src/catalog/catalog.service';
import { ErrorCode } from 'src/common/errors/error-code';
import { IdempotencyKeyUse } from 'src/common/http/idempotency-key.decorator';
import { OperatorIdempotency } from 'src/payments/operator-idempotency';
import { aUser, builtInCatalog, fakeDataSource, FakeLedger, FakeUsers } from 'src/payments/payments.fixtures';
import { SubscriptionRenewals } from 'src/payments/subscription-renewals';
import { AccountsService, CreditAdjustment } from './accounts.service';

describe('AccountsService.start (the welcome credits)', () => {
  let users: FakeUsers;
  let ledger: FakeLedger;

  /** Only what /start reaches is real; the services of the other paths are never called here. */
  function sutWith(catalog: CatalogService): AccountsService {
    const unused = {} as never;
    return new AccountsService(fakeDataSource(), users.service, ledger.service, unused, unused, unused, unused, catalog, unused, unused);
  }

  beforeEach(() => {
    users = new FakeUsers();
    ledger = new FakeLedger(users);
  });

  it('registers a newcomer with the catalogue\'s welcome credits as a bonus, recorded once', async () => {
    const sut = sutWith(builtInCatalog());

    const first = await sut.start('5151', { language: 'en' });
    const again = await sut.start('5151', { language: 'en' });

    expect(first).toMatchObject({ outcome: 'new', user: { telegramId: '5151', credits: 5 } });
    expect(again).toMatchObject({ outcome: 'returning', user: { credits: 5 } });
    expect(ledger.rows).toEqual([expect.objectContaining({ type: 'bonus', amount: 5, status: 'completed', paymentProvider: 'promo', metadata: { reason: 'welcome' } })]);
  });

  it('brings back a deleted user without welcome credits a second time', async () => {
    users.byId.set(4, aUser({ id: 4, telegramId: '4040', status: 'deleted', credits: 2 }));

    await expect(sutWith(builtInCatalog()).start('4040', { language: 'uk' })).resolves.toMatchObject({ outcome: 'reactivated', user: { status: 'active', credits: 2, preferences: { language: 'uk' } } });
    expect(ledger.rows).toEqual([]);
  });

  it('writes no ledger row when the catalogue gives no welcome credits', async () => {
    const catalog = builtInCatalog();
    catalog.catalog.welcomeCredits = 0;

    await expect(sutWith(catalog).start('6060', {})).resolves.toMatchObject({ outcome: 'new', user: { credits: 0 } });
    expect(ledger.rows).toEqual([]);
  });
});

describe('AccountsService operator paths', () => {
  let users: FakeUsers;
  let ledger: FakeLedger;
  let renewals: { cancelRenewal: jest.Mock<Promise<void>, [number, string]> };
  let sut: AccountsService;

  const KEY: IdempotencyKeyUse = { key: 'k-1', method: 'POST', route: '/api/v1/users/:id/credits/grant', target: '7' };

  function adjustment(fields: Partial<CreditAdjustment> = {}): CreditAdjustment {
    return { userId: 7, amount: 10, reason: 'goodwill', operator: 'ops', ...fields };
  }

  /** Operator paths reach the users, the ledger, renewals and the idempotency keys; the rest is never called. */
  beforeEach(() => {
    users = new FakeUsers(aUser({ id: 7, telegramId: '7007', credits: 20 }), aUser({ id: 8, telegramId: '8008', status: 'deleted' }));
    ledger = new FakeLedger(users);
    renewals = { cancelRenewal: jest.fn(async (_userId: number, _telegramId: string) => undefined) };
    const unused = {} as never;
    sut = new AccountsService(
      fakeDataSource(),
      users.service,
      ledger.service,
      unused,
      unused,
      unused,
      unused,
      builtInCatalog(),
      renewals as unknown as SubscriptionRenewals,
      new OperatorIdempotency(ledger.service),
    );
  });

  describe('changeStatus', () => {
    it('suspends a user and cancels their subscription\'s renewal', async () => {
      await expect(sut.changeStatus(7, 'suspended')).resolves.toMatchObject({ id: 7, status: 'suspended' });

      expect(users.byId.get(7)!.status).toBe('suspended');
      expect(renewals.cancelRenewal).toHaveBeenCalledWith(7, '7007');
    });

    it('reactivates a suspended user and leaves the renewal alone', async () => {
      users.byId.get(7)!.status = 'suspended';

      await expect(sut.changeStatus(7, 'active')).resolves.toMatchObject({ status: 'active' });
      expect(renewals.cancelRenewal).not.toHaveBeenCalled();
    });

    it('refuses an unknown user with USER001', async () => {
      await expect(sut.changeStatus(99, 'suspended')).rejects.toMatchObject({ code: ErrorCode.UserNotFound });
      expect(renewals.cancelRenewal).not.toHaveBeenCalled();
    });

    it('refuses a deleted user with USER002 and leaves them deleted', async () => {
      await expect(sut.changeStatus(8, 'active')).rejects.toMatchObject({ code: ErrorCode.UserNotActive });
      expect(users.byId.get(8)!.status).toBe('deleted');
    });
  });

  describe('adjustCredits', () => {
    it('grants credits with a ledger row naming the operator and the reason', async () => {
      const result = await sut.adjustCredits(adjustment());

      expect(result.balance).toBe(30);
      expect(ledger.rows).toEqual([result.transaction]);
      expect(result.transaction).toMatchObject({
        userId: 7,
        amount: 10,
        type: 'adjustment',
        status: 'completed',
        paymentProvider: 'operator',
        metadata: { kind: 'grant', reason: 'goodwill', operator: 'ops' },
      });
    });

    it('deducts credits as a deduction', async () => {
      const result = await sut.adjustCredits(adjustment({ amount: -5, reason: 'duplicate grant' }));

      expect(result).toMatchObject({ balance: 15, transaction: { amount: -5, metadata: { kind: 'deduction', reason: 'duplicate grant' } } });
    });

    it('refuses with CREDIT001 a deduction below zero, writing nothing', async () => {
      await expect(sut.adjustCredits(adjustment({ amount: -21 }))).rejects.toMatchObject({ code: ErrorCode.InsufficientCredits });
      expect(users.byId.get(7)!.credits).toBe(20);
      expect(ledger.rows).toEqual([]);
    });

    it('refuses an unknown user with USER001, writing nothing', async () => {
      await expect(sut.adjustCredits(adjustment({ userId: 99 }))).rejects.toMatchObject({ code: ErrorCode.UserNotFound });
      expect(ledger.rows).toEqual([]);
    });

    it('answers the same request with the same Idempotency-Key with the first result, acting once', async () => {
      const first = await sut.adjustCredits(adjustment({ idempotency: KEY }));
      users.byId.get(7)!.credits = 31;

      const again = await sut.adjustCredits(adjustment({ idempotency: KEY }));

      expect(again).toEqual({ transaction: first.transaction, balance: 31 });
      expect(ledger.rows).toHaveLength(1);
      expect(first.transaction.metadata).toMatchObject({ idempotencyKey: 'ops:k-1' });
    });

    it('refuses with IDEMPOTENCY001 another request with a used key, acting not at all', async () => {
      await sut.adjustCredits(adjustment({ idempotency: KEY }));

      await expect(sut.adjustCredits(adjustment({ amount: 11, idempotency: KEY }))).rejects.toMatchObject({
        code: ErrorCode.IdempotencyConflict,
        details: { differences: ['body.amount'] },
      });
      expect(ledger.rows).toHaveLength(1);
      expect(users.byId.get(7)!.credits).toBe(30);
    });

    it('answers the loser of two racing retries with the winner\'s row', async () => {
      let winner: unknown;
      jest.spyOn(ledger, 'move').mockImplementationOnce(async () => {
        // The other retry commits first; this one's insert hits the unique index.
        winner = ledger.add({ userId: 7, amount: 10, type: 'adjustment', metadata: new OperatorIdempotency(ledger.service).stamp({ ...KEY, operator: 'ops', body: { amount: 10, reason: 'goodwill' } }) });
        throw new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
      });

      const result = await sut.adjustCredits(adjustment({ idempotency: KEY }));

      expect(winner).toBeDefined();
      expect(result).toEqual({ transaction: winner, balance: 20 });
    });

    it('lets a unique violation through when no earlier request holds the key', async () => {
      jest.spyOn(ledger, 'move').mockRejectedValueOnce(new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' })));

      await expect(sut.adjustCredits(adjustment())).rejects.toBeInstanceOf(QueryFailedError);
      expect(ledger.rows).toEqual([]);
    });
  });
});
