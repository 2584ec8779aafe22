import { MetricsService } from 'src/metrics/metrics.service';
import { User } from 'src/users/user.entity';
import { toSnapshot } from 'src/users/user-snapshot';
import { aUser, builtInCatalog, fakeDataSource, FakeLedger, FakeStars, FakeUsers } from 'src/payments/payments.fixtures';
import { encodePayload } from './invoice-payload';
import { PaymentRejections } from './payment-rejections';
import { PurchasesService } from './purchases.service';
import { ChargeClaim } from './stars-product';
import { StarsPayments } from './stars-payments';
import { SubscriptionRenewals } from './subscription-renewals';
import { SubscriptionsService } from './subscriptions.service';

describe('StarsPayments', () => {
  let user: User;
  let ledger: FakeLedger;
  let metrics: MetricsService;
  let purchases: PurchasesService;
  let sut: StarsPayments;

  beforeEach(() => {
    user = aUser({ id: 8, telegramId: '8008', credits: 0 });
    const users = new FakeUsers(user, aUser({ id: 9, telegramId: '9009', status: 'suspended' }));
    ledger = new FakeLedger(users);
    metrics = new MetricsService();
    const dataSource = fakeDataSource();
    const stars = new FakeStars();
    const catalog = builtInCatalog();
    purchases = new PurchasesService(dataSource, catalog, ledger.service, users.service, metrics);
    const renewals = new SubscriptionRenewals(dataSource, ledger.service, users.service, stars.client);
    const subscriptions = new SubscriptionsService(dataSource, catalog, ledger.service, users.service, stars.client, renewals);
    sut = new StarsPayments(purchases, subscriptions, users.service, new PaymentRejections(metrics));
  });

  /** An invoice for the 50-credit package (500 Stars) and a charge of it. */
  async function packageCharge(fields: Partial<ChargeClaim> = {}): Promise<ChargeClaim> {
    const invoice = (await purchases.createInvoice(toSnapshot(user), 'credits_50'))!;
    return { payerTelegramId: '8008', currency: 'XTR', totalAmount: 500, payload: invoice.payload, chargeId: 'charge-50', ...fields };
  }

  async function rejections(update: string, reason: string): Promise<number> {
    return (await metrics.paymentRejections.get()).values.find((v) => v.labels.update === update && v.labels.reason === reason)?.value ?? 0;
  }

  it('hands a charge to the product its payload names, which grants it', async () => {
    const claim = await packageCharge();

    await expect(sut.preCheckout(claim)).resolves.toEqual({ ok: true });
    await expect(sut.applyPayment(claim, 'successful_payment')).resolves.toEqual({ kind: 'granted', product: 'package', credits: 50, balance: 50 });
    expect(sut.productOfGrant(ledger.rows[0])).toBe(purchases);
  });

  it.each([
    ['currency', { currency: 'USD' }],
    ['payload', { payload: 'not-ours' }],
    ['other_user', { payerTelegramId: '9009' }],
  ])('refuses a claim as %s before any product sees it, and records it', async (reason, change) => {
    const claim = await packageCharge(change);

    await expect(sut.applyPayment(claim, 'successful_payment')).resolves.toEqual({ kind: 'refused', refusal: reason });
    expect(ledger.rows[0].status).toBe('pending');
    await expect(rejections('successful_payment', reason)).resolves.toBe(1);
  });

  it('refuses a payer with no account, and at pre-checkout one who is not active', async () => {
    const stranger = encodePayload({ kind: 'package', transactionId: 1, packageKey: 'credits_50', stars: 500, telegramUserId: '7777' });
    await expect(sut.preCheckout({ payerTelegramId: '7777', currency: 'XTR', totalAmount: 500, payload: stranger })).resolves.toMatchObject({ refusal: 'unknown_user' });

    const suspended = encodePayload({ kind: 'package', transactionId: 1, packageKey: 'credits_50', stars: 500, telegramUserId: '9009' });
    await expect(sut.preCheckout({ payerTelegramId: '9009', currency: 'XTR', totalAmount: 500, payload: suspended })).resolves.toMatchObject({ refusal: 'inactive' });
    await expect(rejections('pre_checkout_query', 'inactive')).resolves.toBe(1);
  });
});
