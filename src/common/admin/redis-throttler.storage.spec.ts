import { ThrottlerStorageService } from '@nestjs/throttler';
import { RedisBreaker } from 'src/redis/redis-breaker';
import { RedisClient } from 'src/redis/redis.provider';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** A Redis client whose MULTI fails while `down` is set, and counts like INCR otherwise. */
function fakeRedis(state: { down: boolean; hits: number; calls: number }): RedisClient {
  const chain = {
    incr: () => chain,
    pExpire: () => chain,
    pTTL: () => chain,
    exec: async () => {
      state.calls++;
      if (state.down) throw new Error('The client is closed');
      return [++state.hits, 1, 60_000];
    },
  };
  return { multi: () => chain } as unknown as RedisClient;
}

describe('RedisThrottlerStorage', () => {
  it('counts in memory while Redis fails, stops asking it while the breaker is open, and goes back to it', async () => {
    let now = 0;
    const state = { down: true, hits: 0, calls: 0 };
    const sut = new RedisThrottlerStorage(fakeRedis(state), new ThrottlerStorageService(), new RedisBreaker(3, 5_000, () => now));
    const records = [];
    for (let i = 0; i < 5; i++) records.push(await sut.increment('op', 60_000, 3, 0, 'default'));
    expect(records.map((r) => [r.totalHits, r.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
      [4, true],
    ]);
    // Three failures open the breaker: Redis is not asked again until it cools down.
    expect(state.calls).toBe(3);

    state.down = false;
    now += 5_001;
    expect((await sut.increment('op', 60_000, 3, 0, 'default')).totalHits).toBe(1);
    expect(state.calls).toBe(4);
    expect(state.hits).toBe(1);
  });
});
