import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const PROJECT_ROOT = resolve(__dirname, '..', '..');
const KEEP_LOG_LINES = 2_000;
const running = new Set<ChildApp>();
export const BUILT_ENTRY = resolve(PROJECT_ROOT, 'dist', 'src', 'main.js');

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * The real app as a child process (`node -r @swc-node/register src/main.ts`), configured only
 * through its environment, as it runs in production. Only what is given in `env` (plus PATH and
 * HOME) reaches it, so nothing of the test process's environment leaks in.
 */
export class ChildApp {
  private readonly log: string[] = [];
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((done) => {
      child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        running.delete(this);
        done();
      });
    });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        this.log.push(line);
        if (this.log.length > KEEP_LOG_LINES) this.log.shift();
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /**
   * `entry` 'source' runs src/main.ts under swc-node; 'built' runs the compiled dist/src/main.js
   * exactly as the Docker image does (build it first).
   */
  static spawn(name: string, port: number, env: Record<string, string>, entry: 'source' | 'built' = 'source'): ChildApp {
    const args = entry === 'built' ? [BUILT_ENTRY] : ['-r', '@swc-node/register', 'src/main.ts'];
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'production', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new ChildApp(name, port, child);
    running.add(app);
    return app;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  /** Everything kept of what the process wrote (the last lines), as one text. */
  get output(): string {
    return this.log.join('\n');
  }

  /** The last lines the process wrote (stdout and stderr), for a failure message. */
  logTail(lines = 40): string {
    return this.log.slice(-lines).join('\n');
  }

  /** Waits until GET /health/live answers 200: migrated, webhook registered, listening. */
  async waitForLive(timeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (!this.alive) throw new Error(`${this.name} exited (${JSON.stringify(this.exit)}) before it was live:\n${this.logTail()}`);
      try {
        const response = await fetch(`${this.baseUrl}/health/live`, { signal: AbortSignal.timeout(2000) });
        if (response.status === 200) return Date.now() - started;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`${this.name} was not live within ${timeoutMs} ms:\n${this.logTail()}`);
  }

  /** Kills the process with `signal` and waits until it is gone (SIGKILL after `graceMs`). */
  async kill(signal: NodeJS.Signals = 'SIGKILL', graceMs = 15_000): Promise<void> {
    if (!this.alive) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  async waitForExit(): Promise<void> {
    await this.exited;
  }
}

/** Kills every child app this test file started that is still running (afterAll, even after a failure). */
export async function killAllChildApps(): Promise<void> {
  await Promise.all([...running].map((app) => app.kill('SIGKILL')));
}

// A worker that dies without its afterAll must not leave apps behind.
process.once('exit', () => {
  for (const app of running) {
    try {
      process.kill(app.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export const CHILD_BOT_TOKEN = '123456789:FAULTS-token-xxxxxxxxxxxxxxxxxx';
export const CHILD_ADMIN_TOKEN = 'faults-admin-token-0123456789';
export const CHILD_WEBHOOK_SECRET = 'faults-webhook-secret';
export const CHILD_WEBHOOK_PATH = '/telegram/webhook';

/** The environment of a child app in webhook mode against the test's database, Redis and stand-in. */
export function childAppEnv(
  environment: { databaseUrl: string; redisUrl: string; dataDir: string },
  telegramApiRoot: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    BOT_MODE: 'webhook',
    WEBHOOK_URL: 'https://faults.example.test/hook',
    WEBHOOK_SECRET: CHILD_WEBHOOK_SECRET,
    TELEGRAM_BOT_TOKEN: CHILD_BOT_TOKEN,
    TELEGRAM_API_ROOT: telegramApiRoot,
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL: environment.redisUrl,
    DATA_DIR: environment.dataDir,
    ADMIN_API_TOKENS: `faults:${CHILD_ADMIN_TOKEN}`,
    LOG_LEVEL: 'warn',
    TELEGRAM_RATE_LIMIT: 'off',
    ...extra,
  };
}
