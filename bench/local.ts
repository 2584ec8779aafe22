/*
 * Local mode as a newcomer meets it: `npm start` with nothing configured, timed and weighed.
 *
 *   npm run bench:local -- [--idle 10] [--root <checkout>] [--keep-dist] [--no-pglite]
 *
 * Runs `npm start` in its own process group twice: first as on a fresh clone (no dist/, an empty
 * data directory), then again on what the first run left. Each time: seconds until the web chat
 * answers, a reading through the web chat's API, the resident memory of the whole process tree
 * (npm, the shell, node…) after --idle seconds of quiet, then Ctrl-C (SIGINT to the group) with
 * a web-chat event stream open, and how long the tree took to exit (at most 30 s are waited). Then, unless --no-pglite, what the embedded database's memory
 * is made of (bench/pglite-probe.js, one fresh process per case). --root measures another checkout
 * (an older commit, for a before/after). See bench/README.md, "Local mode".
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalChat } from './lib/local-chat';
import { processTree, treeRssMb } from './lib/process-tree';
import { freePort } from './lib/services';

const ROOT = resolve(__dirname, '..');
const UP_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const SAMPLE_MS = 250;

interface Options {
  idleS: number;
  root: string;
  keepDist: boolean;
  pglite: boolean;
}

interface StartFigures {
  upS: number;
  readingS: number;
  idleTreeMb: number;
  peakTreeMb: number;
  processes: string[];
  stopS: number;
  warnings: string[];
}

function parseOptions(args: string[]): Options {
  const value = (name: string): string | undefined => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  return {
    idleS: Number(value('--idle') ?? 10),
    root: resolve(value('--root') ?? ROOT),
    keepDist: args.includes('--keep-dist'),
    pglite: !args.includes('--no-pglite'),
  };
}

const mb = (value: number): string => value.toFixed(0);
const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** `npm start` in its own process group (as a terminal runs it), with nothing configured. */
function npmStart(options: Options, port: number, dataDir: string): { child: ChildProcess; output: () => string } {
  const empty = ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_API_ROOT', 'DATABASE_URL', 'REDIS_URL', 'ADMIN_API_TOKENS', 'ADMIN_PORT', 'LLM_BASE_URL', 'LLM_API_KEY'];
  const child = spawn('npm', ['start'], {
    cwd: options.root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...Object.fromEntries(empty.map((name) => [name, ''])),
      PORT: String(port),
      LOCAL_BOT_API_PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return { child, output: () => output };
}

async function waitUntilUp(base: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + UP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output()}`);
    const status = await fetch(`${base}/`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await sleep(50);
  }
  throw new Error(`the web chat did not answer within ${UP_TIMEOUT_MS} ms:\n${output()}`);
}

async function oneStart(options: Options, label: string, dataDir: string, userId: number): Promise<StartFigures> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const spawned = Date.now();
  const { child, output } = npmStart(options, port, dataDir);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(child.pid!))), SAMPLE_MS);
  try {
    await waitUntilUp(base, child, output);
    const upS = seconds(Date.now() - spawned);
    process.stdout.write(`${label}: the web chat answers after ${upS} s; a reading…\n`);
    const readingStarted = Date.now();
    await new LocalChat(base, userId).reading();
    const readingS = seconds(Date.now() - readingStarted);
    await sleep(options.idleS * 1000);
    const idleTreeMb = treeRssMb(child.pid!);
    const processes = processTree(child.pid!).map((m) => `${m.command.slice(0, 60)}: ${mb(m.rssKb / 1024)} MB`);
    // A web-chat tab left open, as people do: its event stream is open when Ctrl-C comes.
    const tab = (await fetch(`${base}/web-chat/api/users/${userId}/events`)).body!.getReader();
    await tab.read();
    const signalled = Date.now();
    const before = output().length;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    process.kill(-child.pid!, 'SIGINT');
    await Promise.race([exited, sleep(STOP_TIMEOUT_MS)]);
    while (processTree(child.pid!).length > 0 && Date.now() - signalled < STOP_TIMEOUT_MS) await sleep(20);
    const stopS = seconds(Date.now() - signalled);
    await tab.cancel().catch(() => undefined);
    const warnings = output()
      .slice(before)
      .split('\n')
      .filter((line) => /WARN|ERROR|npm error/.test(line));
    return { upS, readingS, idleTreeMb, peakTreeMb: peak, processes, stopS, warnings };
  } finally {
    clearInterval(sampler);
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
}

interface ProbeResult {
  case: string;
  ms: number;
  ready: { rssMb: number; wasmMemoryMb: number };
  catalogue: { rssMb: number; hwmMb: number; v8HeapMb: number; wasmMemoryMb: number; wasmResidentMb: number };
}

/** One case of bench/pglite-probe.js in a fresh node, on `dir`. */
function probe(name: string, dir: string, nodeArgs: string[] = []): ProbeResult {
  const run = spawnSync(process.execPath, [...nodeArgs, join(__dirname, 'pglite-probe.js'), name, dir], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pglite-probe ${name}: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ProbeResult;
}

function pgliteBreakdown(): string[] {
  const fresh = (): string => mkdtempSync(join(tmpdir(), 'pglite-probe-'));
  const rows: Array<[string, ProbeResult]> = [];
  const node = probe('node', fresh());
  rows.push(['node alone', node]);
  const before = fresh();
  rows.push(['before, first start: PGlite defaults, initdb', probe('defaults', before)]);
  rows.push(['before, later starts: PGlite defaults', probe('defaults', before)]);
  rows.push(['4 MB shared buffers, initdb + migrations', probe('migrations', fresh())]);
  const now = fresh();
  rows.push(['4 MB shared buffers, template, optimising compiler', probe('current', now)]);
  rows.push(['the same, later start', probe('current', now)]);
  const liftoff = fresh();
  rows.push(['now, first start: template, --liftoff-only', probe('current', liftoff, ['--liftoff-only'])]);
  rows.push(['now, later starts: --liftoff-only', probe('current', liftoff, ['--liftoff-only'])]);
  const lines = [
    'embedded PostgreSQL alone, one fresh node per row (bench/pglite-probe.js):',
    `${'case'.padEnd(52)} ${'ready s'.padStart(8)} ${'RSS MB'.padStart(7)} ${'+ node'.padStart(7)} ${'peak MB'.padStart(8)} ${'wasm heap MB'.padStart(13)} ${'of it resident'.padStart(15)}`,
  ];
  for (const [label, result] of rows) {
    const { rssMb, hwmMb, wasmMemoryMb, wasmResidentMb } = result.catalogue;
    lines.push(
      `${label.padEnd(52)} ${String(seconds(result.ms)).padStart(8)} ${mb(rssMb).padStart(7)} ${mb(rssMb - node.catalogue.rssMb).padStart(7)} ${mb(hwmMb).padStart(8)} ${mb(wasmMemoryMb).padStart(13)} ${mb(wasmResidentMb).padStart(15)}`,
    );
  }
  lines.push('(RSS after reading the catalogue; "+ node" is over node alone; the wasm heap is reserved, only its touched pages are resident)');
  return lines;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-local-'));
  try {
    if (!options.keepDist) rmSync(join(options.root, 'dist'), { recursive: true, force: true });
    const first = await oneStart(options, 'first start (no dist/, empty data)', dataDir, 4242);
    const second = await oneStart(options, 'second start', dataDir, 4343);
    const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: options.root, encoding: 'utf8' }).stdout.trim() || '(not a git checkout)';
    const lines = [
      '',
      `npm start in local mode: ${options.root} at ${commit}, node ${process.version}; idle ${options.idleS} s after a reading`,
      `${''.padEnd(36)} ${'first start'.padStart(12)} ${'second start'.padStart(13)}`,
      `${'web chat answers after (s)'.padEnd(36)} ${String(first.upS).padStart(12)} ${String(second.upS).padStart(13)}`,
      `${'a reading took (s)'.padEnd(36)} ${String(first.readingS).padStart(12)} ${String(second.readingS).padStart(13)}`,
      `${'process tree RSS at idle (MB)'.padEnd(36)} ${mb(first.idleTreeMb).padStart(12)} ${mb(second.idleTreeMb).padStart(13)}`,
      `${'process tree RSS peak (MB)'.padEnd(36)} ${mb(first.peakTreeMb).padStart(12)} ${mb(second.peakTreeMb).padStart(13)}`,
      `${'Ctrl-C to exit, a tab open (s)'.padEnd(36)} ${String(first.stopS).padStart(12)} ${String(second.stopS).padStart(13)}`,
      `${'warnings after Ctrl-C'.padEnd(36)} ${String(first.warnings.length).padStart(12)} ${String(second.warnings.length).padStart(13)}`,
      `processes at idle, second start: ${second.processes.join('; ')}`,
      ...[...first.warnings, ...second.warnings].map((line) => `  warning: ${line.slice(0, 200)}`),
    ];
    if (options.pglite) lines.push('', ...pgliteBreakdown());
    process.stdout.write(`${lines.join('\n')}\n`);
    const results = join(ROOT, 'bench', 'results');
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'local-latest.txt'), `${lines.join('\n')}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
