import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres, templatePath } from './embedded-postgres';

const MIGRATIONS = join(__dirname, '..', '..', 'migrations');

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The migrations' class names, as TypeORM records them: `<Name><timestamp>` from `<timestamp>-<Name>.ts`. */
function migrationNames(): string[] {
  return readdirSync(MIGRATIONS)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => /^(\d+)-(\w+)\.ts$/.exec(file)!)
    .map(([, timestamp, name]) => `${name}${timestamp}`)
    .sort();
}

describe('EmbeddedPostgres', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'embedded-postgres-')), 'pgdata');
  });

  afterEach(() => {
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('starts a first time from the template, which holds every migration (else: npm run db:template)', async () => {
    const sut = await EmbeddedPostgres.start(dataDir);
    try {
      expect(sut.fromTemplate).toBe(true);
      const applied = await query<{ name: string }>(sut.url, 'SELECT name FROM migrations ORDER BY name');
      expect(applied.map((row) => row.name)).toEqual(migrationNames());
    } finally {
      await sut.stop();
    }
  }, 60_000);

  it('starts again on the data it kept, with small shared buffers', async () => {
    const first = await EmbeddedPostgres.start(dataDir);
    await query(first.url, "INSERT INTO users (telegram_id, credits) VALUES (42, 7)");
    await first.stop();

    const sut = await EmbeddedPostgres.start(dataDir);
    try {
      expect(sut.fromTemplate).toBe(false);
      expect(await query(sut.url, 'SELECT telegram_id, credits FROM users')).toEqual([{ telegram_id: '42', credits: 7 }]);
      expect(await query(sut.url, 'SHOW shared_buffers')).toEqual([{ shared_buffers: '4MB' }]);
    } finally {
      await sut.stop();
    }
  }, 60_000);

  it('finds the template beside the sources or the build', () => {
    expect(templatePath()).toMatch(/pglite-template\.tar\.gz$/);
    expect(templatePath(['/nowhere'])).toBeUndefined();
  });
});
