import { Logger } from '@nestjs/common';
import { JobLock } from 'src/database/job-lock';
import { aUser, fakeDataSource, FakeLedger, FakeUsers } from 'src/payments/payments.fixtures';
import { PaymentsJobs } from './payments.jobs';
import { ReconciliationService } from './reconciliation.service';
import { SubscriptionRenewals } from './subscription-renewals';

const NOW = new Date('2026-12-05T12:00:00Z');
const HOUR = 3_600_000;

/** The advisory lock: notes each job it is asked to run, and runs none that another instance holds. */
class FakeJobLock {
  readonly asked: string[] = [];
  readonly heldElsewhere = new Set<string>();

  get lock(): JobLock {
    return this as unknown as JobLock;
  }

  async runExclusive<T>(name: string, job: () => Promise<T>): Promise<T | undefined> {
    this.asked.push(name);
    return this.heldElsewhere.has(name) ? undefined : job();
  }
}

describe('PaymentsJobs', () => {
  let ledger: FakeLedger;
  let locks: FakeJobLock;
  let renewals: { lapse: jest.Mock<Promise<number>, [Date?]> };
  let reconciliation: { run: jest.Mock<Promise<unknown>, []> };
  let sut: PaymentsJobs;

  /** An unpaid invoice written `hoursAgo` before NOW. */
  function invoice(hoursAgo: number) {
    return ledger.add({ userId: 1, amount: 50, type: 'purchase', status: 'pending', createdAt: new Date(NOW.getTime() - hoursAgo * HOUR) });
  }

  beforeEach(() => {
    ledger = new FakeLedger(new FakeUsers(aUser()));
    locks = new FakeJobLock();
    renewals = { lapse: jest.fn(async () => 2) };
    reconciliation = { run: jest.fn(async () => ({})) };
    sut = new PaymentsJobs(
      locks.lock,
      fakeDataSource(),
      ledger.service,
      renewals as unknown as SubscriptionRenewals,
      reconciliation as unknown as ReconciliationService,
    );
  });

  describe('expireInvoices', () => {
    it('fails the invoices unpaid for more than 24 hours, and only those, under its lock', async () => {
      const stale = invoice(25);
      const onTheHour = invoice(24);
      const fresh = invoice(1);

      await expect(sut.expireInvoices(NOW)).resolves.toBe(1);

      expect(stale).toMatchObject({ status: 'failed', errorMessage: 'Invoice not paid within 24 hours' });
      expect([onTheHour.status, fresh.status]).toEqual(['pending', 'pending']);
      expect(locks.asked).toEqual(['expire-invoices']);
    });

    it('expires nothing, and answers 0, while another instance runs it', async () => {
      const stale = invoice(48);
      locks.heldElsewhere.add('expire-invoices');

      await expect(sut.expireInvoices(NOW)).resolves.toBe(0);
      expect(stale.status).toBe('pending');
    });
  });

  describe('lapseSubscriptions', () => {
    it('lapses the subscriptions past their end as of now, under its lock, and answers how many', async () => {
      await expect(sut.lapseSubscriptions(NOW)).resolves.toBe(2);

      expect(renewals.lapse).toHaveBeenCalledWith(NOW);
      expect(locks.asked).toEqual(['lapse-subscriptions']);
    });

    it('lapses nothing, and answers 0, while another instance runs it', async () => {
      locks.heldElsewhere.add('lapse-subscriptions');

      await expect(sut.lapseSubscriptions(NOW)).resolves.toBe(0);
      expect(renewals.lapse).not.toHaveBeenCalled();
    });
  });

  describe('reconcile', () => {
    it('runs the reconciliation under its lock', async () => {
      await sut.reconcile();

      expect(reconciliation.run).toHaveBeenCalledTimes(1);
      expect(locks.asked).toEqual(['reconciliation']);
    });

    it('logs a failed run instead of throwing it out of the scheduler', async () => {
      reconciliation.run.mockRejectedValueOnce(new Error('Telegram unreachable'));
      const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

      await expect(sut.reconcile()).resolves.toBeUndefined();

      expect(error).toHaveBeenCalledWith('Reconciliation failed: Telegram unreachable');
      error.mockRestore();
    });

    it('does not run while another instance runs it', async () => {
      locks.heldElsewhere.add('reconciliation');

      await sut.reconcile();

      expect(reconciliation.run).not.toHaveBeenCalled();
    });
  });
});
