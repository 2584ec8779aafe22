import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { MetricsService } from 'src/metrics/metrics.service';
import { User } from 'src/users/user.entity';
import { aUser, counted, fakeDataSource, FakeLedger, FakeStars, FakeUsers } from 'src/payments/payments.fixtures';
import { OperatorIdempotency } from './operator-idempotency';
import { PaymentRejections } from './payment-rejections';
import { RefundRequest, RefundsService } from './refunds.service';
import { StarsPayments } from './stars-payments';
import { Transaction } from './transaction.entity';

const NOW = new Date('2026-12-05T12:00:00Z');
const DAY = 86_400_000;

describe('RefundsService', () => {
  let user: User;
  let users: FakeUsers;
  let ledger: FakeLedger;
  let stars: FakeStars;
  let metrics: MetricsService;
  let undone: Transaction[];
  let sut: RefundsService;

  /** A paid package of 120 credits for 1000 Stars, `daysAgo` before NOW. */
  function purchase(daysAgo = 1, fields: Partial<Transaction> = {}): Transaction {
    return ledger.add({
      userId: user.id,
      amount: 120,
      type: 'purchase',
      paymentReference: 'charge-1',
      metadata: { package: 'medium', stars: 1000, credits: 120, charged: 1000 },
      createdAt: new Date(NOW.getTime() - daysAgo * DAY),
      ...fields,
    });
  }

  function request(transactionId: number, fields: Partial<RefundRequest> = {}): RefundRequest {
    return { transactionId, force: false, reason: 'asked by the user', operator: 'ops', ...fields };
  }

  beforeEach(() => {
    user = aUser({ id: 7, telegramId: '7007', credits: 120 });
    users = new FakeUsers(user);
    ledger = new FakeLedger(users);
    stars = new FakeStars();
    metrics = new MetricsService();
    undone = [];
    const products = { productOfGrant: () => ({ onRefund: async (_m: unknown, grant: Transaction) => void undone.push(grant) }) } as unknown as StarsPayments;
    sut = new RefundsService(
      fakeDataSource(),
      ledger.service,
      users.service,
      stars.client,
      products,
      new OperatorIdempotency(ledger.service),
      new PaymentRejections(metrics),
      metrics,
    );
  });

  describe('refundByOperator', () => {
    it('refunds at Telegram, marks the grant refunded and takes its credits back when they are all still there', async () => {
      const grant = purchase();

      const result = await sut.refundByOperator(request(grant.id), NOW);

      expect(stars.calls).toEqual([{ method: 'refundStarPayment', args: [7007, 'charge-1'] }]);
      expect(result).toEqual({ refundTransactionId: expect.any(Number), refunded: 120, taken: 120, shortfall: 0, balance: 0, alreadyRefundedAtTelegram: false });
      expect(grant.status).toBe('refunded');
      const refund = ledger.rows.find((r) => r.id === result.refundTransactionId)!;
      expect(refund).toMatchObject({ type: 'refund', amount: -120, status: 'completed', paymentReference: 'charge-1' });
      expect(refund.metadata).toMatchObject({ reverses: grant.id, source: 'operator', operator: 'ops', reason: 'asked by the user' });
      expect(user.credits).toBe(0);
      expect(undone).toEqual([grant]);
      await expect(counted(metrics, 'payments', { kind: 'refund', outcome: 'operator' })).resolves.toBe(1);
    });

    it('refuses when part of the credits was spent, unless forced, and then records the shortfall and flags the user', async () => {
      const grant = purchase();
      user.credits = 50;

      await expect(sut.refundByOperator(request(grant.id), NOW)).rejects.toMatchObject({ code: ErrorCode.RefundRefused, details: { credits: 50, granted: 120 } });
      expect(stars.calls).toEqual([]);
      expect(grant.status).toBe('completed');

      const result = await sut.refundByOperator(request(grant.id, { force: true }), NOW);
      expect(result).toMatchObject({ refunded: 120, taken: 50, shortfall: 70, balance: 0 });
      expect(user.preferences).toMatchObject({ refundShortfall: true });
    });

    it('refunds on the 30th day and refuses after it', async () => {
      const inWindow = purchase(30);
      const late = purchase(30.001, { paymentReference: 'charge-2' });
      user.credits = 240;

      await expect(sut.refundByOperator(request(inWindow.id), NOW)).resolves.toMatchObject({ taken: 120 });
      await expect(sut.refundByOperator(request(late.id), NOW)).rejects.toThrow('Payments can be refunded within 30 days');
      expect(late.status).toBe('completed');
    });

    it.each([
      ['an operator grant', { paymentProvider: 'operator' }, 'Only a paid Telegram Stars purchase or subscription can be refunded'],
      ['a reading cost', { type: 'reading_cost' as const, amount: -5 }, 'Only a paid Telegram Stars purchase or subscription can be refunded'],
      ['an unpaid invoice', { status: 'pending' as const, paymentReference: 'charge-p' }, 'A pending payment cannot be refunded'],
      ['a payment refunded already', { status: 'refunded' as const }, 'This payment was already refunded'],
    ])('refuses %s and changes nothing', async (_name, fields, message) => {
      const row = purchase(1, fields);

      await expect(sut.refundByOperator(request(row.id), NOW)).rejects.toThrow(message);
      expect(stars.calls).toEqual([]);
      expect(ledger.rows).toHaveLength(1);
      expect(user.credits).toBe(120);
    });

    it('answers NOT_FOUND for a transaction that does not exist', async () => {
      await expect(sut.refundByOperator(request(404), NOW)).rejects.toEqual(new DomainException(ErrorCode.NotFound, 'No such transaction'));
    });

    it('still reverses the grant when Telegram says the charge was refunded already', async () => {
      const grant = purchase();
      stars.failure = { description: 'Bad Request: CHARGE_ALREADY_REFUNDED' };

      await expect(sut.refundByOperator(request(grant.id), NOW)).resolves.toMatchObject({ taken: 120, alreadyRefundedAtTelegram: true });
      expect(grant.status).toBe('refunded');
    });

    it('fails with PAY001 and changes nothing when Telegram refuses the refund', async () => {
      const grant = purchase();
      stars.failure = { description: 'Bad Request: CHARGE_NOT_FOUND' };

      await expect(sut.refundByOperator(request(grant.id), NOW)).rejects.toMatchObject({ code: ErrorCode.PaymentFailed });
      expect(grant.status).toBe('completed');
      expect(user.credits).toBe(120);
    });

    it('answers a repeated Idempotency-Key with the first refund, without asking Telegram again', async () => {
      const grant = purchase();
      const key = { key: 'k-1', method: 'POST', route: '/api/v1/transactions/:id/refund', target: String(grant.id) };

      const first = await sut.refundByOperator(request(grant.id, { idempotency: key }), NOW);
      const again = await sut.refundByOperator(request(grant.id, { idempotency: key }), NOW);

      expect(again).toEqual(first);
      expect(stars.calls).toHaveLength(1);
      await expect(sut.refundByOperator(request(grant.id, { idempotency: key, reason: 'another' }), NOW)).rejects.toMatchObject({
        code: ErrorCode.IdempotencyConflict,
        details: { differences: ['body.reason'] },
      });
    });
  });

  describe('applyTelegramRefund', () => {
    const claim = { userTelegramId: '7007', currency: 'XTR', totalAmount: 1000, chargeId: 'charge-1' };

    it('takes back what is left however much was spent, once', async () => {
      const grant = purchase();
      user.credits = 20;

      await expect(sut.applyTelegramRefund(claim, 'refunded_payment')).resolves.toMatchObject({ refunded: 120, taken: 20, shortfall: 100 });
      await expect(sut.applyTelegramRefund(claim, 'refunded_payment')).resolves.toBeUndefined();

      expect(grant.status).toBe('refunded');
      expect(ledger.rows.filter((r) => r.type === 'refund')).toHaveLength(1);
      expect(stars.calls).toEqual([]);
      await expect(counted(metrics, 'payments', { kind: 'refund', outcome: 'telegram' })).resolves.toBe(1);
    });

    it.each([
      ['currency', { currency: 'USD' }],
      ['unknown_charge', { chargeId: 'charge-9' }],
      ['other_user', { userTelegramId: '8008' }],
      ['amount', { totalAmount: 999 }],
    ])('records a claim that does not match (%s) for an operator and changes nothing', async (reason, change) => {
      const grant = purchase();

      await expect(sut.applyTelegramRefund({ ...claim, ...change }, 'refunded_payment')).resolves.toBeUndefined();

      expect(grant.status).toBe('completed');
      expect(user.credits).toBe(120);
      await expect(counted(metrics, 'paymentRejections', { update: 'refunded_payment', reason })).resolves.toBe(1);
    });
  });
});
