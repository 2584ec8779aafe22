import { CacheBatch } from './cache-batch';

describe('CacheBatch', () => {
  const store = (key: string) => ({ key, raw: `{"value":"${key}"}`, ttlMs: 1000 });

  it('is the active batch in the work it runs, awaited or not, until it is closed', async () => {
    const batch = new CacheBatch('lease');
    let later: Promise<CacheBatch | undefined> | undefined;
    await batch.run(async () => {
      expect(CacheBatch.active).toBe(batch);
      later = new Promise((done) => setTimeout(() => done(CacheBatch.active), 20));
    });
    expect(CacheBatch.active).toBeUndefined();
    batch.close();
    // Work the update started and did not await finds the batch closed: its writes are immediate.
    expect(await later).toBeUndefined();
  });

  it('reads a key forgotten in the batch as forgotten until it is closed, and gives it to forget then', () => {
    const batch = new CacheBatch();
    batch.forget('a');
    batch.forget('a');
    expect(batch.forgotten('a')).toBe(true);
    expect(batch.forgotten('b')).toBe(false);
    expect(batch.close()).toEqual({ forget: ['a'], store: [], lease: undefined });
    expect(batch.forgotten('a')).toBe(false);
  });

  it('keeps a write for the end only for a key leased to it, and a forget drops the write', () => {
    const batch = new CacheBatch('placeholder');
    expect(batch.storeLater(store('unleased'))).toBe(false);
    batch.holdLease('kept');
    batch.holdLease('dropped');
    expect(batch.storeLater(store('kept'))).toBe(true);
    expect(batch.storeLater(store('dropped'))).toBe(true);
    batch.forget('dropped');
    expect(batch.holdsLease('dropped')).toBe(false);
    expect(batch.close()).toEqual({ forget: ['dropped'], store: [store('kept')], lease: 'placeholder' });
    expect(batch.storeLater(store('kept'))).toBe(false);
  });

  it('takes no lease without a placeholder', () => {
    const batch = new CacheBatch();
    batch.holdLease('k');
    expect(batch.holdsLease('k')).toBe(false);
    expect(batch.storeLater(store('k'))).toBe(false);
  });
});
