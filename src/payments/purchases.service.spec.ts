import { MetricsService } from 'src/metrics/metrics.service';
import { User } from 'src/users/user.entity';
import { toSnapshot } from 'src/users/user-snapshot';
import { aUser, builtInCatalog, fakeDataSource, FakeLedger, FakeUsers } from 'src/payments/payments.fixtures';
import { PackagePayload } from './invoice-payload';
import { PurchasesService } from './purchases.service';
import { ChargeClaim, INVOICE_LIFETIME_MS } from './stars-product';

const NOW = new Date('2026-12-05T12:00:00Z');
const tomorrow = new Date(NOW.getTime() + 86_400_000).toISOString();

describe('PurchasesService', () => {
  let user: User;
  let users: FakeUsers;
  let ledger: FakeLedger;
  let sut: PurchasesService;

  beforeEach(() => {
    user = aUser({ id: 2, telegramId: '2002', credits: 5 });
    users = new FakeUsers(user);
    ledger = new FakeLedger(users);
    sut = new PurchasesService(fakeDataSource(), builtInCatalog(), ledger.service, users.service, new MetricsService());
  });

  describe('offers (prices and the subscriber bonus)', () => {
    it('sells the catalogue\'s packages at their price with no bonus to a user without a tier', () => {
      expect(sut.offers({ subscriptionTier: null, subscriptionExpiresAt: null }, NOW)).toEqual([
        { key: 'credits_50', stars: 500, credits: 50, bonusCredits: 0 },
        { key: 'credits_120', stars: 1000, credits: 120, bonusCredits: 0 },
        { key: 'credits_300', stars: 2250, credits: 300, bonusCredits: 0 },
        { key: 'credits_1000', stars: 7000, credits: 1000, bonusCredits: 0 },
        { key: 'credits_1500', stars: 9000, credits: 1500, bonusCredits: 0 },
      ]);
    });

    it.each([
      ['basic', [5, 12, 30, 100, 150]],
      ['premium', [7, 18, 45, 150, 225]],
      ['professional', [10, 24, 60, 200, 300]],
    ] as const)('adds the %s tier\'s bonus percent, rounded down, at the same price', (tier, bonuses) => {
      const offers = sut.offers({ subscriptionTier: tier, subscriptionExpiresAt: tomorrow }, NOW);
      expect(offers.map((o) => o.bonusCredits)).toEqual(bonuses);
      expect(offers.map((o) => o.stars)).toEqual([500, 1000, 2250, 7000, 9000]);
    });

    it('gives no bonus once the tier\'s month has ended', () => {
      const offers = sut.offers({ subscriptionTier: 'professional', subscriptionExpiresAt: NOW.toISOString() }, NOW);
      expect(offers.every((o) => o.bonusCredits === 0)).toBe(true);
    });
  });

  describe('createInvoice', () => {
    it('records a pending purchase of the credits and the bonus, and a payload naming the row, package and price', async () => {
      Object.assign(user, { subscriptionTier: 'premium', subscriptionExpiresAt: new Date(Date.now() + 86_400_000) });

      const invoice = await sut.createInvoice(toSnapshot(user), 'credits_300');

      expect(invoice?.offer).toEqual({ key: 'credits_300', stars: 2250, credits: 300, bonusCredits: 45 });
      expect(invoice?.transaction).toMatchObject({ userId: 2, amount: 345, type: 'purchase', status: 'pending', metadata: { package: 'credits_300', stars: 2250, credits: 300, bonusCredits: 45 } });
      expect(typeof invoice?.payload).toBe('string');
    });

    it('records nothing for a package that is not on sale', async () => {
      await expect(sut.createInvoice(toSnapshot(user), 'credits_7')).resolves.toBeUndefined();
      expect(ledger.rows).toEqual([]);
    });
  });

  describe('a payment', () => {
    function invoice(createdAt = NOW): PackagePayload {
      const row = ledger.add({ userId: user.id, amount: 132, type: 'purchase', status: 'pending', createdAt, metadata: { package: 'credits_120', stars: 1000, credits: 120, bonusCredits: 12 } });
      return { kind: 'package', transactionId: row.id, packageKey: 'credits_120', stars: 1000, telegramUserId: '2002' };
    }
    const claim = (chargeId: string, totalAmount = 1000): ChargeClaim => ({ payerTelegramId: '2002', currency: 'XTR', totalAmount, payload: 'p', chargeId });

    it('passes pre-checkout for the user\'s own unpaid invoice within a day at its price', async () => {
      await expect(sut.checkPreCheckout(claim('c'), invoice(), user, NOW)).resolves.toEqual({ ok: true });
      await expect(sut.checkPreCheckout(claim('c'), invoice(new Date(NOW.getTime() - INVOICE_LIFETIME_MS - 1)), user, NOW)).resolves.toMatchObject({ refusal: 'expired' });
      await expect(sut.checkPreCheckout(claim('c', 999), invoice(), user, NOW)).resolves.toMatchObject({ refusal: 'amount' });
      await expect(sut.checkPreCheckout(claim('c'), invoice(), aUser({ id: 9 }), NOW)).resolves.toMatchObject({ refusal: 'invoice' });
    });

    it('refuses pre-checkout when the package\'s price changed since the invoice', async () => {
      const payload = { ...invoice(), stars: 900 };
      ledger.rows[0].metadata = { ...ledger.rows[0].metadata, stars: 900 };

      await expect(sut.checkPreCheckout(claim('c', 900), payload, user, NOW)).resolves.toMatchObject({ refusal: 'price_changed' });
    });

    it('grants the invoice\'s credits with the bonus once per charge', async () => {
      const payload = invoice();

      await expect(sut.applyPayment(claim('c-1'), payload, user)).resolves.toEqual({ kind: 'granted', product: 'package', credits: 132, balance: 137 });
      await expect(sut.applyPayment(claim('c-1'), payload, user)).resolves.toEqual({ kind: 'duplicate' });

      expect(ledger.rows[0]).toMatchObject({ status: 'completed', paymentReference: 'c-1' });
      expect(user.credits).toBe(137);
    });

    it('grants a second charge of a settled invoice as a purchase of its own, on the same terms', async () => {
      const payload = invoice();
      await sut.applyPayment(claim('c-1'), payload, user);

      await expect(sut.applyPayment(claim('c-2'), payload, user)).resolves.toMatchObject({ kind: 'granted', credits: 132, balance: 269 });
      expect(ledger.rows[1]).toMatchObject({ type: 'purchase', status: 'completed', amount: 132, paymentReference: 'c-2', metadata: { invoice: 1, charged: 1000 } });
    });

    it('refuses a charge for another amount and grants nothing', async () => {
      await expect(sut.applyPayment(claim('c-1', 1), invoice(), user)).resolves.toEqual({ kind: 'refused', refusal: 'amount' });
      expect(user.credits).toBe(5);
    });
  });
});
