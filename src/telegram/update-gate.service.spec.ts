import { setTimeout as sleep } from 'node:timers/promises';
import { UpdateClaim, UpdateGateService } from './update-gate.service';
import { UserBusyError } from './user-busy.error';

/** A piece of work that runs until `finish` is called, noting when it started. */
function held(log: string[], name: string): { work: () => Promise<string>; finish: () => void } {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: async () => (log.push(name), await done, name), finish };
}

describe('UpdateGateService.withUserLock (one process, no Redis)', () => {
  const sut = () => new UpdateGateService(null);

  it('runs a user\'s updates one at a time, in order', async () => {
    const gate = sut();
    const log: string[] = [];
    const a = held(log, 'a');
    const b = held(log, 'b');
    const running = [gate.withUserLock('1', a.work), gate.withUserLock('1', b.work)];
    await sleep(10);
    expect(log).toEqual(['a']);
    a.finish();
    b.finish();
    expect(await Promise.all(running)).toEqual(['a', 'b']);
  });

  it('refuses at once an update beyond the queue limit, and takes updates again once the line moves', async () => {
    const gate = sut();
    const log: string[] = [];
    const works = ['a', 'b', 'c'].map((name) => held(log, name));
    const running = works.map((w) => gate.withUserLock('1', w.work, { queueLimit: 2 }));
    const started = Date.now();
    await expect(gate.withUserLock('1', async () => 'd', { queueLimit: 2 })).rejects.toEqual(new UserBusyError('1', 'queue_full'));
    expect(Date.now() - started).toBeLessThan(50);
    // Another user is not affected.
    await expect(gate.withUserLock('2', async () => 'other', { queueLimit: 2 })).resolves.toBe('other');
    works[0].finish();
    await running[0];
    await sleep(10);
    const e = gate.withUserLock('1', async () => 'e', { queueLimit: 2 });
    works[1].finish();
    works[2].finish();
    expect(await Promise.all([...running, e])).toEqual(['a', 'b', 'c', 'e']);
  });

  it('gives up on an update that waits past its budget, without breaking the order of the rest', async () => {
    const gate = sut();
    const log: string[] = [];
    const a = held(log, 'a');
    const first = gate.withUserLock('1', a.work);
    const late = gate.withUserLock('1', async () => 'late', { waitMs: 50 });
    const next = gate.withUserLock('1', async () => (log.push('next'), 'next'), { waitMs: 5_000 });
    await expect(late).rejects.toEqual(new UserBusyError('1', 'wait_timeout'));
    expect(log).toEqual(['a']);
    a.finish();
    expect(await Promise.all([first, next])).toEqual(['a', 'next']);
    expect(log).toEqual(['a', 'next']);
  });
});

describe('UpdateGateService.firstNotice', () => {
  it('says yes once a minute per user', async () => {
    const gate = new UpdateGateService(null);
    expect([await gate.firstNotice('1'), await gate.firstNotice('1'), await gate.firstNotice('2')]).toEqual([true, false, true]);
  });
});

describe('UpdateGateService.claim with the user\'s turn (one process, no Redis)', () => {
  it('takes the turn with the claim, so a later update of the user waits until the first is marked done', async () => {
    const gate = new UpdateGateService(null);
    const log: string[] = [];
    const first = await gate.claim('1:1:message:1:1', { userKey: '1' });
    expect(first.turn).toEqual({ userKey: '1', shared: false });
    const second = await gate.claim('1:2:message:1:2', { userKey: '1' });
    // The user's line was taken: the second update takes the place behind the first, without the shared lock.
    expect(second.turn).toMatchObject({ userKey: '1', shared: false });
    expect(second.turn?.ahead).toBeInstanceOf(Promise);
    const later = gate.withUserLock('1', async () => log.push('second'), { claim: second });
    await gate.withUserLock('1', async () => log.push('first'), { claim: first });
    await sleep(10);
    expect(log).toEqual(['first']);
    await first.done();
    await later;
    expect(log).toEqual(['first', 'second']);
  });

  it('runs a user\'s updates in the order they were claimed, whatever order they reach the lock in', async () => {
    const gate = new UpdateGateService(null);
    const log: string[] = [];
    const claims: UpdateClaim[] = [];
    for (const n of [1, 2, 3, 4]) claims.push(await gate.claim(`1:${n}:message:1:${n}`, { userKey: '1' }));
    // The third and second get past their admission checks before the first: they still wait for it.
    const runs = [2, 1, 3, 0].map((i) =>
      gate.withUserLock('1', async () => log.push(`update ${i + 1}`), { claim: claims[i] }).then(() => claims[i].done()),
    );
    await Promise.all(runs);
    expect(log).toEqual(['update 1', 'update 2', 'update 3', 'update 4']);
  });

  it('refuses an update whose line is full, and it leaves its place to the next', async () => {
    const gate = new UpdateGateService(null);
    const first = await gate.claim('1:1:message:1:1', { userKey: '1' });
    const second = await gate.claim('1:2:message:1:2', { userKey: '1' });
    const third = await gate.claim('1:3:message:1:3', { userKey: '1' });
    const log: string[] = [];
    const waiting = gate.withUserLock('1', async () => log.push('second'), { claim: second, queueLimit: 1 });
    await expect(gate.withUserLock('1', async () => log.push('third'), { claim: third, queueLimit: 1 })).rejects.toThrow(UserBusyError);
    await third.done();
    await gate.withUserLock('1', async () => log.push('first'), { claim: first });
    await first.done();
    await waiting;
    expect(log).toEqual(['first', 'second']);
  });

  it('gives the turn back when the update was handled before', async () => {
    const gate = new UpdateGateService(null);
    const claim = await gate.claim('1:1:message:1:1', { userKey: '1' });
    await claim.done();
    const again = await gate.claim('1:1:message:1:1', { userKey: '1' });
    expect(again.result).toBe('handled');
    await expect(gate.withUserLock('1', async () => 'next', { waitMs: 50 })).resolves.toBe('next');
  });
});
