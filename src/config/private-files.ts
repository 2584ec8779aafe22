import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Local data (the embedded database, the admin token, the chats) is for this user only: what the
 * process creates from now on gets 0600/0700, and what an earlier start left is brought down to
 * the same. PGlite sets 0644 on a few files it writes while running; the 0700 directories keep
 * those from other users, and `makePrivate` runs again when the database stops.
 */
export function keepPrivate(dir: string): void {
  process.umask(0o077);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  makePrivate(dir);
}

/** Brings everything under `dir` to 0600 files and 0700 directories. */
export function makePrivate(dir: string): void {
  if (existsSync(dir)) restrict(dir);
}

function restrict(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
    for (const name of readdirSync(path)) restrict(join(path, name));
  } else if ((stat.mode & 0o077) !== 0) {
    chmodSync(path, stat.mode & 0o700);
  }
}

/** Whether anything under `dir` can be read or written by another user (for specs and checks). */
export function openToOthers(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) found.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return found;
}
