import request from 'supertest';
import { ConfigValidationError } from 'src/config/environment';
import { BotApiStandIn } from 'src/telegram/stand-in/bot-api-stand-in';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment, TestEnvironment } from '../support/test-environment';

describe('start-up', () => {
  let standIn: BotApiStandIn;
  let environment: TestEnvironment;

  beforeAll(async () => {
    standIn = await startStandIn();
    environment = await prepareTestEnvironment();
  });

  afterAll(async () => {
    await standIn?.stop();
  });

  it('refuses to start with one message naming every bad variable', async () => {
    const failure = await startTestApp(environment, standIn, { PORT: 'abc', REDIS_URL: 'nope', BOT_MODE: 'webhook' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ConfigValidationError);
    const names = (failure as ConfigValidationError).problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(['PORT', 'REDIS_URL', 'WEBHOOK_SECRET', 'WEBHOOK_URL']);
  });

  describe('with a separate admin port', () => {
    let sut: TestApp;

    beforeAll(async () => {
      sut = await startTestApp(environment, standIn, { ADMIN_PORT: '39999' });
    });

    afterAll(async () => {
      await sut?.close();
    });

    it('keeps the REST API and /metrics off the public port, and /health on it', async () => {
      await request(sut.server).get('/api/v1/users').set({ Authorization: `Bearer ${ADMIN_TOKEN}` }).expect(404);
      await request(sut.server).get('/metrics').expect(404);
      await request(sut.server).get('/health').expect(200);
    });
  });

  it('serves Prometheus metrics on the admin port', async () => {
    const sut = await startTestApp(environment, standIn);
    try {
      const { text } = await request(sut.server).get('/metrics').expect(200);
      expect(text).toContain('process_cpu_user_seconds_total');
    } finally {
      await sut.close();
    }
  });
});
