import { User } from 'src/users/user.entity';
import { aUser, fakeDataSource, FakeLedger, FakeStars, FakeUsers } from 'src/payments/payments.fixtures';
import { SubscriptionRenewals, subscriptionId } from './subscription-renewals';
import { Transaction } from './transaction.entity';

const NOW = new Date('2026-12-05T12:00:00Z');

describe('SubscriptionRenewals', () => {
  let user: User;
  let users: FakeUsers;
  let ledger: FakeLedger;
  let stars: FakeStars;
  let sut: SubscriptionRenewals;

  beforeEach(() => {
    user = aUser({ id: 5, telegramId: '5005' });
    users = new FakeUsers(user);
    ledger = new FakeLedger(users);
    stars = new FakeStars();
    sut = new SubscriptionRenewals(fakeDataSource(), ledger.service, users.service, stars.client);
  });

  /** A paid month of `tier`; a renewal names its subscription by the first charge. */
  function charge(tier: string, reference: string, metadata: Record<string, unknown> = {}): Transaction {
    return ledger.add({ userId: user.id, amount: 150, type: 'subscription', paymentReference: reference, metadata: { tier, stars: 750, ...metadata } });
  }

  it('knows a subscription by its first charge, also from a renewal', () => {
    expect(subscriptionId(charge('basic', 'first'))).toBe('first');
    expect(subscriptionId(charge('basic', 'second', { subscriptionChargeId: 'first' }))).toBe('first');
  });

  describe('setRenewal', () => {
    it('cancels and re-enables the renewal of the newest subscription at Telegram and remembers it', async () => {
      charge('basic', 'first');
      const latest = charge('basic', 'second', { subscriptionChargeId: 'first' });

      await expect(sut.setRenewal(user, false)).resolves.toBe(true);
      await expect(sut.renewalCanceled(user.id)).resolves.toBe(true);
      await expect(sut.setRenewal(user, true)).resolves.toBe(true);

      expect(stars.calls).toEqual([
        { method: 'editUserStarSubscription', args: [5005, 'first', true] },
        { method: 'editUserStarSubscription', args: [5005, 'first', false] },
      ]);
      expect(latest.metadata).toMatchObject({ renewalCanceled: false });
      await expect(sut.renewalCanceled(user.id)).resolves.toBe(false);
    });

    it('answers false, asking Telegram nothing, for a user who never paid a month', async () => {
      ledger.add({ userId: user.id, amount: 150, type: 'subscription', status: 'pending', metadata: { tier: 'basic' } });

      await expect(sut.setRenewal(user, false)).resolves.toBe(false);
      expect(stars.calls).toEqual([]);
    });
  });

  describe('cancelRenewal', () => {
    it('stops the renewal once, and not again when it is already stopped', async () => {
      const latest = charge('premium', 'p-1');

      await sut.cancelRenewal(user.id, user.telegramId);
      await sut.cancelRenewal(user.id, user.telegramId);

      expect(stars.calls).toEqual([{ method: 'editUserStarSubscription', args: [5005, 'p-1', true] }]);
      expect(latest.metadata).toMatchObject({ renewalCanceled: true });
    });

    it('keeps going (and marks nothing) when Telegram refuses', async () => {
      const latest = charge('premium', 'p-1');
      stars.failure = { description: 'Bad Request: SUBSCRIPTION_NOT_FOUND' };

      await expect(sut.cancelRenewal(user.id, user.telegramId)).resolves.toBeUndefined();
      expect(latest.metadata?.renewalCanceled).toBeUndefined();
    });
  });

  describe('cancelOtherTier', () => {
    it('stops the old tier\'s renewal when another tier was paid, noting what replaced it', async () => {
      const basic = charge('basic', 'b-1');

      await sut.cancelOtherTier(user, basic, 'premium');

      expect(stars.calls).toEqual([{ method: 'editUserStarSubscription', args: [5005, 'b-1', true] }]);
      expect(basic.metadata).toMatchObject({ renewalCanceled: true, replacedBy: 'premium' });
    });

    it('leaves a renewal of the same tier, one stopped already, and no subscription at all alone', async () => {
      await sut.cancelOtherTier(user, charge('premium', 'p-1'), 'premium');
      await sut.cancelOtherTier(user, charge('basic', 'b-1', { renewalCanceled: true }), 'premium');
      await sut.cancelOtherTier(user, null, 'premium');

      expect(stars.calls).toEqual([]);
    });
  });

  describe('lapse', () => {
    it('takes the tier of those whose month ended, keeps their credits', async () => {
      Object.assign(user, { credits: 40, subscriptionTier: 'basic', subscriptionExpiresAt: new Date(NOW.getTime() - 1) });
      const current = aUser({ id: 6, telegramId: '6006', subscriptionTier: 'premium', subscriptionExpiresAt: new Date(NOW.getTime() + 1) });
      users.byId.set(current.id, current);

      await expect(sut.lapse(NOW)).resolves.toBe(1);

      expect(user).toMatchObject({ credits: 40, subscriptionTier: null });
      expect(current.subscriptionTier).toBe('premium');
    });
  });
});
