import { createClient } from '@keyv/redis';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { AppCacheService } from 'src/cache/app-cache.service';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { eventually } from '../support/eventually';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { describeNeeding } from '../support/needs-services';
import { RedisServerProcess } from '../support/redis-server-process';
import { prepareTestEnvironment, TestEnvironment } from '../support/test-environment';

describeNeeding(['Redis'], 'the cache manager', () => {
  let standIn: BotApiStandIn;
  let environment: TestEnvironment;
  let sut: TestApp;
  let cache: AppCacheService;
  let redis: ReturnType<typeof createClient>;
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

  beforeAll(async () => {
    standIn = await startStandIn();
    environment = await prepareTestEnvironment();
    sut = await startTestApp(environment, standIn, { CACHE_BUDGET_MB: '1' });
    cache = sut.app.get(AppCacheService);
    redis = createClient({ url: environment.redisUrl });
    await redis.connect();
  });

  afterAll(async () => {
    await redis?.close();
    await sut?.close();
    await standIn?.stop();
  });

  it('misses, then hits, and stores under the type namespace with its TTL', async () => {
    let calls = 0;
    const getter = async () => ({ calls: ++calls });
    expect(await cache.getOrSet('reading_history', 'probe:1', getter)).toEqual({ calls: 1 });
    expect(await cache.getOrSet('reading_history', 'probe:1', getter)).toEqual({ calls: 1 });
    const key = AppCacheService.storeKey('reading_history:probe:1');
    expect(await redis.exists(key)).toBe(1);
    const ttl = await redis.pTTL(key);
    expect(ttl).toBeGreaterThan(7_000_000);
    expect(ttl).toBeLessThanOrEqual(7_200_000);
  });

  it('treats a cached falsy value as a hit', async () => {
    for (const [id, value] of [['zero', 0], ['empty', ''], ['false', false]] as const) {
      let calls = 0;
      await cache.getOrSet('card_data', id, async () => (calls++, value));
      expect(await cache.getOrSet('card_data', id, async () => (calls++, 'other'))).toBe(value);
      expect(calls).toBe(1);
    }
  });

  it('skips caching a value over its type\'s size limit, with a warning', async () => {
    const big = 'x'.repeat(150_000);
    const before = cache.counters.user_data.oversize;
    expect(await cache.getOrSet('user_data', 'big', async () => big)).toBe(big);
    expect(cache.counters.user_data.oversize).toBe(before + 1);
    expect(await redis.exists(AppCacheService.storeKey('user_data:big'))).toBe(0);
  });

  it('calls the getter once for 50 concurrent misses of one key', async () => {
    let calls = 0;
    const getter = async () => {
      calls++;
      await sleep(50);
      return { value: 42 };
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.getOrSet('card_data', 'flight', getter)));
    expect(calls).toBe(1);
    expect(results.every((r) => r.value === 42)).toBe(true);
  });

  it('invalidates by pattern over more keys than one SCAN page', async () => {
    for (let i = 0; i < 1200; i++) await cache.set('reading_history', `bulk:${i}`, i);
    expect(await cache.invalidate('reading_history:bulk:*')).toBe(1200);
    expect(await redis.exists(AppCacheService.storeKey('reading_history:bulk:7'))).toBe(0);
  });

  it('evicts the least recently used keys of the type being written when over budget', async () => {
    for (let i = 0; i < 120; i++) await cache.set('user_data', `lru:${i}`, { i });
    await sleep(2_100);
    for (let i = 100; i < 120; i++) await redis.get(AppCacheService.storeKey(`user_data:lru:${i}`));
    const evicted = await cache.evictIfOverBudget('user_data', true);
    expect(evicted).toBe(100);
    const kept = await Promise.all(
      Array.from({ length: 120 }, (_, i) => redis.exists(AppCacheService.storeKey(`user_data:lru:${i}`))),
    );
    expect(kept.slice(100).every((x) => x === 1)).toBe(true);
  });

  it('reports per-type statistics and invalidates through the REST API', async () => {
    const { body } = await request(sut.server).get('/api/v1/cache/stats').set(auth).expect(200);
    expect(body.store).toBe('redis');
    expect(body.types.card_data.hits).toBeGreaterThan(0);
    expect(body.types.card_data.hitRatio).toBeGreaterThan(0);
    expect(body.memoryBytes).toBeGreaterThan(0);
    const bad = await request(sut.server).post('/api/v1/cache/invalidate').set(auth).send({ pattern: '*' }).expect(400);
    expect(bad.body.message).toContain('pattern');
    const done = await request(sut.server).post('/api/v1/cache/invalidate').set(auth).send({ pattern: 'card_data:*' }).expect(200);
    expect(done.body.deleted).toBeGreaterThan(0);
  });
});

describeNeeding(['redis-server'], 'a Redis outage', () => {
  let server: RedisServerProcess;
  let standIn: BotApiStandIn;
  let sut: TestApp;

  beforeAll(async () => {
    server = await RedisServerProcess.start();
    standIn = await startStandIn();
    const environment = await prepareTestEnvironment();
    sut = await startTestApp(environment, standIn, { REDIS_URL: server.url });
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
    await server?.kill();
  });

  it('keeps answering from PostgreSQL while Redis is down, then recovers by itself', async () => {
    const user = { id: 60_001, first_name: 'Ivo' };
    await say(standIn, user, '/start');
    expect(await say(standIn, user, '/balance')).toContain('5 credits');

    await server.kill();
    for (let i = 0; i < 4; i++) {
      const started = Date.now();
      expect(await say(standIn, user, '/balance')).toContain('5 credits');
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    const health = await request(sut.server).get('/health').expect(503);
    expect(health.body.details.redis.status).toBe('down');

    await server.start();
    await eventually(async () => {
      await request(sut.server).get('/health').expect(200);
    }, 15_000, 250);
    await sleep(5_500);
    await say(standIn, user, '/balance');
    await say(standIn, user, '/balance');
    const probe = createClient({ url: server.url });
    probe.on('error', () => undefined);
    await probe.connect();
    try {
      expect(await probe.exists(AppCacheService.storeKey(`user_data:tg:${user.id}`))).toBe(1);
    } finally {
      await probe.close();
    }
  }, 60_000);
});
