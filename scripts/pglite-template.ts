import 'src/config/force-utc';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { AppDataSource } from 'src/database/app-data-source';
import { dataSourceOptions } from 'src/database/data-source-options';
import { EmbeddedPostgres } from 'src/database/embedded-postgres';

/**
 * `npm run db:template`: writes the embedded database's first-start template, a PGlite data
 * directory with every migration applied. Run it after adding a migration (a unit spec says
 * when the template is behind); a stale template still works, the app applies the rest at start.
 */
const OUTPUT = resolve(__dirname, '..', 'src', 'database', 'template', 'pglite-template.tar.gz');

async function main(): Promise<void> {
  const embedded = await EmbeddedPostgres.start(undefined);
  const dataSource = new AppDataSource(dataSourceOptions({ url: embedded.url, poolSize: 1 }));
  try {
    await dataSource.initialize();
    const applied = await dataSource.migrate();
    await dataSource.destroy();
    const archive = await embedded.dump();
    mkdirSync(dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, archive);
    process.stdout.write(`Wrote ${relative(process.cwd(), OUTPUT)} (${Math.round(archive.length / 1024)} KiB): ${applied.join(', ')}\n`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
