/**
 * CPU time per process from /proc, so that a flow can say how much CPU each part spent per update,
 * and how busy the machine was with work that is not the benchmark's (other people's tests on a
 * shared machine make every latency worse).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

/** Busy ticks of the whole machine (all CPUs), from /proc/stat. */
function machineBusyTicks(): number {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const values = cpu.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values;
  void idle;
  void iowait;
  return user + nice + system + irq + softirq + (steal ?? 0);
}

function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

/** The port of a redis:// URL (6379 when it names none). */
export function redisPort(url: string): number {
  return Number(new URL(url).port || 6379);
}

/**
 * The redis-server serving `port` (its process title is `redis-server <address>:<port>`), so
 * that another Redis on the machine (a helper's, a CI's) is not counted; every redis-server if
 * none shows the port (a title changed by `proc-title-template`).
 */
function redisServerPids(port: number): number[] {
  const all = pidsNamed('redis-server');
  const listening = new RegExp(`:${port}(\\s|$)`);
  const serving = all.filter((pid) => {
    try {
      return listening.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim());
    } catch {
      return false; // gone
    }
  });
  return serving.length ? serving : all;
}

export interface CpuSample {
  at: number;
  machine: number;
  app: number;
  standIn: number;
  driver: number;
  /** Ticks of each PostgreSQL backend serving the bench database. */
  postgres: Map<number, number>;
  redis: number;
}

export interface CpuUsage {
  seconds: number;
  /** CPU milliseconds spent per flow (one iteration) by each part. */
  msPerFlow: { app: number; standIn: number; driver: number; postgres: number; redis: number };
  /** Average number of cores busy during the window: ours (all parts above) and everything else's. */
  coresBusy: { benchmark: number; others: number; total: number };
}

export class CpuMeter {
  private readonly appPids: number[];

  constructor(
    private readonly pids: { app: number; standIn: number },
    private readonly adminUrl: string,
    private readonly database: string,
    /** The port of the Redis the app uses: only that redis-server is counted. */
    private readonly redisPort: number,
  ) {
    this.appPids = [pids.app];
  }

  /** Another app instance, counted as "app" with the first. */
  addApp(pid: number): void {
    this.appPids.push(pid);
  }

  /** PostgreSQL backends serving the bench database (the app's pool). */
  private async postgresPids(): Promise<number[]> {
    const client = new Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [this.database]);
      return rows.map((r) => r.pid);
    } finally {
      await client.end();
    }
  }

  async sample(): Promise<CpuSample> {
    const postgresPids = await this.postgresPids().catch(() => []);
    const driver = process.cpuUsage();
    return {
      at: Date.now(),
      machine: machineBusyTicks(),
      app: this.appPids.reduce((sum, pid) => sum + processTicks(pid), 0),
      standIn: processTicks(this.pids.standIn),
      driver: ((driver.user + driver.system) / 1e6) * TICKS_PER_SECOND,
      postgres: new Map(postgresPids.map((pid) => [pid, processTicks(pid)])),
      redis: redisServerPids(this.redisPort).reduce((sum, pid) => sum + processTicks(pid), 0),
    };
  }

  /** The usage between two samples, per iteration. */
  usage(before: CpuSample, after: CpuSample, iterations: number): CpuUsage {
    // A backend that started during the window counts from zero; one that ended is lost (rare: the pool keeps them).
    let postgres = 0;
    for (const [pid, ticks] of after.postgres) postgres += ticks - (before.postgres.get(pid) ?? 0);
    const seconds = (after.at - before.at) / 1000;
    const ms = (ticks: number) => (ticks / TICKS_PER_SECOND) * 1000;
    const perFlow = (ticks: number) => (iterations ? Math.round((ms(ticks) / iterations) * 100) / 100 : 0);
    const delta = {
      app: after.app - before.app,
      standIn: after.standIn - before.standIn,
      driver: after.driver - before.driver,
      postgres,
      redis: after.redis - before.redis,
      machine: after.machine - before.machine,
    };
    const ours = delta.app + delta.standIn + delta.driver + delta.postgres + delta.redis;
    const cores = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100;
    return {
      seconds: Math.round(seconds * 10) / 10,
      msPerFlow: {
        app: perFlow(delta.app),
        standIn: perFlow(delta.standIn),
        driver: perFlow(delta.driver),
        postgres: perFlow(delta.postgres),
        redis: perFlow(delta.redis),
      },
      coresBusy: { benchmark: cores(ours), others: cores(Math.max(0, delta.machine - ours)), total: cores(delta.machine) },
    };
  }
}
