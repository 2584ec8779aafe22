import request from 'supertest';
import { LedgerAuditJob } from 'src/payments/ledger-audit.job';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { startedUserId } from '../support/bot-helpers';
import { ADMIN_TOKEN, startAppOnStandIn, stopAppOnStandIn, TestApp } from '../support/test-app';

describe('the incremental ledger sweep', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  let sweep: LedgerAuditJob;
  const ids: number[] = [];

  beforeAll(async () => {
    ({ standIn, sut } = await startAppOnStandIn());
    sweep = sut.app.get(LedgerAuditJob);
    for (const id of [9401, 9402, 9403]) ids.push(await startedUserId(standIn, sut.dataSource, { id, first_name: `Sweep${id}` }));
  });

  afterAll(() => stopAppOnStandIn(sut, standIn));

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

  it('answers GET /ledger/audit from the last complete pass and the one in progress, and checks one user now', async () => {
    const get = async (query = '') =>
      (await request(sut.server).get(`/api/v1/ledger/audit${query}`).set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200)).body;
    const [{ count }] = await sut.dataSource.query(`SELECT count(*)::int AS count FROM users`);
    await sweep.step(1000);
    const clean = await get();
    expect(clean).toMatchObject({ ok: true, code: null, last: { checked: count, mismatchCount: 0, mismatches: [] }, current: { checked: 0, position: 0 } });
    expect(Date.parse(clean.last.finishedAt)).toBeGreaterThanOrEqual(Date.parse(clean.last.startedAt));

    await sut.dataSource.query(`UPDATE users SET credits = credits + 2 WHERE id = $1`, [ids[0]]);
    const single = await get(`?userId=${ids[0]}`);
    expect(single).toMatchObject({ ok: false, code: 'CREDIT004', user: { userId: ids[0], ok: false } });
    expect(single.user.credits - single.user.ledgerSum).toBe(2);
    expect((await get(`?userId=${ids[2]}`)).user).toMatchObject({ userId: ids[2], ok: true });

    await sweep.step(1);
    const inProgress = await get();
    expect(inProgress).toMatchObject({ ok: false, code: 'CREDIT004', last: { mismatchCount: 0 }, current: { finishedAt: null, checked: 1, mismatchCount: 1 } });
    expect(inProgress.current.mismatches).toEqual([{ userId: ids[0], credits: expect.any(Number), ledgerSum: expect.any(Number) }]);
    await sut.dataSource.query(`UPDATE users SET credits = credits - 2 WHERE id = $1`, [ids[0]]);
  });

  it('answers 400 naming userId for a bad one, and 404 for an unknown user', async () => {
    const get = (query: string) => request(sut.server).get(`/api/v1/ledger/audit${query}`).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    for (const bad of ['abc', '0', '-3', '1.5']) expect((await get(`?userId=${bad}`).expect(400)).body.message).toContain('userId');
    await get('?userId=2000000000').expect(404);
  });
});
