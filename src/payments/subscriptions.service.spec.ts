import { User } from 'src/users/user.entity';
import { toSnapshot } from 'src/users/user-snapshot';
import { aUser, builtInCatalog, FAKE_MANAGER, fakeDataSource, FakeLedger, FakeStars, FakeUsers } from 'src/payments/payments.fixtures';
import { SubscriptionPayload } from './invoice-payload';
import { ChargeClaim } from './stars-product';
import { SubscriptionRenewals } from './subscription-renewals';
import { SUBSCRIPTION_PERIOD_SECONDS, SubscriptionsService } from './subscriptions.service';
import { Transaction } from './transaction.entity';

const NOW = new Date('2026-12-05T12:00:00Z');
const PERIOD_MS = SUBSCRIPTION_PERIOD_SECONDS * 1000;
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

describe('SubscriptionsService', () => {
  let user: User;
  let users: FakeUsers;
  let ledger: FakeLedger;
  let stars: FakeStars;
  let sut: SubscriptionsService;

  beforeEach(() => {
    user = aUser({ id: 3, telegramId: '3003', credits: 10 });
    users = new FakeUsers(user);
    ledger = new FakeLedger(users);
    stars = new FakeStars();
    const dataSource = fakeDataSource();
    const renewals = new SubscriptionRenewals(dataSource, ledger.service, users.service, stars.client);
    sut = new SubscriptionsService(dataSource, builtInCatalog(), ledger.service, users.service, stars.client, renewals);
  });

  /** A link's pending row for the premium tier (500 credits for 2250 Stars) and its payload. */
  function premiumLink(): { row: Transaction; payload: SubscriptionPayload } {
    const row = ledger.add({ userId: user.id, amount: 500, type: 'subscription', status: 'pending', createdAt: NOW, metadata: { tier: 'premium', stars: 2250, credits: 500 } });
    return { row, payload: { kind: 'subscription', transactionId: row.id, tier: 'premium', stars: 2250, telegramUserId: '3003', issuedAt: null } };
  }

  function charge(chargeId: string, fields: Partial<ChargeClaim> = {}): ChargeClaim {
    return { payerTelegramId: '3003', currency: 'XTR', totalAmount: 2250, payload: 'p', chargeId, subscriptionExpiresAt: new Date(NOW.getTime() + PERIOD_MS), ...fields };
  }

  describe('current', () => {
    it('is the tier while its month runs, and nothing once it ended', () => {
      expect(sut.current({ subscriptionTier: 'basic', subscriptionExpiresAt: inDays(1).toISOString() }, NOW)).toMatchObject({ tier: { key: 'basic', monthlyCredits: 150 }, until: inDays(1) });
      expect(sut.current({ subscriptionTier: 'basic', subscriptionExpiresAt: NOW }, NOW)).toBeUndefined();
      expect(sut.current({ subscriptionTier: null, subscriptionExpiresAt: inDays(1) }, NOW)).toBeUndefined();
    });
  });

  describe('createLink', () => {
    it('records a pending row for the month\'s credits and asks Telegram for a 30-day link at the tier\'s price', async () => {
      const result = await sut.createLink(toSnapshot(user), 'premium', 'Premium', 'A month of premium');

      expect(result).toEqual({ kind: 'link', link: 'https://t.me/$subscription', replaces: undefined });
      expect(ledger.rows).toEqual([expect.objectContaining({ userId: 3, amount: 500, type: 'subscription', status: 'pending', metadata: { tier: 'premium', stars: 2250, credits: 500 } })]);
      expect(stars.calls[0].args[0]).toMatchObject({ currency: 'XTR', prices: [{ label: 'Premium', amount: 2250 }], subscription_period: 2_592_000 });
    });

    it('offers no link for the tier the user already has, nor for an unknown tier', async () => {
      user.subscriptionTier = 'premium';
      user.subscriptionExpiresAt = inDays(10);

      await expect(sut.createLink(toSnapshot(user), 'premium', 't', 'd')).resolves.toMatchObject({ kind: 'same_tier', current: { tier: { key: 'premium' } } });
      await expect(sut.createLink(toSnapshot(user), 'gold', 't', 'd')).resolves.toEqual({ kind: 'unknown' });
      expect(ledger.rows).toEqual([]);
      expect(stars.calls).toEqual([]);
    });

    it('fails the pending row when Telegram cannot make the link', async () => {
      stars.failure = { description: 'Bad Request: SUBSCRIPTION_PERIOD_INVALID' };

      await expect(sut.createLink(toSnapshot(user), 'basic', 't', 'd')).rejects.toThrow('SUBSCRIPTION_PERIOD_INVALID');
      expect(ledger.rows[0]).toMatchObject({ status: 'failed', errorMessage: 'Bad Request: SUBSCRIPTION_PERIOD_INVALID' });
    });
  });

  describe('checkPreCheckout', () => {
    it('accepts the user\'s own unpaid link at its price', async () => {
      const { payload } = premiumLink();
      await expect(sut.checkPreCheckout(charge('c'), payload, user, NOW)).resolves.toEqual({ ok: true });
    });

    it.each([
      ['amount', (p: SubscriptionPayload) => ({ claim: { totalAmount: 2000 }, payload: p })],
      ['invoice', (p: SubscriptionPayload) => ({ claim: {}, payload: { ...p, tier: 'basic' } })],
      ['price_changed', (p: SubscriptionPayload) => ({ claim: { totalAmount: 2000 }, payload: { ...p, stars: 2000, transactionId: null } })],
    ])('refuses with %s', async (reason, change) => {
      const { claim, payload } = change(premiumLink().payload);
      await expect(sut.checkPreCheckout(charge('c', claim), payload, user, NOW)).resolves.toMatchObject({ ok: false, refusal: reason });
    });

    it('refuses a link already paid, and a second link to the tier the user has, naming its end', async () => {
      const paid = premiumLink();
      paid.row.status = 'completed';
      await expect(sut.checkPreCheckout(charge('c'), paid.payload, user, NOW)).resolves.toMatchObject({ refusal: 'already_paid' });

      Object.assign(user, { subscriptionTier: 'premium', subscriptionExpiresAt: inDays(3) });
      await expect(sut.checkPreCheckout(charge('c'), premiumLink().payload, user, NOW)).resolves.toEqual({ ok: false, refusal: 'same_tier', tier: 'premium', until: inDays(3) });
    });
  });

  describe('applyPayment', () => {
    it('settles the link with its first charge: the tier, its end and the month\'s credits', async () => {
      const { row, payload } = premiumLink();

      const outcome = await sut.applyPayment(charge('first'), payload, user, NOW);

      expect(outcome).toEqual({ kind: 'granted', product: 'subscription', tier: 'premium', credits: 500, balance: 510, expiresAt: new Date(NOW.getTime() + PERIOD_MS), renewal: false });
      expect(row).toMatchObject({ status: 'completed', paymentReference: 'first', metadata: { recurring: false, subscriptionChargeId: 'first', charged: 2250 } });
      expect(user).toMatchObject({ subscriptionTier: 'premium', subscriptionExpiresAt: new Date(NOW.getTime() + PERIOD_MS) });
    });

    it('grants a renewal once, as a new row naming the subscription by its first charge', async () => {
      const { payload } = premiumLink();
      await sut.applyPayment(charge('first'), payload, user, NOW);
      const next = charge('second', { subscriptionExpiresAt: new Date(NOW.getTime() + 2 * PERIOD_MS) });

      await expect(sut.applyPayment(next, payload, user, inDays(30))).resolves.toMatchObject({ kind: 'granted', credits: 500, balance: 1010, renewal: true });
      await expect(sut.applyPayment(next, payload, user, inDays(30))).resolves.toEqual({ kind: 'duplicate' });

      const renewal = ledger.rows.find((r) => r.paymentReference === 'second')!;
      expect(renewal).toMatchObject({ amount: 500, status: 'completed', metadata: { recurring: true, subscriptionChargeId: 'first', renews: 1 } });
      expect(user.credits).toBe(1010);
    });

    it('takes the renewal of an `s1` link (no row) only when an earlier charge of that tier and price exists', async () => {
      const s1: SubscriptionPayload = { kind: 'subscription', transactionId: null, tier: 'premium', stars: 2250, telegramUserId: '3003', issuedAt: 1 };
      await expect(sut.applyPayment(charge('orphan'), s1, user, NOW)).resolves.toEqual({ kind: 'refused', refusal: 'invoice' });

      await sut.applyPayment(charge('first'), premiumLink().payload, user, NOW);
      await expect(sut.applyPayment(charge('renewed', { subscriptionExpiresAt: inDays(40) }), s1, user, NOW)).resolves.toMatchObject({ kind: 'granted', renewal: true, credits: 500 });
    });

    it('refuses a charge whose end lies more than a period (and an hour of clock skew) past the month paid', async () => {
      const { payload } = premiumLink();
      const tooFar = new Date(NOW.getTime() + PERIOD_MS + 3600_000 + 1);

      await expect(sut.applyPayment(charge('c', { subscriptionExpiresAt: tooFar }), payload, user, NOW)).resolves.toEqual({ kind: 'refused', refusal: 'expiry' });
      await expect(sut.applyPayment(charge('c', { subscriptionExpiresAt: new Date(tooFar.getTime() - 1) }), payload, user, NOW)).resolves.toMatchObject({ kind: 'granted' });
    });

    it('grants a charge reported after its month ended without bringing the tier back', async () => {
      const { payload } = premiumLink();

      await expect(sut.applyPayment(charge('late', { subscriptionExpiresAt: inDays(-1) }), payload, user, NOW)).resolves.toMatchObject({ kind: 'granted', credits: 500 });
      expect(user).toMatchObject({ credits: 510, subscriptionTier: null, subscriptionExpiresAt: null });
    });

    it('refuses a charge for another amount than the link\'s', async () => {
      await expect(sut.applyPayment(charge('c', { totalAmount: 1 }), premiumLink().payload, user, NOW)).resolves.toEqual({ kind: 'refused', refusal: 'amount' });
      expect(user.credits).toBe(10);
    });

    it('stops the renewal of the tier it replaces', async () => {
      const basic = ledger.add({ userId: user.id, amount: 150, type: 'subscription', paymentReference: 'basic-charge', metadata: { tier: 'basic', stars: 750, credits: 150 } });

      await sut.applyPayment(charge('first'), premiumLink().payload, user, NOW);

      expect(stars.calls).toEqual([{ method: 'editUserStarSubscription', args: [3003, 'basic-charge', true] }]);
      expect(basic.metadata).toMatchObject({ renewalCanceled: true, replacedBy: 'premium' });
    });
  });

  it('takes the tier away when its charge is refunded (the refund row takes the credits)', async () => {
    Object.assign(user, { subscriptionTier: 'premium', subscriptionExpiresAt: inDays(20) });

    await sut.onRefund(FAKE_MANAGER, ledger.add({ userId: user.id, amount: 500, type: 'subscription' }), user);

    expect(user).toMatchObject({ subscriptionTier: null, subscriptionExpiresAt: null, credits: 10 });
  });

  describe('grantProblem', () => {
    const payload: SubscriptionPayload = { kind: 'subscription', transactionId: 1, tier: 'premium', stars: 2250, telegramUserId: '3003', issuedAt: null };
    const grant = (fields: Partial<Transaction>) => ledger.add({ userId: 3, amount: 500, type: 'subscription', metadata: { tier: 'premium', stars: 2250, credits: 500 }, ...fields });

    it('finds nothing wrong with a grant that matches its charge', () => {
      expect(sut.grantProblem(grant({}), payload, 2250)).toBeUndefined();
    });

    it('names what differs: the tier, the Stars or the credits', () => {
      expect(sut.grantProblem(grant({ metadata: { tier: 'basic', stars: 2250 } }), payload, 2250)).toBe('grants subscription basic for a charge of premium');
      expect(sut.grantProblem(grant({}), payload, 750)).toBe('records 2250 Stars for a charge of 750');
      expect(sut.grantProblem(grant({ amount: 900 }), payload, 2250)).toBe('grants 900 credits for a month of 500');
    });
  });
});
