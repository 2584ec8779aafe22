import { createClient } from '@keyv/redis';
import request from 'supertest';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { eventually } from '../support/eventually';
import { describeNeeding } from '../support/needs-services';
import { RedisServerProcess } from '../support/redis-server-process';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';

describeNeeding(['redis-server'], 'the REST API during a Redis outage', () => {
  let server: RedisServerProcess;
  let standIn: BotApiStandIn;
  let sut: TestApp;
  let userId: number;
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  const user = { id: 16_201, first_name: 'Outage' };

  beforeAll(async () => {
    server = await RedisServerProcess.start();
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn, { REDIS_URL: server.url });
    await say(standIn, user, '/start');
    [{ id: userId }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]);
  });

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
    await server?.kill();
  });

  it('keeps answering with the throttle counted in memory, and counts in Redis again once it is back', async () => {
    await request(sut.server).get('/api/v1/users?limit=1').set(auth).expect(200);

    await server.kill();
    for (let i = 0; i < 5; i++) {
      const { status, body } = await request(sut.server).get(`/api/v1/users/${userId}`).set(auth);
      expect({ status, id: body.id }).toEqual({ status: 200, id: userId });
    }
    const grant = await request(sut.server).post(`/api/v1/users/${userId}/credits/grant`).set(auth).send({ amount: 2, reason: 'outage' });
    expect(grant.status).toBe(200);
    expect(grant.body.balance).toBe(7);
    await request(sut.server).get('/api/v1/users').expect(401);

    await server.start();
    const probe = createClient({ url: server.url });
    probe.on('error', () => undefined);
    await probe.connect();
    try {
      await eventually(async () => {
        await request(sut.server).get('/api/v1/users?limit=1').set(auth).expect(200);
        expect((await probe.keys('throttle:*')).length).toBeGreaterThan(0);
      }, 20_000, 500);
    } finally {
      await probe.close();
    }
  }, 60_000);
});
