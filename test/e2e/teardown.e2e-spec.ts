import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describeNeeding } from '../support/needs-services';
import { connectClient, TEST_DATABASE_PREFIX, TEST_DATABASE_URL } from '../support/services';

const ROOT = resolve(__dirname, '..', '..');

/** Runs test/fixtures in a child Jest, in band (as on two cores), under `prefix`. */
function runFixtures(prefix: string): Promise<{ code: number | null; output: string }> {
  const jest = resolve(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const args = ['--experimental-vm-modules', jest, '--config', 'test/fixtures/jest.config.js', '--runInBand'];
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, TEST_DATABASE_PREFIX: prefix } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => done({ code, output }));
  });
}

async function databasesLike(prefix: string): Promise<string[]> {
  const client = await connectClient(TEST_DATABASE_URL);
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

describeNeeding(['PostgreSQL'], 'the global teardown', () => {
  it('ends cleanly and drops every database of the run after a spec left clients open', async () => {
    const prefix = `${TEST_DATABASE_PREFIX}nested_w${process.env.JEST_WORKER_ID ?? '1'}_`;
    const { code, output } = await runFixtures(prefix);
    expect(output).toContain('1 passed, 0 failed');
    expect(output).toMatch(/ending connections the specs left open: .*scratch \(1\)/);
    expect(output).not.toContain('57P01');
    expect(code).toBe(0);
    expect(await databasesLike(prefix)).toEqual([]);
  }, 60_000);
});
