/*
 * The build `npm start` uses: swc transpiles src/ and migrations/ into dist/ (no type check:
 * `npm run typecheck` and `npm run build` do that), copies the JSON and web-chat files, and
 * writes a fingerprint of its inputs so that the next start can see nothing changed and skip
 * the build. Plain JavaScript, because it runs before anything is compiled.
 *
 *   node scripts/quick-build.js          builds when the fingerprint differs from dist's
 *   node scripts/quick-build.js --force  always builds
 */
const { createHash } = require('node:crypto');
const { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'dist');
const STAMP = join(OUT, '.quick-build.json');
const SOURCE_DIRS = ['src', 'migrations'];
// What else changes the output: the transpiler's settings and the installed packages.
const CONFIG_FILES = ['.swcrc', 'package.json', 'package-lock.json', 'scripts/quick-build.js'];

/** Every file under `dir` (relative to ROOT), sorted, so the fingerprint does not depend on directory order. */
function walk(dir) {
  const absolute = join(ROOT, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** What the app runs: not the specs nor the test doubles they share (as tsconfig.build.json excludes them). */
function isCompiled(file) {
  const name = file.split(/[\\/]/).pop();
  return name.endsWith('.ts') && !/\.(spec|fixtures|d)\.ts$/.test(name) && !name.startsWith('fake-');
}

const COPIED_DIRS = [join('src', 'web-chat', 'public'), join('src', 'database', 'template')];

function isCopied(file) {
  return COPIED_DIRS.some((dir) => file.startsWith(dir)) || (file.startsWith('src') && file.endsWith('.json'));
}

/** Path, size and modification time of every input: cheap to take on each start (a few milliseconds). */
function fingerprint() {
  const hash = createHash('sha256');
  const inputs = [...SOURCE_DIRS.flatMap(walk).filter((file) => isCompiled(file) || isCopied(file)), ...CONFIG_FILES];
  for (const file of inputs) {
    const absolute = join(ROOT, file);
    const stat = existsSync(absolute) ? statSync(absolute) : undefined;
    hash.update(`${file}\0${stat?.size ?? -1}\0${stat?.mtimeMs ?? -1}\n`);
  }
  return hash.digest('hex');
}

function isCurrent() {
  if (!existsSync(STAMP)) return false;
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).fingerprint === fingerprint();
  } catch {
    return false;
  }
}

async function build() {
  const started = Date.now();
  const swc = require('@swc/core');
  const options = JSON.parse(readFileSync(join(ROOT, '.swcrc'), 'utf8'));
  options.jsc.baseUrl = ROOT;
  options.sourceMaps = false;
  options.swcrc = false;
  const before = fingerprint();
  rmSync(OUT, { recursive: true, force: true });
  const files = SOURCE_DIRS.flatMap(walk);
  await Promise.all(
    files.filter(isCompiled).map(async (file) => {
      const { code } = await swc.transformFile(join(ROOT, file), { ...options, filename: join(ROOT, file) });
      const target = join(OUT, file.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code);
    }),
  );
  for (const file of files.filter(isCopied)) cpSync(join(ROOT, file), join(OUT, file));
  writeFileSync(STAMP, JSON.stringify({ fingerprint: before, builtAt: new Date().toISOString() }));
  return { files: files.length, ms: Date.now() - started };
}

module.exports = { isCurrent, build };

if (require.main === module) {
  const force = process.argv.includes('--force');
  if (!force && isCurrent()) {
    process.stdout.write('dist/ is current: nothing to build\n');
  } else {
    build().then(
      ({ files, ms }) => process.stdout.write(`Built dist/ from ${files} files with swc in ${ms} ms (${relative(process.cwd(), OUT) || '.'})\n`),
      (error) => {
        process.stderr.write(`quick build failed: ${error.message}\n`);
        process.exit(1);
      },
    );
  }
}
