import { dropDatabasesLike, openConnections, TEST_DATABASE_PREFIX } from './services';

const ADMIN_SHUTDOWN = '57P01';
const CONNECTION_ENDED = 'Connection terminated unexpectedly';

/**
 * What a pg client with no 'error' listener throws when the server ends its connection: first
 * the server's 57P01 ("terminating connection due to administrator command"), then pg's own
 * "Connection terminated unexpectedly" as the socket closes.
 */
function isEndedConnection(error: unknown): boolean {
  const { code, message, context } = (error ?? {}) as { code?: string; message?: string; context?: { code?: string; message?: string } };
  const cause = code === 'ERR_UNHANDLED_ERROR' ? context : { code, message };
  return cause?.code === ADMIN_SHUTDOWN || cause?.message === CONNECTION_ENDED;
}

function ignoreEndedConnections(error: Error): void {
  if (isEndedConnection(error)) return;
  process.removeListener('uncaughtException', ignoreEndedConnections);
  throw error;
}

/**
 * Drops every database this run made, whatever the specs left open. `WITH (FORCE)` ends the
 * connections they still hold; when Jest runs the specs in band (one worker, as on two cores)
 * those clients live in this very process, and one without an 'error' listener would turn the
 * server ending it into an uncaught exception that kills Jest after its summary, before the
 * remaining drops. Those errors are the drop's own doing, so they are expected from here to
 * the end of the run; every other error still crashes.
 */
export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_POSTGRES_AVAILABLE !== '1') return;
  const open = await openConnections(TEST_DATABASE_PREFIX);
  if (open.size > 0) {
    const list = [...open].map(([database, count]) => `${database} (${count})`).join(', ');
    process.stdout.write(`\nglobal teardown: ending connections the specs left open: ${list}\n`);
  }
  process.on('uncaughtException', ignoreEndedConnections);
  await dropDatabasesLike(TEST_DATABASE_PREFIX);
}
