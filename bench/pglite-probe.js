/*
 * One measurement of the embedded database's memory, in a process of its own (bench/local.ts runs
 * each case in a fresh node, with or without --liftoff-only). Plain JavaScript on the compiled
 * build (dist/, which `npm start` writes), so that no transpiler's memory is counted.
 *
 *   node bench/pglite-probe.js <case> <directory>   (its pgdata/ is created when missing)
 *
 * Prints one JSON line: milliseconds to ready, and memory when ready and after reading the catalogue.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const DIST = join(__dirname, '..', 'dist', 'src', 'database');

/** Resident megabytes of the mapping that holds the WebAssembly heap (the one as large as the heap). */
function wasmResidentMb(db) {
  if (!db) return 0;
  const size = db.mod.HEAPU8.byteLength;
  let current = false;
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const range = /^([0-9a-f]+)-([0-9a-f]+) /.exec(line);
    if (range) current = parseInt(range[2], 16) - parseInt(range[1], 16) === size;
    const rss = /^Rss:\s+(\d+)/.exec(line);
    if (rss && current) return Math.round(Number(rss[1]) / 102.4) / 10;
  }
  return 0;
}

function memory(db) {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)[1]);
  const usage = process.memoryUsage();
  return {
    rssMb: Math.round(kb('VmRSS') / 102.4) / 10,
    hwmMb: Math.round(kb('VmHWM') / 102.4) / 10,
    v8HeapMb: Math.round(usage.heapUsed / 104857.6) / 10,
    wasmMemoryMb: db ? Math.round(db.mod.HEAPU8.byteLength / 104857.6) / 10 : 0,
    wasmResidentMb: wasmResidentMb(db),
  };
}

/** What the app's first queries touch: the system catalogue, through the tables' columns. */
async function readCatalogue(query) {
  await query('SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid WHERE a.attnum > 0');
  await query("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'");
}

const CASES = {
  /** Node alone, for the baseline. */
  async node() {
    return { ms: 0, ready: memory(), db: undefined };
  },
  /** PGlite as the app used it before: its defaults (initdb when the directory is empty). */
  async defaults(dir) {
    const { PGlite } = require('@electric-sql/pglite');
    const started = Date.now();
    const db = await PGlite.create(dir);
    return { ms: Date.now() - started, ready: memory(db), db };
  },
  /** Today's settings without the template: initdb, then every migration, when the directory is empty. */
  async migrations(dir) {
    const { EmbeddedPostgres } = require(join(DIST, 'embedded-postgres.js'));
    const { AppDataSource } = require(join(DIST, 'app-data-source.js'));
    const { dataSourceOptions } = require(join(DIST, 'data-source-options.js'));
    const started = Date.now();
    const embedded = await EmbeddedPostgres.start(dir, null);
    const dataSource = new AppDataSource(dataSourceOptions({ url: embedded.url, poolSize: 1 }));
    await dataSource.initialize();
    await dataSource.migrate();
    await dataSource.destroy();
    return { ms: Date.now() - started, ready: memory(embedded.db), db: embedded.db };
  },
  /** Today: the template unpacked when the directory is empty, 4 MB of shared buffers. */
  async current(dir) {
    const { EmbeddedPostgres } = require(join(DIST, 'embedded-postgres.js'));
    const started = Date.now();
    const embedded = await EmbeddedPostgres.start(dir);
    return { ms: Date.now() - started, ready: memory(embedded.db), db: embedded.db };
  },
};

async function main() {
  const [name, dir] = process.argv.slice(2);
  const run = CASES[name];
  if (!run || !dir) throw new Error(`usage: node bench/pglite-probe.js <${Object.keys(CASES).join('|')}> <directory>`);
  const { ms, ready, db } = await run(join(dir, 'pgdata'));
  if (db) await readCatalogue((sql) => db.query(sql));
  process.stdout.write(`${JSON.stringify({ case: name, ms, ready, catalogue: memory(db) })}\n`);
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
