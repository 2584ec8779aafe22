import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../support/fault-app-process';
import { databaseUrl } from '../support/services';
import { itNeeding } from '../support/needs-services';
import { postgresAvailable, prepareTestEnvironment, TestEnvironment } from '../support/test-environment';

const ROOT = resolve(__dirname, '..', '..');
const TOKEN = '987654321:AAsecretBotTokenValue_ABCDEFGHIJKLMNO';
const ADMIN = 'admin-secret-token-value-123456';
const WEBHOOK = 'webhook_secret_value_7890';
const LLM_KEY = 'sk-llm-secret-key-value-42';
// Without PostgreSQL the app first boots embedded PGlite and migrates it, which takes far longer on a busy machine.
const APP_TIMEOUT_MS = postgresAvailable() ? 25_000 : 100_000;

/** Runs the app the way an operator does (src/main.ts), with debug logs, and returns all it printed. */
function runApp(env: Record<string, string>, timeoutMs = APP_TIMEOUT_MS): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'debug', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

const secrets = {
  TELEGRAM_BOT_TOKEN: TOKEN,
  ADMIN_API_TOKENS: `ops:${ADMIN}`,
  WEBHOOK_SECRET: WEBHOOK,
  LLM_BASE_URL: 'http://127.0.0.1:9/v1',
  LLM_API_KEY: LLM_KEY,
};

function expectNoSecret(output: string): void {
  for (const secret of [TOKEN, TOKEN.split(':')[1], ADMIN, WEBHOOK, LLM_KEY, 'db-password-value']) {
    expect(output).not.toContain(secret);
  }
}

describe('secrets never reach the log', () => {
  let environment: TestEnvironment;

  beforeAll(async () => {
    environment = await prepareTestEnvironment();
  });

  it('when Telegram is unreachable at start', async () => {
    const { code, output } = await runApp({
      ...secrets,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
      DATABASE_URL: environment.databaseUrl ?? '',
      DATA_DIR: environment.dataDir,
      PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(output).toMatch(/Cannot start: .*127\.0\.0\.1:9/);
    expectNoSecret(output);
  }, APP_TIMEOUT_MS + 15_000);

  itNeeding(['PostgreSQL'], 'when the database refuses the connection', async () => {
    const url = new URL(databaseUrl('tarot_no_such_database'));
    url.username = 'postgres';
    url.password = 'db-password-value';
    const { code, output } = await runApp({ ...secrets, DATABASE_URL: url.toString(), DATA_DIR: environment.dataDir, PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(output).toContain('tarot_no_such_database');
    expectNoSecret(output);
  }, APP_TIMEOUT_MS + 15_000);
});
