import request from 'supertest';
import { ReadingGeneratorService } from 'src/readings/generation/reading-generator.service';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { nextReply, say, startedUserId } from '../support/bot-helpers';
import { ledgerMismatches } from '../support/ledger';
import { payAndWait, requestInvoice } from '../support/payment-helpers';
import { chooseSpread, Player, waitForDelivery } from '../support/reading-helpers';
import { ADMIN_TOKEN, startAppOnStandIn, stopAppOnStandIn, TestApp } from '../support/test-app';

describe('the ledger check of every money move', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

  beforeAll(async () => {
    ({ standIn, sut } = await startAppOnStandIn());
  });

  afterAll(async () => {
    expect(await ledgerMismatches(sut.dataSource)).toEqual([]);
    await sut?.app.get(ReadingGeneratorService).settle();
    await stopAppOnStandIn(sut, standIn);
  });

  /** tarot_ledger_move_mismatches_total by kind of move. */
  const reported = async (): Promise<Record<string, number>> => {
    const text = (await request(sut.server).get('/metrics').set(auth).expect(200)).text;
    const counts: Record<string, number> = {};
    for (const line of text.split('\n')) {
      const match = /^tarot_ledger_move_mismatches_total\{kind="(\w+)"\} (\d+)/.exec(line);
      if (match) counts[match[1]] = Number(match[2]);
    }
    return counts;
  };

  /** A reading's charge, an operator's grant and a purchase, one after another. */
  const moveMoney = async (user: Player, userId: number): Promise<void> => {
    await chooseSpread(standIn, user, 'single');
    const mark = standIn.mark();
    await standIn.sendText(user, 'What now?');
    await nextReply(standIn, user.id, mark);
    await waitForDelivery(standIn, user.id, mark);
    await request(sut.server).post(`/api/v1/users/${userId}/credits/grant`).set(auth).send({ amount: 4, reason: 'test' }).expect(200);
    const { payment } = await payAndWait(standIn, user, await requestInvoice(standIn, user, 'credits_50'));
    expect(payment.ok).toBe(true);
  };

  it('reports nothing for a user whose balance agrees with their ledger', async () => {
    const user: Player = { id: 9501, first_name: 'Clean' };
    const userId = await startedUserId(standIn, sut.dataSource, user);
    const before = await reported();
    await moveMoney(user, userId);
    expect(await reported()).toEqual(before);
    const [{ kinds }] = await sut.dataSource.query(`SELECT array_agg(DISTINCT type ORDER BY type) AS kinds FROM transactions WHERE user_id = $1`, [userId]);
    expect(kinds).toEqual(expect.arrayContaining(['adjustment', 'purchase', 'reading_cost']));
  });

  it("reports a planted mismatch at the user's next reading charge, grant and purchase, and lets each go through", async () => {
    const user: Player = { id: 9502, first_name: 'Planted' };
    const userId = await startedUserId(standIn, sut.dataSource, user);
    await sut.dataSource.query(`UPDATE users SET credits = credits + 7 WHERE id = $1`, [userId]);
    const [{ credits: planted }] = await sut.dataSource.query(`SELECT credits FROM users WHERE id = $1`, [userId]);
    const before = await reported();

    await moveMoney(user, userId);

    const after = await reported();
    const grown = (kind: string) => (after[kind] ?? 0) - (before[kind] ?? 0);
    expect({ reading: grown('reading_cost'), grant: grown('adjustment'), purchase: grown('purchase') }).toEqual({ reading: 1, grant: 1, purchase: 1 });
    const [{ credits }] = await sut.dataSource.query(`SELECT credits FROM users WHERE id = $1`, [userId]);
    expect(credits).toBe(planted - 5 + 4 + 50);
    await sut.dataSource.query(`UPDATE users SET credits = credits - 7 WHERE id = $1`, [userId]);
  });
});
