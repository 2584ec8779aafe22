import fc from 'fast-check';
import request from 'supertest';
import { LedgerAuditJob } from 'src/payments/ledger-audit.job';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { TgUpdate } from 'src/bot-api-stand-in/telegram-objects.types';
import { say } from '../support/bot-helpers';
import { deliverForged, rejectionCount, startWebhookApp } from '../support/payment-forgery';
import { payAndWait, pressTier, requestInvoice } from '../support/payment-helpers';
import { Player } from '../support/reading-helpers';
import { ADMIN_TOKEN, startStandIn, TestApp } from '../support/test-app';

const PACKAGES = ['credits_50', 'credits_120', 'credits_300'];
const TIERS = ['basic', 'premium', 'professional'];
const FORGERIES = [
  'other_users_invoice',
  'wrong_amount',
  'wrong_currency',
  'bonus_row_as_invoice',
  'subscription_ten_years',
  'refund_of_others_charge',
  'real_charge_on_own_invoice',
  'refund_with_wrong_amount',
] as const;

type Side = 0 | 1;
type Action =
  | { kind: 'buy'; side: Side; pkg: string }
  | { kind: 'subscribe'; side: Side; tier: string }
  | { kind: 'renew' | 'pay_again' | 'replay' | 'telegram_refund' | 'operator_refund'; side: Side; pick: number }
  | { kind: 'forge'; side: Side; how: (typeof FORGERIES)[number]; pick: number };

interface Charge {
  chargeId: string;
  stars: number;
  payload: string;
  update: TgUpdate;
  refunded: boolean;
}

interface PlayerState {
  player: Player;
  unpaid: { payload: string; stars: number };
  paidInvoices: number[];
  charges: Charge[];
  subscription?: string;
}

const side = fc.constantFrom<Side>(0, 1);
const pick = fc.nat(20);
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('buy' as const), side, pkg: fc.constantFrom(...PACKAGES) }),
  fc.record({ kind: fc.constant('subscribe' as const), side, tier: fc.constantFrom(...TIERS) }),
  fc.record({ kind: fc.constantFrom('renew', 'pay_again', 'replay', 'telegram_refund', 'operator_refund'), side, pick }),
  fc.record({ kind: fc.constant('forge' as const), side, how: fc.constantFrom(...FORGERIES), pick }),
);

/**
 * Any sequence of real payments, renewals and refunds mixed with forged and replayed payment
 * updates leaves both audits clean: every balance equals its rows, and every row equals what
 * Telegram charged.
 */
describe('payments under any mix of real and forged updates', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  let nextUserId = 22_000;

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startWebhookApp(standIn);
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  const audits = async () => ({
    ledger: await (async () => {
        await sut.app.get(LedgerAuditJob).step(1_000_000);
        const body = (await request(sut.server).get('/api/v1/ledger/audit').set(auth).expect(200)).body;
        return { ok: body.ok, code: body.code, users: body.last.checked, mismatches: body.last.mismatches };
      })(),
    stars: (await request(sut.server).get('/api/v1/ledger/stars-audit').set(auth).expect(200)).body,
  });
  const grantOf = async (chargeId: string): Promise<number> =>
    (await sut.dataSource.query(`SELECT id FROM transactions WHERE payment_reference = $1 AND type IN ('purchase', 'subscription')`, [chargeId]))[0].id;
  const lastInvoicePayload = () => String(standIn.calls('sendInvoice').at(-1)!.params.payload);
  const chosen = <T>(items: T[], index: number): T | undefined => (items.length ? items[index % items.length] : undefined);

  async function newPlayer(): Promise<PlayerState> {
    const player: Player = { id: ++nextUserId, first_name: `P${nextUserId}` };
    await say(standIn, player, '/start');
    await requestInvoice(standIn, player, 'credits_120');
    return { player, unpaid: { payload: lastInvoicePayload(), stars: 1000 }, paidInvoices: [], charges: [] };
  }

  async function paid(state: PlayerState, ref: number | string): Promise<Charge | undefined> {
    const { payment } = await payAndWait(standIn, state.player, ref);
    if (!payment.ok) return undefined;
    const sp = payment.update!.message!.successful_payment!;
    const charge = { chargeId: payment.chargeId!, stars: sp.total_amount, payload: sp.invoice_payload, update: payment.update!, refunded: false };
    state.charges.push(charge);
    return charge;
  }

  async function run(act: Action, me: PlayerState, other: PlayerState): Promise<void> {
    const open = (state: PlayerState, index: number) => chosen(state.charges.filter((c) => !c.refunded), index);
    switch (act.kind) {
      case 'buy': {
        const messageId = await requestInvoice(standIn, me.player, act.pkg);
        if (await paid(me, messageId)) me.paidInvoices.push(messageId);
        return;
      }
      case 'subscribe': {
        const { link } = await pressTier(standIn, me.player, act.tier);
        const charge = link ? await paid(me, link) : undefined;
        if (charge) me.subscription = charge.chargeId;
        return;
      }
      case 'renew': {
        if (!me.subscription) return;
        const renewal = await standIn.renewSubscription(me.player, me.subscription);
        if (!renewal.ok) return;
        const sp = renewal.update!.message!.successful_payment!;
        me.charges.push({ chargeId: renewal.chargeId!, stars: sp.total_amount, payload: sp.invoice_payload, update: renewal.update!, refunded: false });
        return;
      }
      case 'pay_again': {
        const messageId = chosen(me.paidInvoices, act.pick);
        if (messageId !== undefined) expect((await standIn.payInvoice(me.player, messageId)).ok).toBe(false);
        return;
      }
      case 'replay': {
        const charge = chosen(me.charges, act.pick);
        if (charge) await standIn.deliver({ ...charge.update, update_id: standIn.nextUpdateId() });
        return;
      }
      case 'telegram_refund': {
        const charge = open(me, act.pick);
        if (!charge) return;
        await standIn.refundFromTelegram(me.player, charge.chargeId);
        charge.refunded = true;
        return;
      }
      case 'operator_refund': {
        const charge = open(me, act.pick);
        if (!charge) return;
        const response = await request(sut.server).post(`/api/v1/transactions/${await grantOf(charge.chargeId)}/refund`).set(auth).send({ reason: 'property', force: true });
        expect(response.status).toBe(200);
        charge.refunded = true;
        return;
      }
      case 'forge':
        return forge(act.how, act.pick, me, other);
    }
  }

  async function forge(how: (typeof FORGERIES)[number], index: number, me: PlayerState, other: PlayerState): Promise<void> {
    const now = Math.floor(Date.now() / 1000);
    const payment = (fields: Partial<Parameters<typeof deliverForged>[3]>) =>
      deliverForged(standIn, me.player, 'successful_payment', { currency: 'XTR', total_amount: me.unpaid.stars, invoice_payload: me.unpaid.payload, ...fields });
    const [{ id: bonusRow }] = await sut.dataSource.query(
      `SELECT t.id FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_id = $1 AND t.type = 'bonus'`,
      [me.player.id],
    );
    const theirs = chosen(other.charges, index);
    const mine = chosen(me.charges, index);
    let report;
    switch (how) {
      case 'other_users_invoice':
        report = await payment({ invoice_payload: other.unpaid.payload, total_amount: other.unpaid.stars });
        break;
      case 'wrong_amount':
        report = await payment({ total_amount: me.unpaid.stars - 1 });
        break;
      case 'wrong_currency':
        report = await payment({ currency: 'USD', total_amount: 1 });
        break;
      case 'bonus_row_as_invoice':
        report = await payment({ invoice_payload: `p1:${bonusRow}:credits_50:500:${me.player.id}`, total_amount: 500 });
        break;
      case 'subscription_ten_years':
        report = await payment({
          invoice_payload: `s1:professional:5000:${me.player.id}:${now}`,
          total_amount: 5000,
          subscription_expiration_date: now + 10 * 365 * 86_400,
          is_recurring: true,
          is_first_recurring: true,
        });
        break;
      case 'real_charge_on_own_invoice':
        report = theirs ? await payment({ telegram_payment_charge_id: theirs.chargeId }) : undefined;
        break;
      case 'refund_of_others_charge':
        report = theirs
          ? await deliverForged(standIn, me.player, 'refunded_payment', { currency: 'XTR', total_amount: theirs.stars, invoice_payload: theirs.payload, telegram_payment_charge_id: theirs.chargeId })
          : undefined;
        break;
      case 'refund_with_wrong_amount':
        report = mine
          ? await deliverForged(standIn, me.player, 'refunded_payment', { currency: 'XTR', total_amount: mine.stars + 1, invoice_payload: mine.payload, telegram_payment_charge_id: mine.chargeId })
          : undefined;
        break;
    }
    if (report) expect(report.status).toBe(200);
  }

  it('keeps the ledger audit and the Stars audit clean', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (actions) => {
        const players = [await newPlayer(), await newPlayer()];
        for (const act of actions) await run(act, players[act.side], players[1 - act.side]);
        // Only this run's users and charges, so that a failing run shrinks to its own actions.
        const ids = (await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = ANY($1)`, [players.map((p) => p.player.id)])).map((r: { id: number }) => r.id);
        const charges = players.flatMap((p) => p.charges.map((c) => c.chargeId));
        const ours = (m: { userId: number | null; chargeId?: string }) => ids.includes(m.userId) || charges.includes(m.chargeId ?? '');
        const { ledger, stars } = await audits();
        expect({ ledger: ledger.mismatches.filter(ours), stars: stars.mismatches.filter(ours) }).toEqual({ ledger: [], stars: [] });
      }),
      { numRuns: 20 },
    );
    const { ledger, stars } = await audits();
    expect({ ledger: ledger.ok, stars: stars.ok }).toEqual({ ledger: true, stars: true });
    expect(stars.grants).toBeGreaterThan(20);
    const metrics = (await request(sut.server).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200)).text;
    expect(rejectionCount(metrics, 'successful_payment', 'other_user') + rejectionCount(metrics, 'successful_payment', 'amount')).toBeGreaterThan(0);
  }, 240_000);
});
