import request from 'supertest';
import { LedgerAuditJob } from 'src/payments/ledger-audit.job';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';

describe('the incremental ledger sweep', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  let sweep: LedgerAuditJob;
  const ids: number[] = [];

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn);
    sweep = sut.app.get(LedgerAuditJob);
    for (const id of [9401, 9402, 9403]) {
      await say(standIn, { id, first_name: `Sweep${id}` }, '/start');
      const [row] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [id]);
      ids.push(row.id);
    }
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  const found = async (): Promise<number> => {
    const text = (await request(sut.server).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200)).text;
    return Number(text.split('\n').find((l) => l.startsWith('tarot_ledger_mismatches_found_total'))?.split(' ').at(-1) ?? NaN);
  };

  it('checks a slice of users after its saved position, finds a balance off its ledger, and starts over at the end', async () => {
    await sut.dataSource.query(`UPDATE users SET credits = credits + 3 WHERE id = $1`, [ids[1]]);
    const before = await found();

    const first = await sweep.step(2);
    expect(first.checked).toBe(2);
    expect(first.position).toBe(ids[1]);
    expect(first.mismatches).toEqual([{ userId: ids[1], credits: expect.any(Number), ledgerSum: expect.any(Number) }]);
    expect(first.mismatches[0].credits - first.mismatches[0].ledgerSum).toBe(3);

    const second = await sweep.step(2);
    expect(second).toEqual({ checked: 1, mismatches: [], position: 0 });
    expect((await found()) - before).toBe(1);

    await sut.dataSource.query(`UPDATE users SET credits = credits - 3 WHERE id = $1`, [ids[1]]);
    expect((await sweep.step(10)).mismatches).toEqual([]);
  });

  it('agrees with the full audit on a clean ledger', async () => {
    const full = (await request(sut.server).get('/api/v1/ledger/audit').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200)).body;
    const step = await sweep.step(1000);
    expect(full.ok).toBe(true);
    expect(step.checked).toBe(full.users);
    expect(step.mismatches).toEqual([]);
  });
});
