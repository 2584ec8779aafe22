import { createClient } from '@keyv/redis';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { eventually } from './eventually';

/** A port the system hands out as free right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** The pid of the redis-server answering at `url`. */
async function serverPid(url: string): Promise<number> {
  const probe = createClient({ url, socket: { reconnectStrategy: false } });
  probe.on('error', () => undefined);
  await probe.connect();
  try {
    return Number(/process_id:(\d+)/.exec(await probe.info('server'))?.[1]);
  } finally {
    await probe.close();
  }
}

/**
 * A redis-server of a test's own, to kill and start again. Its port is one the system had free,
 * not a fixed one: several runs of the suite share this machine, and a server of another run on
 * the same port would answer for ours and never go down when ours is killed. Each start checks
 * that the server answering is the one it spawned.
 */
export class RedisServerProcess {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServerProcess> {
    const server = new RedisServerProcess(await freePort());
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.child = child;
    const pid = await eventually(() => serverPid(this.url));
    if (pid !== child.pid) {
      child.kill('SIGKILL');
      throw new Error(`port ${this.port} is answered by redis-server pid ${pid}, not the one this test started (${child.pid})`);
    }
  }

  /** Kills the server at once (no shutdown), as a crash would, and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
}
