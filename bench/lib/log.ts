/** Where the bench writes, what it prints, and how it cleans up after itself. */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = resolve(__dirname, '..', '..');
export const RESULTS = join(ROOT, 'bench', 'results');
/** The app's and the stand-in's output, and the bench's own lines. */
export const APP_LOG = join(RESULTS, 'app.log');

export function log(line: string): void {
  appendFileSync(APP_LOG, `${new Date().toISOString()} ${line}\n`);
}

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
  log(`[bench] ${line}`);
}

/** Steps to undo what the bench set up, run once in reverse order, each bounded in time. */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> | void }[] = [];
  private done: Promise<void> | undefined;

  add(name: string, run: () => Promise<void> | void): void {
    this.steps.unshift({ name, run });
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      const done: string[] = [];
      for (const step of this.steps) {
        try {
          await Promise.race([step.run(), sleep(20_000).then(() => Promise.reject(new Error('timed out')))]);
          done.push(step.name);
        } catch (error) {
          say(`cleanup: ${step.name} failed: ${(error as Error).message}`);
        }
      }
      log(`[bench] cleanup done: ${done.join('; ')}`);
    })();
    return this.done;
  }
}

/** An ISO time usable in a file name. */
export function stamp(iso: string): string {
  return iso.replace(/[:.]/g, '-');
}

/**
 * Runs a bench script: the results folder and an empty log ready, its cleanup run on success,
 * failure, Ctrl-C or SIGTERM (or after `boundS` seconds, exiting 3), and the process exits 1 if it failed.
 */
export async function runBench(name: string, body: (cleanup: Cleanup) => Promise<void>, boundS?: number): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(APP_LOG, '');
  const cleanup = new Cleanup();
  const watchdog = boundS
    ? setTimeout(() => {
        say(`${name} did not finish within ${boundS} s: stopping`);
        void cleanup.run().finally(() => process.exit(3));
      }, boundS * 1000)
    : undefined;
  watchdog?.unref();
  const onSignal = (signal: NodeJS.Signals) => {
    say(`${signal}: cleaning up`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let failed = false;
  try {
    await body(cleanup);
  } catch (error) {
    failed = true;
    say(`${name} failed: ${(error as Error).stack ?? String(error)}`);
    say(`the app's log: ${APP_LOG}`);
  } finally {
    await cleanup.run();
    clearTimeout(watchdog);
  }
  process.exit(failed ? 1 : 0);
}
