import { spawnSync } from 'node:child_process';
import { REQUIRE_SERVICES, TEST_DATABASE_URL, TEST_REDIS_URL } from './services';
import { postgresAvailable, redisAvailable } from './test-environment';

/** What a test may need beyond embedded PGlite: the real servers, or the program to start its own Redis. */
export type Needed = 'PostgreSQL' | 'Redis' | 'redis-server';

const whyMissing: Record<Needed, () => string | undefined> = {
  PostgreSQL: () => (postgresAvailable() ? undefined : `PostgreSQL not reachable at ${TEST_DATABASE_URL}`),
  Redis: () => (redisAvailable() ? undefined : `Redis not reachable at ${TEST_REDIS_URL}`),
  'redis-server': () => (spawnSync('redis-server', ['--version']).status === 0 ? undefined : 'no redis-server program on PATH'),
};

function missing(needs: Needed[]): string | undefined {
  const reasons = needs.map((need) => whyMissing[need]()).filter((reason) => reason !== undefined);
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

/**
 * The test that stands in for tests that cannot run here. Its title carries "(skipped: …)",
 * which the summary reporter lists and counts as skipped; under REQUIRE_SERVICES=1 (CI) it fails.
 */
function skipReport(needs: Needed[], reason: string, what: string): void {
  it(`${what} needs ${needs.join(' and ')} (skipped: ${reason})`, () => {
    expect(REQUIRE_SERVICES ? `REQUIRE_SERVICES=1 but ${reason}` : 'skipped').toBe('skipped');
  });
}

/** A `describe` whose tests need `needs`; where something is missing it holds one skip report instead. */
export function describeNeeding(needs: Needed[], title: string, body: () => void): void {
  describe(title, () => {
    const reason = missing(needs);
    if (reason) skipReport(needs, reason, 'this group');
    else body();
  });
}

/** An `it` that needs `needs`; where something is missing it is replaced by a skip report. */
export function itNeeding(needs: Needed[], title: string, test: () => Promise<void>, timeoutMs?: number): void {
  const reason = missing(needs);
  if (reason) skipReport(needs, reason, `"${title}"`);
  else it(title, test, timeoutMs);
}
