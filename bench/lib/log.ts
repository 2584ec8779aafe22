/** Where the bench writes, what it prints, and how it cleans up after itself. */
import { appendFileSync } from 'node:fs';
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
