import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { eventually } from './eventually';
import { freePort } from './redis-server-process';

const DEPLOYED_CONFIG = resolve(__dirname, '..', '..', 'deploy', 'pgbouncer.ini');

/**
 * docker-compose.yml's deploy/pgbouncer.ini, pointed at the test's PostgreSQL: every database
 * there with the options of the deployed one (timezone), the same pooling settings, and local
 * ones for where it listens, who may connect (trust) and how many server connections a
 * database gets.
 */
function testConfig(server: string[], local: { listen_port: string; auth_file: string; admin_users: string; serverConnections: number }): string {
  const lines = readFileSync(DEPLOYED_CONFIG, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith(';'));
  const databases = lines.slice(lines.indexOf('[databases]') + 1, lines.indexOf('[pgbouncer]'));
  const options = databases[0].split('=').slice(1).join('=').trim().split(/\s+/).filter((o) => !/^(host|port|dbname|user|password)=/.test(o));
  const settings = new Map(lines.slice(lines.indexOf('[pgbouncer]') + 1).map((l) => [l.split('=')[0].trim(), l.split('=').slice(1).join('=').trim()]));
  settings.set('listen_addr', '127.0.0.1');
  settings.set('listen_port', local.listen_port);
  settings.set('auth_type', 'trust');
  settings.set('auth_file', local.auth_file);
  settings.set('admin_users', local.admin_users);
  settings.set('default_pool_size', String(local.serverConnections));
  return ['[databases]', `* = ${[...server, ...options].join(' ')}`, '[pgbouncer]', ...[...settings].map(([k, v]) => `${k} = ${v}`), ''].join('\n');
}

/**
 * A PgBouncer of a test's own in front of the test's PostgreSQL, in transaction pooling mode
 * (a server connection belongs to a client for one transaction only) with `serverConnections`
 * server connections per database, so the app's pool of ten is multiplexed over them.
 * Configured as docker-compose.yml's (deploy/pgbouncer.ini).
 */
export class PgBouncerProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly port: number,
    private readonly user: string,
  ) {}

  static async start(postgresUrl: string, serverConnections = 2): Promise<PgBouncerProcess> {
    const target = new URL(postgresUrl);
    const user = decodeURIComponent(target.username) || 'postgres';
    const dir = mkdtempSync(join(tmpdir(), 'tarot-pgbouncer-'));
    chmodSync(dir, 0o755);
    const port = await freePort();
    const server = [`host=${target.hostname}`, `port=${target.port || 5432}`];
    if (target.password) server.push(`user=${user}`, `password=${decodeURIComponent(target.password)}`);
    writeFileSync(join(dir, 'users.txt'), `"${user}" ""\n`);
    writeFileSync(join(dir, 'pgbouncer.ini'), testConfig(server, { listen_port: String(port), auth_file: join(dir, 'users.txt'), admin_users: user, serverConnections }));
    // PgBouncer refuses to run as root; there it drops to nobody, who can read the two files.
    const asRoot = process.getuid?.() === 0 ? ['-u', 'nobody'] : [];
    const child = spawn('pgbouncer', [...asRoot, join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
    const bouncer = new PgBouncerProcess(child, dir, port, user);
    await eventually(() => bouncer.stats(), 10_000);
    return bouncer;
  }

  /** The URL of `database` through this PgBouncer, with the user of `postgresUrl`. */
  urlFor(postgresUrl: string): string {
    const url = new URL(postgresUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    url.password = '';
    return url.toString();
  }

  /** Transactions PgBouncer has passed to each database (its admin console's SHOW STATS). */
  async stats(): Promise<Map<string, number>> {
    const client = new Client({ host: '127.0.0.1', port: this.port, database: 'pgbouncer', user: this.user });
    await client.connect();
    try {
      const { rows } = await client.query<{ database: string; total_xact_count: string }>('SHOW STATS');
      return new Map(rows.map((r) => [r.database, Number(r.total_xact_count)]));
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      await once(this.child, 'exit');
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
