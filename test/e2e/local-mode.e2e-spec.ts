import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { LocalBotApi } from 'src/bot-api-stand-in/local-bot-api';
import { eventually } from '../support/eventually';
import { SPEC_PATH, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment, TestEnvironment } from '../support/test-environment';

/**
 * What `npm start` does on a machine with nothing but Node: embedded PostgreSQL, memory cache,
 * the built-in stand-in as Telegram, a generated admin token.
 */
describe('local mode', () => {
  let sut: TestApp;
  let environment: TestEnvironment;
  let apiRoot: string;

  beforeAll(async () => {
    environment = await prepareTestEnvironment();
    const unused = await startStandIn();
    await unused.stop();
    sut = await startTestApp(environment, unused, {
      TELEGRAM_BOT_TOKEN: undefined,
      TELEGRAM_API_ROOT: undefined,
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
      ADMIN_API_TOKENS: undefined,
      LOCAL_BOT_API_PORT: '0',
      BOT_API_SPEC: SPEC_PATH,
    });
    apiRoot = sut.app.get(LocalBotApi).apiRoot!;
  }, 60_000);

  afterAll(async () => {
    await sut?.close();
  });

  it('runs on embedded PostgreSQL with the same migrations', async () => {
    const [{ version }] = await sut.dataSource.query('SELECT version()');
    expect(version).toContain('PostgreSQL');
    const migrations = await sut.dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(migrations.map((m: { name: string }) => m.name)).toContain('InitialSchema1796000000000');
  });

  it('answers /start sent through the stand-in chat interface, and shows the balance', async () => {
    await request(apiRoot).post('/_standin/users/42/messages').send({ text: '/start', first_name: 'Newcomer' }).expect(200);
    await eventually(async () => {
      const { body } = await request(apiRoot).get('/_standin/users/42/messages').expect(200);
      expect(body.messages.filter((m: { side: string }) => m.side === 'bot').map((m: { text: string }) => m.text).join('\n')).toContain(
        'Welcome, Newcomer',
      );
    });
    await request(apiRoot).post('/_standin/users/42/messages').send({ text: '/balance' }).expect(200);
    await eventually(async () => {
      const { body } = await request(apiRoot).get('/_standin/users/42/messages').expect(200);
      expect(body.messages.at(-1)).toMatchObject({ side: 'bot', text: 'You have 5 credits.\nBuy more with /buy.' });
    });
  });

  it('writes a generated admin token to the data directory, and the REST API accepts it', async () => {
    const token = readFileSync(join(environment.dataDir, 'admin-token'), 'utf8').trim();
    expect(token.length).toBeGreaterThanOrEqual(24);
    const { body } = await request(sut.server).get('/api/v1/users').set({ Authorization: `Bearer ${token}` }).expect(200);
    expect(body.items.map((u: { telegramId: string }) => u.telegramId)).toEqual(['42']);
  });

  it('reports the database up and the cache in memory', async () => {
    const { body } = await request(sut.server).get('/health').expect(200);
    expect(body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up', store: 'memory' } });
  });
});
