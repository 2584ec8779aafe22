import { createConnection, createServer, Server, Socket } from 'node:net';

/** A FATAL ErrorResponse, as PostgreSQL sends it to a backend killed by pg_terminate_backend(). */
function terminatedByAdministrator(): Buffer {
  const fields = Buffer.concat([
    ...[
      ['S', 'FATAL'],
      ['V', 'FATAL'],
      ['C', '57P01'],
      ['M', 'terminating connection due to administrator command'],
    ].map(([code, value]) => Buffer.from(`${code}${value}\0`, 'utf8')),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write('E', 0, 'ascii');
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

/**
 * A TCP proxy in front of PostgreSQL that can cut connections the way a database restart does,
 * at a chosen moment: `dropAll()` closes every connection, and `killNextAtStartup()` lets the
 * next new connection finish its start-up and then, in the same TCP segment as its first
 * ReadyForQuery, terminates it with the FATAL that pg_terminate_backend() sends. That is the
 * moment a pool has just handed the new connection out and its user has not yet subscribed to
 * its errors; with a real server it is a race, here it happens every time.
 */
export class PgProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private killsArmed = 0;
  /** Connections cut at start-up so far. */
  killed = 0;

  constructor(
    private readonly targetHost = '127.0.0.1',
    private readonly targetPort = 5432,
  ) {}

  async start(): Promise<number> {
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return (server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    this.dropAll();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  killNextAtStartup(count = 1): void {
    this.killsArmed += count;
  }

  dropAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private accept(client: Socket): void {
    const server = createConnection({ host: this.targetHost, port: this.targetPort });
    this.sockets.add(client);
    this.sockets.add(server);
    const close = () => {
      client.destroy();
      server.destroy();
      this.sockets.delete(client);
      this.sockets.delete(server);
    };
    client.on('error', close).on('close', close);
    server.on('error', close).on('close', close);
    client.pipe(server);

    let startupDone = false;
    let pending = Buffer.alloc(0);
    server.on('data', (chunk: Buffer) => {
      if (startupDone) {
        client.write(chunk);
        return;
      }
      // Until the first ReadyForQuery: walk the server's messages (type, int32 length, body),
      // passing each one on, except that ReadyForQuery may get the FATAL glued to it.
      pending = Buffer.concat([pending, chunk]);
      let offset = 0;
      while (pending.length - offset >= 5) {
        const type = String.fromCharCode(pending[offset]);
        const length = pending.readInt32BE(offset + 1);
        if (pending.length - offset < 1 + length) break;
        const message = pending.subarray(offset, offset + 1 + length);
        offset += 1 + length;
        if (type !== 'Z') {
          client.write(message);
          continue;
        }
        startupDone = true;
        if (this.killsArmed > 0) {
          this.killsArmed--;
          this.killed++;
          client.end(Buffer.concat([message, terminatedByAdministrator()]));
          server.destroy();
          return;
        }
        client.write(Buffer.concat([message, pending.subarray(offset)]));
        pending = Buffer.alloc(0);
        return;
      }
      pending = pending.subarray(offset);
    });
  }
}
