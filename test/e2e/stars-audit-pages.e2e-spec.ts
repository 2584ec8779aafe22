import request from 'supertest';
import { StarsAuditService, StarsMismatch } from 'src/payments/stars-audit.service';
import { StarsClient } from 'src/telegram/stars-client';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { payAndWait, requestInvoice } from '../support/payment-helpers';
import { Player } from '../support/reading-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';

interface Grant {
  id: number;
  user_id: number;
  payment_reference: string;
}

/**
 * The Stars audit reads both ledgers a page at a time (a million users' grants did not fit in
 * memory): with pages of two, every kind of mismatch is still found, each once, wherever its
 * charge, its refund and its grant fall among the pages.
 */
describe('the Stars audit, a page at a time', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  const players: Player[] = [9501, 9502, 9503, 9504].map((id) => ({ id, first_name: `Pager${id}` }));
  let grants: Grant[] = [];

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn);
    for (const player of players) {
      await say(standIn, player, '/start');
      for (const pkg of ['credits_50', 'credits_120']) {
        const { payment } = await payAndWait(standIn, player, await requestInvoice(standIn, player, pkg));
        expect(payment.ok).toBe(true);
      }
    }
    grants = await sut.dataSource.query(
      `SELECT id, user_id, payment_reference FROM transactions WHERE payment_provider = 'telegram_stars' AND status = 'completed' ORDER BY id`,
    );
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  const key = (m: StarsMismatch) => `${m.kind} ${m.chargeId}`;
  const byKind = (mismatches: StarsMismatch[]) => [...mismatches].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  it('finds a clean ledger clean across pages, with every charge and grant counted', async () => {
    expect(grants).toHaveLength(8);
    const report = await sut.app.get(StarsAuditService).audit({ feed: 2, grants: 2 });
    expect(report).toEqual({ charges: 8, refunds: 0, grants: 8, mismatchCount: 0, mismatches: [] });
  });

  it('finds every planted mismatch once with pages of two, as it does in one page', async () => {
    const [notGranted, toOther, differs, reversedHere, refundedThere, refundedBoth] = grants;
    const stars = sut.app.get(StarsClient);
    const telegramId = (userId: number) => players[grants.findIndex((g) => g.user_id === userId) >> 1].id;
    await sut.dataSource.query(`UPDATE transactions SET status = 'failed' WHERE id = $1`, [notGranted.id]);
    const otherUser = grants.find((g) => g.user_id !== toOther.user_id)!.user_id;
    await sut.dataSource.query(`UPDATE transactions SET user_id = $2 WHERE id = $1`, [toOther.id, otherUser]);
    await sut.dataSource.query(`UPDATE transactions SET amount = amount + 1 WHERE id = $1`, [differs.id]);
    await sut.dataSource.query(`UPDATE transactions SET status = 'refunded' WHERE id = $1`, [reversedHere.id]);
    await stars.refundStarPayment(telegramId(refundedThere.user_id), refundedThere.payment_reference);
    await stars.refundStarPayment(telegramId(refundedBoth.user_id), refundedBoth.payment_reference);
    await sut.dataSource.query(`UPDATE transactions SET status = 'refunded' WHERE id = $1`, [refundedBoth.id]);
    const [forged] = await sut.dataSource.query(
      `INSERT INTO transactions (user_id, amount, type, status, payment_provider, payment_reference, metadata)
       VALUES ($1, 50, 'purchase', 'completed', 'telegram_stars', 'forged_between_pages', '{"package":"credits_50","stars":500}') RETURNING id`,
      [grants[0].user_id],
    );

    const paged = await sut.app.get(StarsAuditService).audit({ feed: 2, grants: 2 });
    expect(paged).toMatchObject({ charges: 8, refunds: 2, grants: 8, mismatchCount: 6 });
    expect(byKind(paged.mismatches).map((m) => [m.code, m.kind, m.transactionId])).toEqual([
      ['CREDIT005', 'charge_not_granted', null],
      ['CREDIT008', 'grant_differs_from_charge', differs.id],
      ['CREDIT006', 'grant_without_charge', forged.id],
      ['CREDIT007', 'granted_to_other_user', toOther.id],
      ['CREDIT009', 'refund_not_applied', refundedThere.id],
      ['CREDIT010', 'refunded_without_telegram', reversedHere.id],
    ]);
    expect(paged.mismatches.find((m) => m.kind === 'charge_not_granted')!.chargeId).toBe(notGranted.payment_reference);

    const whole = (await request(sut.server).get('/api/v1/ledger/stars-audit').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200)).body;
    expect(whole).toMatchObject({ ok: false, mismatchCount: 6 });
    expect(byKind(whole.mismatches)).toEqual(byKind(paged.mismatches));
  });
});
