import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { AddressInfo, Server } from 'node:net';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { makePrivate } from 'src/config/private-files';

/**
 * PostgreSQL's defaults size a server for many clients: 128 MB of shared buffers, written through
 * at start, are most of PGlite's resident memory. One local user on one connection needs little
 * (bench/README.md, "Local mode", has the measurements).
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=4MB', '-c', 'max_connections=3'];

/**
 * A data directory that already holds the schema (`npm run db:template` writes it): a first start
 * unpacks it instead of running initdb (a second WebAssembly instance, seconds and hundreds of
 * megabytes) and every migration. Migrations newer than the template still run at start. It is
 * unpacked here as a stream rather than by PGlite's `loadDataDir`, which inflates the whole
 * archive in memory and leaves the process some 50 MB larger for good.
 */
const TEMPLATE_FILE = 'pglite-template.tar.gz';
const TEMPLATE_DIRECTORIES = [join(__dirname, 'template'), join(__dirname, '..', '..', '..', 'src', 'database', 'template')];

export function templatePath(directories: string[] = TEMPLATE_DIRECTORIES): string | undefined {
  return directories.map((directory) => join(directory, TEMPLATE_FILE)).find((path) => existsSync(path));
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served on a loopback port so the ordinary `pg`
 * driver, TypeORM and the same migrations run on it. It accepts one connection, hence a pool of one.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly dataDir: string | undefined,
    readonly url: string,
    /** True when this start unpacked the template into an empty data directory. */
    readonly fromTemplate: boolean,
  ) {}

  /** `dataDir` undefined keeps the database in memory (tests); `template` null runs initdb instead. */
  static async start(dataDir: string | undefined, template: string | null = templatePath() ?? null): Promise<EmbeddedPostgres> {
    const fromTemplate = dataDir !== undefined && template !== null && isEmpty(dataDir);
    if (fromTemplate) unpack(template, dataDir);
    else if (dataDir) mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create(dataDir ?? 'memory://', { startParams: START_PARAMS });
    await db.exec(`SET TIME ZONE 'UTC'`);
    const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 1 });
    await server.start();
    // The server keeps its net.Server private; port 0 means we must ask it which port it got.
    const { port } = (server as unknown as { server: Server }).server.address() as AddressInfo;
    if (dataDir) makePrivate(dataDir);
    return new EmbeddedPostgres(db, server, dataDir, `postgres://postgres@127.0.0.1:${port}/postgres`, fromTemplate);
  }

  /** The whole data directory as a gzipped tar, after a checkpoint (what `npm run db:template` saves). */
  async dump(): Promise<Buffer> {
    await this.db.exec('CHECKPOINT');
    const archive = await this.db.dumpDataDir('gzip');
    return Buffer.from(await archive.arrayBuffer());
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    if (this.dataDir) makePrivate(this.dataDir);
  }
}

/** Unpacks beside the target and renames, so an interrupted first start never leaves half a database. */
function unpack(template: string, dataDir: string): void {
  const partial = `${dataDir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  // In a child process: unpacking in this one would leave its heap some 20 MB larger for good.
  const script = `require(${JSON.stringify(require.resolve('tar'))}).x({ file: process.argv[1], cwd: process.argv[2], sync: true })`;
  execFileSync(process.execPath, ['-e', script, template, partial], { stdio: 'inherit' });
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(partial, dataDir);
}

function isEmpty(directory: string): boolean {
  return !existsSync(directory) || readdirSync(directory).length === 0;
}
