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

  it('gives a token on trial only when there is one to spare, keeping what is asked for', () => {
    let now = 0;
    const sut = new TokenBucket(4, 1, () => now);
    expect([sut.tryTake(2), sut.tryTake(2), sut.tryTake(2)]).toEqual([true, true, false]);
    expect(sut.take()).toBe(0);
    expect(sut.tryTake()).toBe(true);
    expect(sut.tryTake()).toBe(false);
    expect(sut.take()).toBe(1000);
    now = 3000;
    expect(sut.tryTake(1)).toBe(true);
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
