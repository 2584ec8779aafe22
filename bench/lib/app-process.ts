/** The app under test as a child process: start, health, memory, the statement counter, stop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpClient } from './http';

export interface AppOptions {
  projectRoot: string;
  env: Record<string, string>;
  controlPort: number;
  port: number;
  log: (line: string) => void;
  extraNodeArgs?: string[];
  /** A compiled main.js; by default src/main.ts runs under @swc-node/register. */
  entry?: string;
  /** The app exits on its own after this long (a bound in case the driver cannot stop it). */
  maxLifetimeS?: number;
}

export interface CapturedStatement {
  at: number;
  client: number;
  text: string;
  values: unknown[];
  rows: (unknown[] | null)[] | null;
  error?: string;
}

export interface AppCounters {
  statements: number;
  redisCommands: number;
  redisByCommand: Record<string, number>;
}

const MEMORY_POLL_MS = 200;

export class AppProcess {
  private rssSamples: { at: number; kb: number }[] = [];
  private poller: NodeJS.Timeout | undefined;
  private readonly http = new HttpClient(4);
  private exitCode: number | null | undefined;
  private lastHwmKb = 0;

  private constructor(
    private readonly child: ChildProcess,
    private readonly options: AppOptions,
  ) {
    child.on('exit', (code, signal) => {
      this.exitCode = code ?? (signal ? -1 : null);
      this.options.log(`[app] exited (${code ?? signal})`);
    });
  }

  static spawn(options: AppOptions): AppProcess {
    const args = [
      ...(options.extraNodeArgs ?? []),
      ...(options.entry ? [] : ['-r', '@swc-node/register']),
      '-r',
      './bench/count-queries.js',
      options.entry ?? 'src/main.ts',
    ];
    const child = spawn(process.execPath, args, {
      cwd: options.projectRoot,
      env: {
        ...options.env,
        BENCH_CONTROL_PORT: String(options.controlPort),
        BENCH_PARENT_PID: String(process.pid),
        ...(options.maxLifetimeS ? { BENCH_MAX_LIFETIME_S: String(Math.ceil(options.maxLifetimeS)) } : {}),
        // A plain `tsc` build keeps the `src/…` imports (they resolve from the build's root), and may live
        // outside the project (its packages then come from the project's node_modules).
        ...(options.entry ? { NODE_PATH: [resolve(dirname(options.entry), '..'), join(options.projectRoot, 'node_modules')].join(delimiter) } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) options.log(`[app] ${line}`);
    };
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
    return new AppProcess(child, options);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** Waits until GET /health/live answers 200 (the app has migrated, registered its webhook and listens). */
  async waitForLive(timeoutMs: number): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (!this.running) throw new Error(`the app exited (code ${this.exitCode}) before it was live; see bench/results/app.log`);
      try {
        const res = await this.http.send('GET', `${this.baseUrl}/health/live`, undefined, {}, 2000);
        if (res.status === 200) return Date.now() - started;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`the app was not live within ${timeoutMs} ms; see bench/results/app.log`);
  }

  startMemoryPolling(): void {
    this.poller = setInterval(() => {
      const status = this.procStatus();
      if (status) {
        this.rssSamples.push({ at: Date.now(), kb: status.rssKb });
        this.lastHwmKb = status.hwmKb;
      }
    }, MEMORY_POLL_MS);
    this.poller.unref();
  }

  /** Peak resident memory seen by the poller between two times, in MB. */
  peakRssMb(from: number, to: number): number | null {
    const inWindow = this.rssSamples.filter((s) => s.at >= from && s.at <= to);
    if (inWindow.length === 0) return null;
    return Math.round(Math.max(...inWindow.map((s) => s.kb)) / 102.4) / 10;
  }

  /** Resident memory now, in MB. */
  rssMb(): number | null {
    const status = this.procStatus();
    return status ? Math.round(status.rssKb / 102.4) / 10 : null;
  }

  /** The kernel's high-water mark of resident memory over the whole life of the process, in MB. */
  highWaterMb(): number | null {
    const status = this.procStatus();
    const kb = status?.hwmKb ?? this.lastHwmKb;
    return kb ? Math.round(kb / 102.4) / 10 : null;
  }

  async statementCount(): Promise<number> {
    return (await this.counters()).statements;
  }

  /** SQL statements and Redis commands the app has sent since it started. */
  async counters(): Promise<AppCounters> {
    return JSON.parse((await this.control('GET', '/count')).body) as AppCounters;
  }

  /** The app's own view of its memory (MB): V8 heap, memory outside it (Buffers, native modules), RSS. */
  async memory(afterGc = false): Promise<{ rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number; arrayBuffersMb: number }> {
    const m = JSON.parse((await this.control('GET', `/memory${afterGc ? '?gc=1' : ''}`, 30_000)).body) as Record<string, number>;
    const mb = (bytes: number) => Math.round(bytes / 104857.6) / 10;
    return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers) };
  }

  /** Event loop delay (ms) since the last call; resets it. */
  async eventLoopDelay(): Promise<{ p50: number; p99: number; max: number; mean: number }> {
    return JSON.parse((await this.control('POST', '/event-loop')).body) as { p50: number; p99: number; max: number; mean: number };
  }

  async startCapture(): Promise<void> {
    await this.control('POST', '/capture/start');
  }

  async stopCapture(): Promise<CapturedStatement[]> {
    return (JSON.parse((await this.control('POST', '/capture/stop')).body) as { statements: CapturedStatement[] }).statements;
  }

  async startProfile(): Promise<void> {
    await this.control('POST', '/profile/start');
  }

  async stopProfile(file: string): Promise<void> {
    await this.control('POST', `/profile/stop?file=${encodeURIComponent(file)}`, 60_000);
  }

  /** SIGTERM (the app shuts down gracefully), then SIGKILL after the grace. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    this.http.close();
    if (!this.running) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }

  private async control(method: string, path: string, timeoutMs = 10_000) {
    const res = await this.http.send(method, `http://127.0.0.1:${this.options.controlPort}${path}`, undefined, {}, timeoutMs);
    if (res.status !== 200) throw new Error(`the app's bench control answered ${res.status} to ${method} ${path}: ${res.body}`);
    return res;
  }

  private procStatus(): { rssKb: number; hwmKb: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
      return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
    } catch {
      return undefined;
    }
  }
}
