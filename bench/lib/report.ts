/** The report: its JSON shape, the targets it is read against, and the console table. */
import { execFileSync } from 'node:child_process';
import type { FlowReport } from './bench';
import type { CeilingResult } from './ceiling';
import { ROOT } from './log';
import type { Options } from './options';
import type { ProfileSummary } from './profile-summary';
import { fmt } from './stats';

export interface Report {
  measuredAt: string;
  node: string;
  code: { commit: string; changedFiles: string[] };
  machine: { cpus: number; note: string };
  options: Omit<Options, 'adminDatabaseUrl' | 'redisUrl'>;
  app: { startupMs: number; rssAfterStartMb: number | null; peakRssMb: number | null; standInChecksSpec: boolean };
  flows: FlowReport[];
  /** The statements of one iteration of each flow, captured alone (full text and parameters: statements-<flow>.json). */
  statements?: Record<string, string[]>;
  ceiling?: CeilingResult & { readingsPerSecondOfApp: number | null; ratio: number | null };
  profiles?: Record<string, ProfileSummary & { file: string }>;
  targets: { name: string; target: string; measured: string; met: boolean | null }[];
}

export function targets(report: Report): Report['targets'] {
  const flow = (name: string) => report.flows.find((f) => f.name === name);
  const list: Report['targets'] = [];
  const reading = flow('reading');
  const balance = flow('balance');
  if (report.ceiling) {
    list.push({
      name: 'reading throughput vs raw-SQL ceiling',
      target: '≥ 0.5',
      measured: fmt(report.ceiling.ratio, 2),
      met: report.ceiling.ratio === null ? null : report.ceiling.ratio >= 0.5,
    });
  }
  // Latency is read where chats pause between messages, as people do; in the closed loop, by
  // Little's law, it is only concurrency over throughput. Without the paced passes, the closed loop's.
  const pacing = (f: FlowReport) => (f.thinkMs ? `paced ${f.thinkMs / 1000} s` : 'no pause');
  const balanceLatency = flow('balance paced') ?? balance;
  if (balanceLatency) {
    const { webhook, latency } = balanceLatency;
    list.push({ name: `/balance webhook p99 (${pacing(balanceLatency)})`, target: '< 50 ms', measured: `${fmt(webhook.p99)} ms`, met: webhook.p99 === null ? null : webhook.p99 < 50 });
    list.push({ name: `/balance answer p99 (${pacing(balanceLatency)})`, target: '< 50 ms', measured: `${fmt(latency.p99)} ms`, met: latency.p99 === null ? null : latency.p99 < 50 });
  }
  if (balance) {
    // The exact count is that of one /balance alone; the window's average also holds boundary noise.
    const alone = report.statements?.balance?.length;
    list.push({
      name: 'SQL statements per warm /balance',
      target: '1',
      measured: alone !== undefined ? `${alone} alone (${fmt(balance.sql.perIteration, 2)} average)` : fmt(balance.sql.perIteration, 2),
      met: (alone ?? Math.round(balance.sql.perIteration)) <= 1,
    });
  }
  const readingLatency = flow('reading paced') ?? reading;
  if (readingLatency) {
    for (const step of ['callback', 'skip']) {
      const p99 = readingLatency.webhookByStep[step]?.p99 ?? null;
      list.push({ name: `reading webhook p99 (${step}, ${pacing(readingLatency)})`, target: '< 100 ms', measured: `${fmt(p99)} ms`, met: p99 === null ? null : p99 < 100 });
    }
  }
  const errors = report.flows.reduce((sum, f) => sum + f.errors.total, 0);
  list.push({ name: 'errors (all flows)', target: '0', measured: String(errors), met: errors === 0 });
  list.push({
    name: 'app peak memory (RSS high-water mark)',
    target: '< 300 MB',
    measured: `${fmt(report.app.peakRssMb)} MB`,
    met: report.app.peakRssMb === null ? null : report.app.peakRssMb < 300,
  });
  return list;
}

export function table(report: Report): string {
  const lines: string[] = [];
  const row = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const widths = [16, 5, 9, 8, 20, 20, 6, 8, 10, 8];
  lines.push(row(['flow', 'chats', 'updates/s', 'flows/s', 'answer p50/95/99 ms', 'webhook p50/95/99 ms', 'errors', 'SQL/flow', 'Redis/flow', 'peak MB'], widths));
  for (const f of report.flows) {
    const p = (x: { p50: number | null; p95: number | null; p99: number | null }) => `${fmt(x.p50)}/${fmt(x.p95)}/${fmt(x.p99)}`;
    lines.push(
      row(
        [
          f.name,
          String(f.concurrency),
          fmt(f.updatesPerSecond),
          fmt(f.iterationsPerSecond),
          p(f.latency),
          p(f.webhook),
          String(f.errors.total),
          fmt(f.sql.perIteration, 2),
          fmt(f.redis.perIteration, 2),
          fmt(f.peakRssMb, 0),
        ],
        widths,
      ),
    );
    if (Object.keys(f.webhookByStep).length > 1 || Object.keys(f.phases).length) {
      for (const [step, pct] of Object.entries(f.webhookByStep)) lines.push(row([`  ${step}`, '', '', '', '', p(pct), '', '', '', ''], widths));
      for (const [phase, pct] of Object.entries(f.phases)) lines.push(row([`  ${phase}`, '', '', '', p(pct), '', '', '', '', ''], widths));
    }
  }
  lines.push('');
  // The calls each iteration makes sit beside its CPU, so a change that adds a statement, a Redis command or a Bot API call shows.
  const cw = [9, 8, 9, 8, 9, 7, 6, 6, 8, 22, 22];
  lines.push(
    row(
      ['CPU ms per flow', 'app', 'stand-in', 'driver', 'postgres', 'redis', 'SQL', 'Redis', 'Bot API', 'cores busy: ours/other', 'app loop delay p99/max'],
      [16, ...cw.slice(1)],
    ),
  );
  for (const f of report.flows) {
    const m = f.cpu.msPerFlow;
    lines.push(
      row(
        [
          f.name,
          fmt(m.app, 2),
          fmt(m.standIn, 2),
          fmt(m.driver, 2),
          fmt(m.postgres, 2),
          fmt(m.redis, 2),
          fmt(f.sql.perIteration, 2),
          fmt(f.redis.perIteration, 2),
          fmt(Object.values(f.botApiCallsPerIteration).reduce((sum, n) => sum + n, 0), 2),
          `${fmt(f.cpu.coresBusy.benchmark, 2)}/${fmt(f.cpu.coresBusy.others, 2)}`,
          f.eventLoopDelayMs ? `${fmt(f.eventLoopDelayMs.p99)}/${fmt(f.eventLoopDelayMs.max)} ms` : '–',
        ],
        [16, ...cw.slice(1)],
      ),
    );
  }
  lines.push('');
  for (const f of report.flows) {
    const list = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ');
    const retries = f.staleSocketRetries ? `; ${f.staleSocketRetries} webhook requests re-sent (idle keep-alive socket closed)` : '';
    const alone = report.statements?.[f.name] ? `SQL ${report.statements[f.name].length} (one iteration alone); ` : '';
    lines.push(
      `${f.name} per flow: ${alone}Redis ${list(f.redis.byCommand)} (${f.redis.keysAfter} keys after); Bot API ${list(f.botApiCallsPerIteration)}${retries}`,
    );
  }
  lines.push('');
  lines.push('app memory after each flow (MB): ' + report.flows.map((f) => {
    const m = f.memoryAfter;
    return `${f.name} RSS ${fmt(m.rssMb, 0)} (V8 heap ${fmt(m.heapUsedMb, 0)} used of ${fmt(m.heapTotalMb, 0)}; retained after GC ${fmt(f.memoryRetained.heapUsedMb, 0)})`;
  }).join('; '));
  if (report.ceiling) {
    const c = report.ceiling;
    lines.push('');
    lines.push(
      `ceiling: the ${c.statementsPerReading} statements of one reading (${c.transactionsPerReading} transactions) replayed with pg, ` +
        `${c.concurrency} at once on a pool of ${c.poolSize}: ${fmt(c.readingsPerSecond)} readings/s ` +
        `(p50 ${fmt(c.latency.p50)} ms, p99 ${fmt(c.latency.p99)} ms, ${c.errors} errors)`,
    );
    if (c.cpu) {
      lines.push(
        `ceiling CPU ms per reading: replaying driver ${fmt(c.cpu.msPerFlow.driver, 2)}, postgres ${fmt(c.cpu.msPerFlow.postgres, 2)}; ` +
          `cores busy ours/other ${fmt(c.cpu.coresBusy.benchmark, 2)}/${fmt(c.cpu.coresBusy.others, 2)}`,
      );
    }
    lines.push(`app: ${fmt(c.readingsPerSecondOfApp)} readings/s = ${fmt(c.ratio === null ? null : c.ratio * 100, 0)}% of the ceiling`);
  }
  lines.push(
    `app RSS: ${fmt(report.app.rssAfterStartMb)} MB when live, peak (high-water mark) ${fmt(report.app.peakRssMb)} MB; started in ${report.app.startupMs} ms`,
  );
  lines.push(`code: ${report.code.commit}${report.code.changedFiles.length ? ` + ${report.code.changedFiles.length} changed files` : ''}; node ${report.node}; ${report.machine.cpus} CPUs`);
  lines.push('');
  lines.push('targets:');
  for (const t of report.targets) {
    lines.push(`  ${t.met === null ? '?   ' : t.met ? 'met ' : 'MISS'}  ${t.name.padEnd(48)} ${t.target.padEnd(9)} measured ${t.measured}`);
  }
  return lines.join('\n');
}

/** The commit measured, and the files changed since (other people edit the tree while it runs). */
export function codeVersion(): Report['code'] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', timeout: 10_000 }).trimEnd();
  try {
    const changed = git('status', '--porcelain', '--', 'src', 'migrations', 'package.json')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    return { commit: git('rev-parse', '--short', 'HEAD'), changedFiles: changed };
  } catch {
    return { commit: 'unknown', changedFiles: [] };
  }
}
