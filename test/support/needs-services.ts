import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { REQUIRE_SERVICES, TEST_DATABASE_URL, TEST_REDIS_URL } from './services';
import { postgresAvailable, redisAvailable } from './test-environment';

/** What a test may need beyond embedded PGlite: the real servers, the program to start its own Redis, a browser, PgBouncer. */
export type Needed = 'PostgreSQL' | 'Redis' | 'redis-server' | 'Chromium' | 'pgbouncer';

/** Debian's chromium, which the browser test drives. */
export const CHROMIUM = '/usr/bin/chromium';

const whyMissing: Record<Needed, () => string | undefined> = {
  PostgreSQL: () => (postgresAvailable() ? undefined : `PostgreSQL not reachable at ${TEST_DATABASE_URL}`),
  Redis: () => (redisAvailable() ? undefined : `Redis not reachable at ${TEST_REDIS_URL}`),
  'redis-server': () => (spawnSync('redis-server', ['--version']).status === 0 ? undefined : 'no redis-server program on PATH'),
  Chromium: () => (existsSync(CHROMIUM) ? undefined : 'chromium not installed (apt-get install chromium)'),
  pgbouncer: () => (spawnSync('pgbouncer', ['--version']).status === 0 ? undefined : 'no pgbouncer program on PATH (apt-get install pgbouncer)'),
};

function missing(needs: Needed[]): string | undefined {
  const reasons = needs.map((need) => whyMissing[need]()).filter((reason) => reason !== undefined);
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

/**
 * Where something a test needs is missing: under REQUIRE_SERVICES=1 (CI) a test that fails naming
 * it; otherwise nothing here, as the callers register their tests as skipped, the reason in
 * each title ("(skipped: …)"), which Jest counts as skipped and the summary reporter lists.
 */
function failUnderRequireServices(needs: Needed[], reason: string, what: string): boolean {
  if (!REQUIRE_SERVICES) return false;
  it(`${what} needs ${needs.join(' and ')}`, () => {
    throw new Error(`REQUIRE_SERVICES=1 but ${reason}`);
  });
  return true;
}

/** A `describe` whose tests need `needs`; where something is missing every one of them is skipped, with the reason. */
export function describeNeeding(needs: Needed[], title: string, body: () => void): void {
  const reason = missing(needs);
  if (!reason) describe(title, body);
  else if (!failUnderRequireServices(needs, reason, title)) describe.skip(`${title} (skipped: ${reason})`, body);
}

/** An `it` that needs `needs`; where something is missing it is skipped, with the reason. */
export function itNeeding(needs: Needed[], title: string, test: () => Promise<void>, timeoutMs?: number): void {
  const reason = missing(needs);
  if (!reason) it(title, test, timeoutMs);
  else if (!failUnderRequireServices(needs, reason, `"${title}"`)) it.skip(`${title} (skipped: ${reason})`, test, timeoutMs);
}
