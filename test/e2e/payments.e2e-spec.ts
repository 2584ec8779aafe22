import request from 'supertest';
import { LedgerAuditJob } from 'src/payments/ledger-audit.job';
import { CatalogService } from 'src/catalog/catalog.service';
import { PaymentsJobs } from 'src/payments/payments.jobs';
import { StarsClient } from 'src/telegram/stars-client';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { ledgerMismatches } from '../support/ledger';
import { eventually } from '../support/eventually';
import { payAndWait, pressTier, requestInvoice } from '../support/payment-helpers';
import { chooseSpread, Player, waitForDelivery } from '../support/reading-helpers';
import { ADMIN_TOKEN, startAppOnStandIn, stopAppOnStandIn, TestApp } from '../support/test-app';

describe('money', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

  beforeAll(async () => {
    ({ standIn, sut } = await startAppOnStandIn());
  });

  afterAll(async () => {
    expect(await ledgerMismatches(sut.dataSource)).toEqual([]);
    await stopAppOnStandIn(sut, standIn);
  });

  const userRow = async (telegramId: number) =>
    (await sut.dataSource.query(`SELECT id, credits, subscription_tier, subscription_expires_at, preferences FROM users WHERE telegram_id = $1`, [telegramId]))[0];
  const ledgerOf = async (telegramId: number) =>
    sut.dataSource.query(
      `SELECT t.* FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_id = $1 ORDER BY t.id`,
      [telegramId],
    );
  const start = async (user: Player) => {
    await say(standIn, user, '/start');
    return userRow(user.id);
  };
  /** A whole pass of the ledger sweep, then GET /ledger/audit's report of it. */
  const audit = async () => {
    await sut.app.get(LedgerAuditJob).step(1_000_000);
    const body = (await request(sut.server).get('/api/v1/ledger/audit').set(auth).expect(200)).body;
    return { ok: body.ok, code: body.code, users: body.last.checked, mismatches: body.last.mismatches };
  };

  describe('packages', () => {
    it('buys a package from /buy to the credited balance', async () => {
      const user: Player = { id: 20_001, first_name: 'Pat' };
      await start(user);
      const invoiceId = await requestInvoice(standIn, user, 'credits_50');
      const invoice = standIn.calls('sendInvoice').at(-1)!.params;
      expect(invoice).toMatchObject({ currency: 'XTR', provider_token: '', prices: [{ amount: 500 }], start_parameter: 'buy_credits_50' });
      expect(Buffer.byteLength(String(invoice.payload))).toBeLessThanOrEqual(128);
      const [pending] = await ledgerOf(user.id).then((rows) => rows.filter((r: { status: string }) => r.status === 'pending'));
      expect(pending).toMatchObject({ type: 'purchase', amount: 50, payment_provider: 'telegram_stars' });

      const { payment, reply } = await payAndWait(standIn, user, invoiceId);
      expect(payment.ok).toBe(true);
      expect(reply).toContain('<b>50</b> credits were added');
      expect(reply).toContain('<b>55 credits</b>');
      const rows = await ledgerOf(user.id);
      const purchase = rows.find((r: { id: number }) => r.id === pending.id);
      expect(purchase).toMatchObject({ status: 'completed', payment_reference: payment.chargeId, payment_provider: 'telegram_stars' });
      expect(purchase.metadata).toMatchObject({ package: 'credits_50', stars: 500, charged: 500 });
      expect(payment.chargeId!.length).toBeGreaterThan(100);
      expect((await userRow(user.id)).credits).toBe(55);
    });

    it('grants a charge once when Telegram delivers its payment twice', async () => {
      const user: Player = { id: 20_002, first_name: 'Quin' };
      await start(user);
      const { payment } = await payAndWait(standIn, user, await requestInvoice(standIn, user, 'credits_120'));
      const copy = { ...payment.update!, update_id: standIn.nextUpdateId() };
      await standIn.deliver(copy);
      await standIn.deliver(payment.update!);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const grants = (await ledgerOf(user.id)).filter((r: { payment_reference: string }) => r.payment_reference === payment.chargeId);
      expect(grants).toHaveLength(1);
      expect((await userRow(user.id)).credits).toBe(125);
    });

    it('grants a charge that raced past pre-checkout onto an invoice already paid as a purchase of its own', async () => {
      const user: Player = { id: 20_003, first_name: 'Rae' };
      await start(user);
      const invoiceId = await requestInvoice(standIn, user, 'credits_50');
      // Both pre-checkouts are answered while the invoice is still unpaid; then both charges arrive.
      const [first, second] = await Promise.all([standIn.payInvoice(user, invoiceId), standIn.payInvoice(user, invoiceId)]);
      expect([first.ok, second.ok]).toEqual([true, true]);
      expect(first.chargeId).not.toBe(second.chargeId);
      await eventually(async () => expect((await userRow(user.id)).credits).toBe(105));
      const purchases = (await ledgerOf(user.id)).filter((r: { payment_provider: string; status: string }) => r.payment_provider === 'telegram_stars' && r.status === 'completed');
      expect(purchases.map((p: { amount: number; metadata: { package: string } }) => [p.amount, p.metadata.package])).toEqual([
        [50, 'credits_50'],
        [50, 'credits_50'],
      ]);
    });

    it('refuses at pre-checkout an invoice paid by someone it was not made for', async () => {
      const owner: Player = { id: 20_004, first_name: 'Sol' };
      const other: Player = { id: 20_005, first_name: 'Tam' };
      await start(owner);
      await start(other);
      const invoiceId = await requestInvoice(standIn, owner, 'credits_50');
      const { payment } = await payAndWait(standIn, other, invoiceId, { fromChatOf: owner.id });
      expect(payment).toMatchObject({ ok: false, reason: 'refused' });
      expect(payment.errorMessage).toContain('made for someone else');
      expect((await userRow(other.id)).credits).toBe(5);
    });

    it('refuses a package whose price changed since the invoice', async () => {
      const user: Player = { id: 20_006, first_name: 'Uli' };
      await start(user);
      const invoiceId = await requestInvoice(standIn, user, 'credits_50');
      const pkg = sut.app.get(CatalogService).catalog.packages.find((p) => p.key === 'credits_50')!;
      pkg.stars = 600;
      try {
        const { payment } = await payAndWait(standIn, user, invoiceId);
        expect(payment).toMatchObject({ ok: false, reason: 'refused' });
        expect(payment.errorMessage).toContain('price of this package has changed');
      } finally {
        pkg.stars = 500;
      }
    });

    it('refuses an expired invoice, and fails unpaid ones after 24 hours', async () => {
      const user: Player = { id: 20_007, first_name: 'Val' };
      const { id } = await start(user);
      const invoiceId = await requestInvoice(standIn, user, 'credits_50');
      await sut.dataSource.query(`UPDATE transactions SET created_at = now() - interval '25 hours' WHERE user_id = $1 AND status = 'pending'`, [id]);
      const { payment } = await payAndWait(standIn, user, invoiceId);
      expect(payment.errorMessage).toContain('expired');
      expect(await sut.app.get(PaymentsJobs).expireInvoices()).toBeGreaterThanOrEqual(1);
      const [row] = (await ledgerOf(user.id)).filter((r: { type: string; payment_provider: string }) => r.payment_provider === 'telegram_stars');
      expect(row.status).toBe('failed');
    });

    it('refuses a suspended user at pre-checkout', async () => {
      const user: Player = { id: 20_008, first_name: 'Wyn' };
      const { id } = await start(user);
      const invoiceId = await requestInvoice(standIn, user, 'credits_50');
      await request(sut.server).patch(`/api/v1/users/${id}/status`).set(auth).send({ status: 'suspended' }).expect(200);
      const { payment } = await payAndWait(standIn, user, invoiceId);
      expect(payment.errorMessage).toContain('cannot make payments');
      await request(sut.server).patch(`/api/v1/users/${id}/status`).set(auth).send({ status: 'active' }).expect(200);
    });
  });

  describe('subscriptions', () => {
    const user: Player = { id: 20_010, first_name: 'Xan' };
    let firstCharge: string;

    const subscribeTo = async (tier: string) => {
      const { text, link } = await pressTier(standIn, user, tier);
      expect(text).toContain('Tap to subscribe');
      expect(standIn.calls('createInvoiceLink').at(-1)!.params).toMatchObject({ currency: 'XTR', subscription_period: 2592000 });
      return payAndWait(standIn, user, link!);
    };

    it('starts a subscription: tier, end date and the month\'s credits', async () => {
      await start(user);
      const { payment, reply } = await subscribeTo('basic');
      firstCharge = payment.chargeId!;
      expect(reply).toContain('Welcome to <b>Basic</b>');
      const row = await userRow(user.id);
      expect(row.subscription_tier).toBe('basic');
      expect(row.subscription_expires_at.getTime()).toBeGreaterThan(Date.now() + 29 * 86400_000);
      expect(row.credits).toBe(155);
      const [sub] = (await ledgerOf(user.id)).filter((r: { type: string }) => r.type === 'subscription');
      expect(sub).toMatchObject({ amount: 150, status: 'completed', payment_reference: firstCharge });
    });

    it('gives subscribers the package bonus', async () => {
      const mark = standIn.mark();
      await standIn.sendText(user, '/buy');
      const menu = await standIn.waitForCall((c) => c.method === 'sendMessage' && String(c.params.text).includes('Buy credits'), { after: mark });
      expect(JSON.stringify(menu.params.reply_markup)).toContain('50 credits (+5)');
    });

    it('renews once per charge', async () => {
      const mark = standIn.mark();
      const renewal = await standIn.renewSubscription(user, firstCharge);
      expect(renewal.ok).toBe(true);
      await standIn.waitForCall((c) => c.method === 'sendMessage' && String(c.params.text).includes('plan renewed'), { after: mark });
      await standIn.deliver({ ...renewal.update!, update_id: standIn.nextUpdateId() });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await ledgerOf(user.id)).filter((r: { type: string }) => r.type === 'subscription')).toHaveLength(2);
      expect((await userRow(user.id)).credits).toBe(305);
    });

    it('cancels and re-enables renewal', async () => {
      let mark = standIn.mark();
      await standIn.sendText(user, '/subscribe');
      const menu = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
      expect(String(menu.params.text)).toContain('Renewal is <b>on</b>');
      mark = standIn.mark();
      await standIn.pressButton(user, (menu.result as { message_id: number }).message_id, 'v1:renew:off');
      const edit = await standIn.waitForCall('editUserStarSubscription', { after: mark });
      expect(edit.params).toMatchObject({ user_id: user.id, telegram_payment_charge_id: firstCharge, is_canceled: true });
      await standIn.waitForCall((c) => c.method === 'sendMessage' && String(c.params.text).includes('renewal is now'), { after: mark });
      expect(standIn.subscription(firstCharge)?.isCanceled).toBe(true);
      expect((await standIn.renewSubscription(user, firstCharge)).ok).toBe(false);

      mark = standIn.mark();
      await standIn.sendText(user, '/subscribe');
      const again = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
      expect(String(again.params.text)).toContain('Renewal is <b>off</b>');
      mark = standIn.mark();
      await standIn.pressButton(user, (again.result as { message_id: number }).message_id, 'v1:renew:on');
      await standIn.waitForCall((c) => c.method === 'editUserStarSubscription' && c.params.is_canceled === false, { after: mark });
      await standIn.waitForCall((c) => c.method === 'sendMessage' && String(c.params.text).includes('renewal is now'), { after: mark });
      expect(standIn.subscription(firstCharge)?.isCanceled).toBe(false);
    });

    it('upgrades to another tier and cancels the old renewal', async () => {
      const mark = standIn.mark();
      const { reply } = await subscribeTo('premium');
      expect(reply).toContain('Premium');
      const cancel = await standIn.waitForCall((c) => c.method === 'editUserStarSubscription' && c.params.is_canceled === true, { after: mark });
      expect(cancel.params.telegram_payment_charge_id).toBe(firstCharge);
      expect((await userRow(user.id)).subscription_tier).toBe('premium');
    });

    it('takes the tier away when the month has run out, keeping the credits', async () => {
      const before = await userRow(user.id);
      await sut.dataSource.query(`UPDATE users SET subscription_expires_at = now() - interval '1 minute' WHERE id = $1`, [before.id]);
      expect(await sut.app.get(PaymentsJobs).lapseSubscriptions()).toBe(1);
      const after = await userRow(user.id);
      expect(after.subscription_tier).toBeNull();
      expect(after.credits).toBe(before.credits);
    });
  });

  describe('refunds', () => {
    const buyer: Player = { id: 20_020, first_name: 'Yve' };
    let purchaseId: number;
    let chargeId: string;

    const purchase = async (user: Player) => {
      const { payment } = await payAndWait(standIn, user, await requestInvoice(standIn, user, 'credits_50'));
      const row = (await ledgerOf(user.id)).find((r: { payment_reference: string }) => r.payment_reference === payment.chargeId);
      return { id: row.id as number, chargeId: payment.chargeId! };
    };
    const refund = (id: number, body: object, key?: string) =>
      request(sut.server).post(`/api/v1/transactions/${id}/refund`).set({ ...auth, ...(key ? { 'Idempotency-Key': key } : {}) }).send(body);

    it('refunds a purchase by operator: Telegram refunds, the credits are taken back', async () => {
      await start(buyer);
      ({ id: purchaseId, chargeId } = await purchase(buyer));
      const { body } = await refund(purchaseId, { reason: 'customer asked' }, 'refund-1').expect(200);
      expect(body).toMatchObject({ refunded: 50, taken: 50, shortfall: 0, balance: 5 });
      expect(standIn.calls('refundStarPayment').at(-1)!.params).toMatchObject({ user_id: buyer.id, telegram_payment_charge_id: chargeId });
      const rows = await ledgerOf(buyer.id);
      expect(rows.find((r: { id: number }) => r.id === purchaseId)).toMatchObject({ status: 'refunded', refund_reference: chargeId });
      const refundRow = rows.find((r: { type: string }) => r.type === 'refund');
      expect(refundRow).toMatchObject({ amount: -50, status: 'completed' });
      expect(refundRow.metadata).toMatchObject({ reverses: purchaseId, operator: 'tester', reason: 'customer asked' });
    });

    it('acts once for a retried refund request with the same Idempotency-Key', async () => {
      const { body } = await refund(purchaseId, { reason: 'customer asked' }, 'refund-1').expect(200);
      expect(body).toMatchObject({ refunded: 50, taken: 50 });
      expect((await ledgerOf(buyer.id)).filter((r: { type: string }) => r.type === 'refund')).toHaveLength(1);
    });

    it('answers a second refund of the same charge clearly', async () => {
      const { body } = await refund(purchaseId, { reason: 'again' }).expect(422);
      expect(body).toMatchObject({ code: 'PAY002' });
      expect(body.message).toContain('already refunded');
    });

    it('refuses to refund spent credits unless forced, then takes what is left and flags the user', async () => {
      const user: Player = { id: 20_021, first_name: 'Zoe' };
      await start(user);
      const bought = await purchase(user);
      await chooseSpread(standIn, user, 'celtic_cross');
      const mark = standIn.mark();
      await standIn.sendText(user, '/skip');
      await waitForDelivery(standIn, user.id, mark);
      expect((await userRow(user.id)).credits).toBe(40);

      const refused = await refund(bought.id, { reason: 'dispute' }).expect(422);
      expect(refused.body.code).toBe('PAY002');
      expect((await userRow(user.id)).credits).toBe(40);

      const { body } = await refund(bought.id, { reason: 'dispute', force: true }).expect(200);
      expect(body).toMatchObject({ refunded: 50, taken: 40, shortfall: 10, balance: 0 });
      expect((await userRow(user.id)).preferences.refundShortfall).toBe(true);
    });

    it('applies a refund Telegram reports, once', async () => {
      const user: Player = { id: 20_022, first_name: 'Abe' };
      await start(user);
      const bought = await purchase(user);
      const mark = standIn.mark();
      const report = await standIn.refundFromTelegram(user, bought.chargeId);
      await standIn.waitForCall((c) => c.method === 'sendMessage' && String(c.params.text).includes('was refunded'), { after: mark });
      await standIn.deliver({ ...report.update, update_id: standIn.nextUpdateId() });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await ledgerOf(user.id)).filter((r: { type: string }) => r.type === 'refund')).toHaveLength(1);
      expect((await userRow(user.id)).credits).toBe(5);
    });

    it('refunding a subscription charge ends the tier', async () => {
      const [row] = (await ledgerOf(20_010)).filter((r: { type: string; metadata: { tier: string } }) => r.type === 'subscription' && r.metadata.tier === 'premium');
      await sut.dataSource.query(`UPDATE users SET subscription_tier = 'premium', subscription_expires_at = now() + interval '20 days' WHERE telegram_id = 20010`);
      await refund(row.id, { reason: 'cancelled plan', force: true }).expect(200);
      expect((await userRow(20_010)).subscription_tier).toBeNull();
    });
  });

  describe('reconciliation and audit', () => {
    it("applies payments and refunds from Telegram's ledger that the bot never saw, across pages", async () => {
      const user: Player = { id: 20_030, first_name: 'Bo' };
      const { id } = await start(user);
      for (let i = 0; i < 3; i++) await payAndWait(standIn, user, await requestInvoice(standIn, user, 'credits_50'));
      const total = standIn.starTransactions().length;
      expect(total).toBeGreaterThan(10);
      // Pad Telegram's ledger past one page of 100 with the monthly charges of another user's subscription.
      const filler: Player = { id: 20_031, first_name: 'Cy' };
      await start(filler);
      const { payment: firstMonth } = await payAndWait(standIn, filler, (await pressTier(standIn, filler, 'basic')).link!);
      while (standIn.starTransactions().length <= 105) await standIn.renewSubscription(filler, firstMonth.chargeId!);
      const months = standIn.charges().filter((c) => c.user.id === filler.id).length;
      await eventually(async () => expect((await ledgerOf(filler.id)).filter((r: { status: string }) => r.status === 'completed')).toHaveLength(months + 1), 20_000);

      const grants = (await ledgerOf(user.id)).filter((r: { payment_provider: string; status: string }) => r.payment_provider === 'telegram_stars' && r.status === 'completed');
      const missed = grants[0];
      // As if its successful_payment never arrived: the invoice is still pending, nothing granted.
      await sut.dataSource.query(`UPDATE transactions SET status = 'pending', payment_reference = NULL, created_at = now() WHERE id = $1`, [missed.id]);
      await sut.dataSource.query(`UPDATE users SET credits = credits - $2 WHERE id = $1`, [id, missed.amount]);
      await sut.app.get(StarsClient).refundStarPayment(user.id, grants[1].payment_reference);

      const first = await request(sut.server).post('/api/v1/reconciliation?fromStart=true').set(auth).expect(200);
      expect(first.body).toMatchObject({ paymentsApplied: 1, refundsApplied: 1 });
      expect(first.body.scanned).toBeGreaterThan(100);
      const again = await request(sut.server).post('/api/v1/reconciliation?fromStart=true').set(auth).expect(200);
      expect(again.body).toMatchObject({ paymentsApplied: 0, refundsApplied: 0 });
      const incremental = await request(sut.server).post('/api/v1/reconciliation').set(auth).expect(200);
      expect(incremental.body.scanned).toBe(0);
      expect((await userRow(user.id)).credits).toBe(5 + 150 - 50);
    });

    it('finds the ledger clean after all of it, and shows a planted mismatch', async () => {
      await eventually(async () => expect(await audit()).toMatchObject({ ok: true, mismatches: [] }));
      const stars = (await request(sut.server).get('/api/v1/ledger/stars-audit').set(auth).expect(200)).body;
      expect(stars).toMatchObject({ ok: true, mismatches: [] });
      expect(stars.charges).toBeGreaterThan(100);
      const { id } = await userRow(20_001);
      await sut.dataSource.query(`UPDATE users SET credits = credits + 3 WHERE id = $1`, [id]);
      const report = await audit();
      expect(report).toMatchObject({ ok: false, code: 'CREDIT004' });
      expect(report.mismatches).toEqual([{ userId: id, credits: 58, ledgerSum: 55 }]);
      await sut.dataSource.query(`UPDATE users SET credits = credits - 3 WHERE id = $1`, [id]);
    });

    it('counts the flows in the Prometheus metrics', async () => {
      const { text } = await request(sut.server).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
      expect(text).toMatch(/tarot_updates_total\{type="message",outcome="ok"\} \d+/);
      expect(text).toMatch(/tarot_updates_total\{type="pre_checkout_query",outcome="ok"\} \d+/);
      expect(text).toMatch(/tarot_update_duration_seconds_bucket\{le="0.1",type="message"\} \d+/);
      expect(text).toMatch(/tarot_readings_total\{spread="celtic_cross",status="completed"\} 1/);
      expect(text).toMatch(/tarot_credits_granted_total\{source="telegram_stars"\} \d+/);
      expect(text).toMatch(/tarot_credits_spent_total\{kind="reading_cost"\} 15/);
      expect(text).toMatch(/tarot_payments_total\{kind="purchase",outcome="granted"\} \d+/);
      expect(text).toMatch(/tarot_payments_total\{kind="refund",outcome="telegram"\} \d+/);
      expect(text).toMatch(/tarot_cache_requests_total\{type="user_data",result="hit"\} \d+/);
      expect(text).toContain('# TYPE tarot_llm_latency_seconds histogram');
      expect(text).toContain('# TYPE tarot_rate_limit_rejections_total counter');
    });

    it('lists transactions with filters and a cursor', async () => {
      const { id } = await userRow(20_001);
      const { body } = await request(sut.server).get(`/api/v1/users/${id}/transactions?limit=1`).set(auth).expect(200);
      expect(body.items).toHaveLength(1);
      expect(body.nextCursor).not.toBeNull();
      const next = await request(sut.server).get(`/api/v1/users/${id}/transactions?limit=1&cursor=${body.nextCursor}`).set(auth).expect(200);
      expect(next.body.items[0].id).toBeLessThan(body.items[0].id);
      const refunds = await request(sut.server).get('/api/v1/transactions?type=refund&status=completed').set(auth).expect(200);
      expect(refunds.body.items.every((t: { type: string }) => t.type === 'refund')).toBe(true);
      await request(sut.server).get('/api/v1/transactions?from=yesterday').set(auth).expect(400);
      await request(sut.server).get(`/api/v1/transactions/${body.items[0].id}`).set(auth).expect(200);
    });

    it('keeps sales, bonuses and operator changes apart by type', async () => {
      const { id } = await userRow(20_001);
      await request(sut.server).post(`/api/v1/users/${id}/credits/grant`).set(auth).send({ amount: 7, reason: 'goodwill' }).expect(200);
      const byType = async (type: string) =>
        (await request(sut.server).get(`/api/v1/users/${id}/transactions?type=${type}&limit=200`).set(auth).expect(200)).body.items;
      const [purchases, bonuses, adjustments] = await Promise.all(['purchase', 'bonus', 'adjustment'].map(byType));
      expect(purchases.every((t: { paymentProvider: string; amount: number }) => t.paymentProvider === 'telegram_stars' && t.amount > 0)).toBe(true);
      expect(bonuses).toEqual([expect.objectContaining({ amount: 5, paymentProvider: 'promo', metadata: { reason: 'welcome' } })]);
      expect(adjustments).toEqual([expect.objectContaining({ amount: 7, paymentProvider: 'operator' })]);
      const { text } = await request(sut.server).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
      expect(text).toMatch(/tarot_credits_granted_total\{source="operator"\} 7/);
      await request(sut.server).post(`/api/v1/users/${id}/credits/deduct`).set(auth).send({ amount: 7, reason: 'undo goodwill' }).expect(200);
      expect((await request(sut.server).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200)).text).toMatch(/tarot_credits_spent_total\{kind="adjustment"\} 7/);
    });
  });
});
