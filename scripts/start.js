/*
 * `npm start`: builds dist/ with swc when a source changed since the last build (a fraction of
 * a second; nothing at all otherwise), then runs the app in this same process, so that a
 * running app is one node process under npm.
 *
 * package.json passes V8 flags that hold local mode's memory down (bench/README.md, "Local
 * mode"): --liftoff-only keeps the embedded database's WebAssembly on V8's baseline compiler
 * instead of also optimising its hot functions (about 40 MB of machine code);
 * --max-semi-space-size=2 keeps the young generation at a few megabytes instead of 32; and
 * --optimize-for-size trades a little speed for some 12 MB more. One local user never notices.
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { isCurrent } = require('./quick-build');

if (!isCurrent()) {
  const build = spawnSync(process.execPath, [join(__dirname, 'quick-build.js'), '--force'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
require('../dist/src/main.js');

// `npm start` runs this under `sh -c`, and dash passes no signal on: a SIGTERM sent to npm alone
// (a process manager, `kill <npm's pid>`) would leave the app running without its parent. The
// parent's going is noticed here instead, and the app stops as it does on SIGTERM.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch);
  process.kill(process.pid, 'SIGTERM');
}, 500);
watch.unref();
