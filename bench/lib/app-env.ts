/** What the app under benchmark is given: its environment and the catalogue with the per-user limits lifted. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_TOKEN, BOT_TOKEN, WEBHOOK_SECRET } from './bench';
import { type Cleanup, ROOT } from './log';

/**
 * The catalogue as shipped, with the per-user rate limits lifted: 64 chats writing without pause for
 * a minute would otherwise be refused after 30 messages or 10 readings. The checks still run (same SQL).
 */
export function benchCatalog(cleanup: Cleanup): string {
  const catalog = JSON.parse(readFileSync(join(ROOT, 'src', 'catalog', 'default-catalog.json'), 'utf8')) as {
    limits: Record<string, number>;
  };
  catalog.limits = { ...catalog.limits, messagesPerMinute: 1_000_000, readingsPerHour: 1_000_000, readingsPerDay: 1_000_000 };
  const catalogPath = join(tmpdir(), `tarot-bench-catalog-${process.pid}.json`);
  writeFileSync(catalogPath, JSON.stringify(catalog));
  cleanup.add('remove the bench catalogue', () => rmSync(catalogPath, { force: true }));
  return catalogPath;
}

/** Every variable the app reads, so that nothing (a .env file) changes what is measured. */
export function appEnv(options: { standInUrl: string; databaseUrl: string; redisUrl: string; port: number; catalogPath: string; specPath: string }): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    TZ: 'UTC',
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_API_ROOT: options.standInUrl,
    BOT_MODE: 'webhook',
    WEBHOOK_URL: 'https://bench.example.test/telegram/webhook',
    WEBHOOK_SECRET,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    PORT: String(options.port),
    ADMIN_API_TOKENS: `bench:${ADMIN_TOKEN}`,
    // The readers are given a million credits each, past the default cap of a grant.
    ADMIN_GRANT_LIMIT: '1000000',
    LOG_LEVEL: 'warn',
    TELEGRAM_RATE_LIMIT: 'off',
    CATALOG_PATH: options.catalogPath,
    // Kept empty so that nothing (a .env file) points the app at a real LLM during the bench.
    LLM_BASE_URL: '',
    LLM_API_KEY: '',
    BOT_API_SPEC: options.specPath,
  };
}
