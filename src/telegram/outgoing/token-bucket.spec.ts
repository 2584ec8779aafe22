import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('lets a burst through, then spaces calls at the refill rate', () => {
    let now = 0;
    const sut = new TokenBucket(3, 1, () => now);
    expect([sut.take(), sut.take(), sut.take()]).toEqual([0, 0, 0]);
    expect(sut.take()).toBe(1000);
    expect(sut.take()).toBe(2000);
    now = 5000;
    expect(sut.take()).toBe(0);
  });

  it('refills to capacity and no further', () => {
    let now = 0;
    const sut = new TokenBucket(2, 10, () => now);
    sut.take();
    sut.take();
    now = 60_000;
    expect(sut.idle).toBe(true);
    expect([sut.take(), sut.take(), sut.take()]).toEqual([0, 0, 100]);
  });
});
