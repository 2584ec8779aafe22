import { createClient } from '@keyv/redis';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from 'src/config/app-config';
import { validateEnvironment } from 'src/config/environment';
import type { RedisClient } from 'src/redis/redis.provider';
import { dedupWindow, handledMark, UpdateGateService } from 'src/telegram/update-gate.service';
import { describeNeeding } from '../support/needs-services';
import { prepareTestEnvironment } from '../support/test-environment';

/** DEDUP_WINDOW_SECONDS: how long the update gate remembers a handled update in Redis. */
describeNeeding(['Redis'], 'the de-duplication window (DEDUP_WINDOW_SECONDS)', () => {
  const WINDOW_SECONDS = 3600;
  const window = dedupWindow(WINDOW_SECONDS);
  let redis: RedisClient;
  let gate: UpdateGateService;

  beforeAll(async () => {
    const { redisUrl } = await prepareTestEnvironment();
    redis = createClient({ url: redisUrl });
    await redis.connect();
    gate = new UpdateGateService(redis, new AppConfig(validateEnvironment({ DEDUP_WINDOW_SECONDS: String(WINDOW_SECONDS) })));
  });

  afterAll(async () => {
    await redis?.close();
  });

  /** Handles the update once, through the gate, as the pipeline does. */
  const handle = async (identity: string) => {
    const claim = await gate.claim(identity);
    expect(claim.result).toBe('claimed');
    await claim.done();
  };

  /** Not within a second of a bucket's end, so that "now" is the same bucket for the whole test. */
  const awayFromBucketEdge = async () => {
    const left = window.bucketMs - (Date.now() % window.bucketMs);
    if (left < 1000) await sleep(left + 10);
  };

  it('keeps a handled update in a set that expires one window after its bucket ends', async () => {
    const before = Date.now();
    await handle('window-ttl');
    const after = Date.now();
    const marks = [handledMark('window-ttl', before, window), handledMark('window-ttl', after, window)];
    const found = await Promise.all(marks.map((m) => redis.sIsMember(m.key, m.digest)));
    expect(found).toContain(1);
    const mark = marks[found.indexOf(1)];
    const expiresAt = Number(await redis.sendCommand(['PEXPIRETIME', mark.key]));
    expect(marks.map((m) => m.expiresAt)).toContain(expiresAt);
    // An hour's window: not the default day's.
    expect(expiresAt - (mark.bucket + 1) * window.bucketMs).toBe(WINDOW_SECONDS * 1000);
    expect(await gate.claim('window-ttl')).toMatchObject({ result: 'handled' });
  });

  it('answers a redelivery within the window as handled, and handles one older than the window again', async () => {
    await awayFromBucketEdge();
    const now = handledMark('window-edge', Date.now(), window);
    const oldestInWindow = handledMark('window-edge', Date.now() - (window.buckets - 1) * window.bucketMs, window);
    const pastWindow = handledMark('window-edge', Date.now() - window.buckets * window.bucketMs, window);
    expect(oldestInWindow.bucket).toBe(now.bucket - WINDOW_SECONDS / (window.bucketMs / 1000));

    // As if it had been handled at the start of the window's oldest bucket.
    await redis.sAdd(oldestInWindow.key, now.digest);
    expect(await gate.claim('window-edge')).toMatchObject({ result: 'handled' });

    // One bucket earlier: out of the window, as when that set has expired.
    await redis.sMove(oldestInWindow.key, pastWindow.key, now.digest);
    await handle('window-edge');
    expect(await redis.sIsMember(now.key, now.digest)).toBe(1);
  });
});
