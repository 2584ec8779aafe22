import request from 'supertest';
import { StarsClient } from 'src/telegram/stars-client';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { ledgerMismatches } from '../support/ledger';
import { payAndWait, pressTier, requestInvoice } from '../support/payment-helpers';
import { deliverForged, rejectionCount, startWebhookApp } from '../support/payment-forgery';
import { chooseSpread, Player, waitForDelivery } from '../support/reading-helpers';
import { ADMIN_TOKEN, startStandIn, TestApp } from '../support/test-app';

const TEN_YEARS_S = 10 * 365 * 86_400;

/**
 * Payment updates that Telegram never sent, or that do not match the invoice they name (a bug, a
 * replay from a log, a misrouted update, a leaked webhook secret): none moves money, each is
 * counted for an operator, and each is answered 200 so that it is not delivered again forever.
 */
describe('payment updates checked against our own rows', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  const ann: Player = { id: 21_001, first_name: 'Ann' };
  const ben: Player = { id: 21_002, first_name: 'Ben' };

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startWebhookApp(standIn);
    await say(standIn, ann, '/start');
    await say(standIn, ben, '/start');
  });

  afterAll(async () => {
    expect(await ledgerMismatches(sut.dataSource)).toEqual([]);
    await sut?.close();
    await standIn?.stop();
  });

  const userRow = async (player: Player) =>
    (await sut.dataSource.query(`SELECT id, credits, subscription_tier, subscription_expires_at FROM users WHERE telegram_id = $1`, [player.id]))[0];
  const ledgerOf = (player: Player) =>
    sut.dataSource.query(`SELECT t.* FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_id = $1 ORDER BY t.id`, [player.id]);
  const moneyOf = async (player: Player) => {
    const user = await userRow(player);
    const rows = await ledgerOf(player);
    return { credits: user.credits, tier: user.subscription_tier, rows: rows.map((r: { id: number; status: string; amount: number }) => `${r.id}:${r.status}:${r.amount}`) };
  };
  const metrics = async () => (await request(sut.server).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200)).text;
  /** Asks for a package's invoice and returns its payload and pending row. */
  const invoiceFor = async (player: Player, packageKey: string) => {
    const messageId = await requestInvoice(standIn, player, packageKey);
    const payload = String(standIn.calls('sendInvoice').at(-1)!.params.payload);
    const pending = (await ledgerOf(player)).at(-1);
    return { messageId, payload, pending };
  };

  describe('successful_payment', () => {
    it("does not credit B when A sends a payment carrying B's pending invoice", async () => {
      const { payload } = await invoiceFor(ben, 'credits_50');
      const before = { ann: await moneyOf(ann), ben: await moneyOf(ben) };
      const counted = rejectionCount(await metrics(), 'successful_payment', 'other_user');

      const report = await deliverForged(standIn, ann, 'successful_payment', { currency: 'XTR', total_amount: 500, invoice_payload: payload });

      expect(report.status).toBe(200);
      expect({ ann: await moneyOf(ann), ben: await moneyOf(ben) }).toEqual(before);
      expect(rejectionCount(await metrics(), 'successful_payment', 'other_user')).toBe(counted + 1);
    });

    it('does not grant a 1,500-credit invoice paid with 500 Stars, and refuses it at pre-checkout', async () => {
      const { payload } = await invoiceFor(ann, 'credits_1500');
      const asked = await standIn.askPreCheckout(ann, { currency: 'XTR', total_amount: 500, invoice_payload: payload });
      expect(asked).toMatchObject({ ok: false, reason: 'refused' });
      expect(asked.errorMessage).toContain('does not match');

      const before = await moneyOf(ann);
      const report = await deliverForged(standIn, ann, 'successful_payment', { currency: 'XTR', total_amount: 500, invoice_payload: payload });
      expect(report.status).toBe(200);
      expect(await moneyOf(ann)).toEqual(before);
      expect(rejectionCount(await metrics(), 'successful_payment', 'amount')).toBe(1);
    });

    it('refuses a currency other than Stars at pre-checkout, and grants nothing for a payment in it', async () => {
      const { payload } = await invoiceFor(ann, 'credits_50');
      const asked = await standIn.askPreCheckout(ann, { currency: 'USD', total_amount: 1, invoice_payload: payload });
      expect(asked).toMatchObject({ ok: false, reason: 'refused' });
      expect(asked.errorMessage).toContain('Telegram Stars');

      const before = await moneyOf(ann);
      const report = await deliverForged(standIn, ann, 'successful_payment', { currency: 'USD', total_amount: 1, invoice_payload: payload });
      expect(report.status).toBe(200);
      expect(await moneyOf(ann)).toEqual(before);
      expect(rejectionCount(await metrics(), 'successful_payment', 'currency')).toBe(1);
    });

    it('refuses at pre-checkout a package that does not match the invoice it names, and grants nothing for it', async () => {
      const { pending } = await invoiceFor(ann, 'credits_50');
      const payload = `p1:${pending.id}:credits_1500:9000:${ann.id}`;
      const asked = await standIn.askPreCheckout(ann, { currency: 'XTR', total_amount: 9000, invoice_payload: payload });
      expect(asked).toMatchObject({ ok: false, reason: 'refused' });
      expect(asked.errorMessage).toContain('does not match');

      const before = await moneyOf(ann);
      await deliverForged(standIn, ann, 'successful_payment', { currency: 'XTR', total_amount: 9000, invoice_payload: payload });
      expect(await moneyOf(ann)).toEqual(before);
    });

    it('does not turn an operator grant or a reading cost into a purchase', async () => {
      const { id: annId } = await userRow(ann);
      const grant = await request(sut.server)
        .post(`/api/v1/users/${annId}/credits/grant`)
        .set(auth)
        .send({ amount: 10_000, reason: 'test grant' })
        .expect(200);
      await chooseSpread(standIn, ann, 'single');
      const mark = standIn.mark();
      await standIn.sendText(ann, '/skip');
      await waitForDelivery(standIn, ann.id, mark);
      const cost = (await ledgerOf(ann)).find((r: { type: string }) => r.type === 'reading_cost');

      const before = await moneyOf(ann);
      for (const [id, stars] of [
        [grant.body.transactionId, 1],
        [cost.id, 500],
      ]) {
        const report = await deliverForged(standIn, ann, 'successful_payment', {
          currency: 'XTR',
          total_amount: stars,
          invoice_payload: `p1:${id}:credits_50:${stars}:${ann.id}`,
        });
        expect(report.status).toBe(200);
      }
      expect(await moneyOf(ann)).toEqual(before);
      const purchases = (await ledgerOf(ann)).filter((r: { type: string; status: string }) => r.type === 'purchase' && r.status === 'completed');
      expect(purchases).toEqual([]);
      expect(rejectionCount(await metrics(), 'successful_payment', 'invoice')).toBeGreaterThanOrEqual(2);
      await request(sut.server).post(`/api/v1/users/${annId}/credits/deduct`).set(auth).send({ amount: 10_000, reason: 'undo test grant' }).expect(200);
    });

    it('gives no tier for a subscription payment naming another user, or one ending ten years from now', async () => {
      const now = Math.floor(Date.now() / 1000);
      const { link } = await pressTier(standIn, ann, 'professional');
      const ownLink = String(standIn.calls('createInvoiceLink').find((c) => c.result === link)!.params.payload);
      const before = { ann: await moneyOf(ann), ben: await moneyOf(ben) };
      for (const payload of [`s1:professional:5000:${ben.id}:${now}`, ownLink]) {
        const report = await deliverForged(standIn, ann, 'successful_payment', {
          currency: 'XTR',
          total_amount: 5000,
          invoice_payload: payload,
          subscription_expiration_date: now + TEN_YEARS_S,
          is_recurring: true,
          is_first_recurring: true,
        });
        expect(report.status).toBe(200);
      }
      expect({ ann: await moneyOf(ann), ben: await moneyOf(ben) }).toEqual(before);
      const text = await metrics();
      expect(rejectionCount(text, 'successful_payment', 'other_user')).toBeGreaterThanOrEqual(2);
      expect(rejectionCount(text, 'successful_payment', 'expiry')).toBe(1);
    });
  });

  describe('refunded_payment', () => {
    it("does not let A's refund report reverse B's purchase", async () => {
      const { messageId, payload } = await invoiceFor(ben, 'credits_120');
      const { payment } = await payAndWait(standIn, ben, messageId);
      expect(payment.ok).toBe(true);
      const before = { ann: await moneyOf(ann), ben: await moneyOf(ben) };

      const report = await deliverForged(standIn, ann, 'refunded_payment', {
        currency: 'XTR',
        total_amount: 1000,
        invoice_payload: payload,
        telegram_payment_charge_id: payment.chargeId,
      });

      expect(report.status).toBe(200);
      expect({ ann: await moneyOf(ann), ben: await moneyOf(ben) }).toEqual(before);
      expect(rejectionCount(await metrics(), 'refunded_payment', 'other_user')).toBe(1);
    });
  });

  describe('pre-checkout', () => {
    it('refuses an invoice that was already paid: a new purchase takes a new invoice', async () => {
      const { messageId } = await invoiceFor(ann, 'credits_50');
      expect((await payAndWait(standIn, ann, messageId)).payment.ok).toBe(true);
      const before = await moneyOf(ann);

      const { payment } = await payAndWait(standIn, ann, messageId);

      expect(payment).toMatchObject({ ok: false, reason: 'refused' });
      expect(payment.errorMessage).toContain('already paid');
      expect(await moneyOf(ann)).toEqual(before);
    });
  });

  describe('subscriptions', () => {
    const cal: Player = { id: 21_003, first_name: 'Cal' };
    const dateOf = (date: Date) => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(date);


    it('refuses a subscription to the tier the user already has, naming its end date', async () => {
      await say(standIn, cal, '/start');
      const first = await pressTier(standIn, cal, 'basic');
      expect((await payAndWait(standIn, cal, first.link!)).payment.ok).toBe(true);
      const paid = await moneyOf(cal);
      const until = dateOf((await userRow(cal)).subscription_expires_at);

      const again = await pressTier(standIn, cal, 'basic');
      expect(again.link).toBeUndefined();
      expect(again.text).toContain('already have');
      expect(again.text).toContain(until);

      const { payment } = await payAndWait(standIn, cal, first.link!);
      expect(payment).toMatchObject({ ok: false, reason: 'refused' });
      expect(await moneyOf(cal)).toEqual(paid);
    });

    it('says what happens to the old tier when changing to another', async () => {
      const until = dateOf((await userRow(cal)).subscription_expires_at);
      const change = await pressTier(standIn, cal, 'premium');
      expect(change.link).toBeDefined();
      expect(change.text).toContain('Basic');
      expect(change.text).toContain(until);
      expect(change.text).toContain('stops renewing');
    });
  });

  describe('Idempotency-Key', () => {
    const refund = (id: number, key: string, body: object = { reason: 'asked' }) =>
      request(sut.server).post(`/api/v1/transactions/${id}/refund`).set({ ...auth, 'Idempotency-Key': key }).send(body);
    const grant = (userId: number, key: string, body: object) =>
      request(sut.server).post(`/api/v1/users/${userId}/credits/grant`).set({ ...auth, 'Idempotency-Key': key }).send(body);

    it("answers 409 IDEMPOTENCY001 naming the target when a refund's key is reused on another transaction", async () => {
      const bought: number[] = [];
      for (let i = 0; i < 2; i++) {
        const { payment } = await payAndWait(standIn, ben, await requestInvoice(standIn, ben, 'credits_50'));
        bought.push((await ledgerOf(ben)).find((r: { payment_reference: string }) => r.payment_reference === payment.chargeId).id);
      }
      const first = await refund(bought[0], 'refund-a').expect(200);
      const reused = await refund(bought[1], 'refund-a').expect(409);
      expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY001' });
      expect(reused.body.differences).toEqual(['target']);
      expect(reused.body.message).toContain(`transactions/${bought[0]}/refund`);
      const second = (await ledgerOf(ben)).find((r: { id: number }) => r.id === bought[1]);
      expect(second.status).toBe('completed');
      expect((await refund(bought[0], 'refund-a').expect(200)).body).toEqual(first.body);
    });

    it("answers 409 when a grant's key is reused on a refund, and when a grant is replayed with another reason", async () => {
      const { id: benId } = await userRow(ben);
      const granted = await grant(benId, 'grant-a', { amount: 3, reason: 'goodwill' }).expect(200);
      const purchase = (await ledgerOf(ben)).find((r: { type: string; status: string }) => r.type === 'purchase' && r.status === 'completed');

      const onRefund = await refund(purchase.id, 'grant-a').expect(409);
      expect(onRefund.body).toMatchObject({ code: 'IDEMPOTENCY001' });
      expect(onRefund.body.differences).toEqual(expect.arrayContaining(['route', 'target']));

      const otherReason = await grant(benId, 'grant-a', { amount: 3, reason: 'another reason' }).expect(409);
      expect(otherReason.body.differences).toEqual(['body.reason']);

      const same = await grant(benId, 'grant-a', { reason: 'goodwill', amount: 3 }).expect(200);
      expect(same.body).toEqual(granted.body);
      const grants = (await ledgerOf(ben)).filter((r: { payment_provider: string }) => r.payment_provider === 'operator');
      expect(grants).toHaveLength(1);
    });
  });

  describe('the Stars audit', () => {
    const starsAudit = async () => (await request(sut.server).get('/api/v1/ledger/stars-audit').set(auth).expect(200)).body;
    const grantsOf = async (player: Player) =>
      (await ledgerOf(player)).filter((r: { payment_provider: string; status: string; type: string }) => r.payment_provider === 'telegram_stars' && r.status === 'completed' && r.type === 'purchase');
    /** Applies `plant` in SQL, reads the audit, and undoes it. */
    const plant = async (change: string, undo: string, params: unknown[], undoParams = params) => {
      await sut.dataSource.query(change, params);
      try {
        return await starsAudit();
      } finally {
        await sut.dataSource.query(undo, undoParams);
      }
    };

    it("finds every charge in Telegram's ledger granted once, to its payer, after all the forged updates", async () => {
      const report = await starsAudit();
      expect(report).toMatchObject({ ok: true, mismatches: [] });
      expect(report.charges).toBe(5);
      expect(report.refunds).toBe(1);
      expect(report.grants).toBe(report.charges);
    });

    it('names each kind of mismatch with its own code', async () => {
      const [grant] = await grantsOf(ben);
      const { id: annId } = await userRow(ann);
      const kinds = (report: { mismatches: { code: string; kind: string; transactionId: number | null }[] }) =>
        report.mismatches.map((m) => `${m.code} ${m.kind}`);

      expect(kinds(await plant(`UPDATE transactions SET status = 'failed' WHERE id = $1`, `UPDATE transactions SET status = 'completed' WHERE id = $1`, [grant.id]))).toEqual([
        'CREDIT005 charge_not_granted',
      ]);
      expect(
        kinds(
          await plant(
            `INSERT INTO transactions (user_id, amount, type, status, payment_provider, payment_reference, metadata)
             VALUES ($1, 50, 'purchase', 'completed', 'telegram_stars', 'forged_planted', '{"package":"credits_50","stars":500}')`,
            `DELETE FROM transactions WHERE payment_reference = 'forged_planted' AND user_id = $1`,
            [annId],
          ),
        ),
      ).toEqual(['CREDIT006 grant_without_charge']);
      expect(
        kinds(await plant(`UPDATE transactions SET user_id = $2 WHERE id = $1`, `UPDATE transactions SET user_id = $2 WHERE id = $1`, [grant.id, annId], [grant.id, grant.user_id])),
      ).toEqual(['CREDIT007 granted_to_other_user']);
      expect(kinds(await plant(`UPDATE transactions SET amount = amount + 1 WHERE id = $1`, `UPDATE transactions SET amount = amount - 1 WHERE id = $1`, [grant.id]))).toEqual([
        'CREDIT008 grant_differs_from_charge',
      ]);
      expect(kinds(await plant(`UPDATE transactions SET status = 'refunded' WHERE id = $1`, `UPDATE transactions SET status = 'completed' WHERE id = $1`, [grant.id]))).toEqual([
        'CREDIT010 refunded_without_telegram',
      ]);

      await sut.app.get(StarsClient).refundStarPayment(ben.id, grant.payment_reference);
      const unapplied = await starsAudit();
      expect(unapplied.mismatches).toEqual([expect.objectContaining({ code: 'CREDIT009', kind: 'refund_not_applied', transactionId: grant.id })]);
      await request(sut.server).post('/api/v1/reconciliation?fromStart=true').set(auth).expect(200);
      expect(await starsAudit()).toMatchObject({ ok: true, mismatches: [] });
    });
  });

  describe('subscriptions from links made before links had rows (s1)', () => {
    const dan: Player = { id: 21_004, first_name: 'Dan' };
    const legacyCharge = 'legacy_first_charge_of_dan';

    it('still renews one, chained to its first charge, but takes no new one', async () => {
      await say(standIn, dan, '/start');
      const { id } = await userRow(dan);
      const [{ id: first }] = await sut.dataSource.query(
        `INSERT INTO transactions (user_id, amount, type, status, payment_provider, payment_reference, metadata)
         VALUES ($1, 150, 'subscription', 'completed', 'telegram_stars', $2, $3) RETURNING id`,
        [id, legacyCharge, { tier: 'basic', stars: 750, recurring: false, subscriptionChargeId: legacyCharge }],
      );
      await sut.dataSource.query(
        `UPDATE users SET credits = credits + 150, subscription_tier = 'basic', subscription_expires_at = now() + interval '1 hour' WHERE id = $1`,
        [id],
      );
      const now = Math.floor(Date.now() / 1000);
      const renewal = await deliverForged(standIn, dan, 'successful_payment', {
        currency: 'XTR',
        total_amount: 750,
        invoice_payload: `s1:basic:750:${dan.id}:${now - 30 * 86_400}`,
        subscription_expiration_date: now + 30 * 86_400,
        is_recurring: true,
      });
      expect(renewal.status).toBe(200);
      const renewed = (await ledgerOf(dan)).at(-1);
      expect(renewed).toMatchObject({ type: 'subscription', status: 'completed', amount: 150 });
      expect(renewed.metadata).toMatchObject({ tier: 'basic', recurring: true, subscriptionChargeId: legacyCharge, renews: first });
      expect((await userRow(dan)).credits).toBe(305);

      const before = await moneyOf(dan);
      const premium = `s1:premium:2250:${dan.id}:${now}`;
      await deliverForged(standIn, dan, 'successful_payment', {
        currency: 'XTR',
        total_amount: 2250,
        invoice_payload: premium,
        subscription_expiration_date: now + 30 * 86_400,
        is_recurring: true,
        is_first_recurring: true,
      });
      expect(await moneyOf(dan)).toEqual(before);
      const asked = await standIn.askPreCheckout(dan, { currency: 'XTR', total_amount: 2250, invoice_payload: premium });
      expect(asked.errorMessage).toContain('expired');
      // Telegram never charged these: out of the Stars ledger they go, back to how it was.
      await sut.dataSource.query(`DELETE FROM transactions WHERE user_id = $1 AND type = 'subscription'`, [id]);
      await sut.dataSource.query(`UPDATE users SET credits = 5, subscription_tier = NULL, subscription_expires_at = NULL WHERE id = $1`, [id]);
    });
  });
});
