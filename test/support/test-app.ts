import 'src/config/force-utc';
import { INestApplication } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from 'src/app.module';
import { setUpApp } from 'src/app-setup';
import { DEFAULT_BOT_API_SPEC } from 'src/bot-api-stand-in/bot-api-spec';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { TestEnvironment } from './test-environment';

export const TEST_BOT_TOKEN = '123456789:TEST-token-for-the-stand-in-0000000';
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const WEBHOOK_SECRET = 'test-webhook-secret';
/** The project's copy of the Bot API reference, unless BOT_API_SPEC names another. */
export const SPEC_PATH = process.env.BOT_API_SPEC ? resolve(process.env.BOT_API_SPEC) : DEFAULT_BOT_API_SPEC;

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  /** The HTTP server, for supertest. */
  server: ReturnType<INestApplication['getHttpServer']>;
  /** `http://127.0.0.1:<port>` once `listen()` has been called. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Starts the Bot API stand-in the bot will talk to; tests play users through it. */
export async function startStandIn(): Promise<BotApiStandIn> {
  // Without the spec the stand-in would quietly stop checking the bot's calls.
  if (!existsSync(SPEC_PATH)) throw new Error(`Bot API spec not found at ${SPEC_PATH} (BOT_API_SPEC)`);
  const standIn = new BotApiStandIn(SPEC_PATH, {
    preCheckoutTimeoutMs: 10_000,
  });
  await standIn.start(0, '127.0.0.1');
  return standIn;
}

/**
 * Boots the real AppModule against the test's database and Redis, with the stand-in as
 * Telegram. `env` overrides variables (e.g. BOT_MODE=webhook); `customize` may override
 * providers that leave the machine.
 */
export async function startTestApp(
  environment: TestEnvironment,
  standIn: BotApiStandIn,
  env: Record<string, string | undefined> = {},
  customize?: (builder: TestingModuleBuilder) => TestingModuleBuilder,
): Promise<TestApp> {
  const variables: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
    TELEGRAM_API_ROOT: standIn.url,
    BOT_MODE: 'polling',
    TELEGRAM_RATE_LIMIT: 'off',
    TELEGRAM_GLOBAL_RATE: undefined,
    WEBHOOK_URL: undefined,
    WEBHOOK_SECRET: undefined,
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL: environment.redisUrl,
    DATA_DIR: environment.dataDir,
    ADMIN_API_TOKENS: `tester:${ADMIN_TOKEN}`,
    ADMIN_PORT: undefined,
    PORT: undefined,
    LOCAL_BOT_API_PORT: undefined,
    WEBHOOK_PATH: undefined,
    CATALOG_PATH: undefined,
    LLM_BASE_URL: undefined,
    LLM_API_KEY: undefined,
    LLM_MODEL: undefined,
    LLM_TIMEOUT_MS: undefined,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    BOT_API_SPEC: SPEC_PATH,
    SUPPORT_CHAT_ID: undefined,
    ...env,
  };
  for (const [key, value] of Object.entries(variables)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  let builder = Test.createTestingModule({ imports: [AppModule] });
  if (customize) builder = customize(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ logger: process.env.TEST_LOG_LEVEL ? undefined : false });
  setUpApp(app);
  try {
    await app.init();
  } catch (error) {
    // A start that failed half-way holds pools and clients open: close them, then report the failure.
    await app.close().catch(() => undefined);
    throw error;
  }
  return {
    app,
    dataSource: app.get(DataSource),
    server: app.getHttpServer(),
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      return (await app.getUrl()).replace('[::1]', '127.0.0.1');
    },
    close: () => app.close(),
  };
}
