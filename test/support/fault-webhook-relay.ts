import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { TgUpdate } from 'src/bot-api-stand-in/telegram-objects.types';
import { shuffled } from './fault-checks';

/** What the relay does with an update the stand-in posts: keep it for the test, or hand it on twice at once. */
export type RelayAction = 'capture' | 'duplicate';

export interface Delivery {
  updateId: number;
  target: string;
  status: number;
}

/**
 * Where the stand-in's webhook deliveries go in fault specs (`standIn.redirectWebhook(relay.url)`):
 * the stand-in builds realistic updates (users, chats, message ids, invoices), and the relay
 * either keeps them (answering 200, so the stand-in moves on) for the test to deliver however it
 * likes, or delivers each one twice, concurrently, to randomly chosen app instances, as Telegram
 * does when it redelivers. Pre-checkout queries must be `duplicate`d: the stand-in waits for
 * their answer.
 */
export class WebhookRelay {
  readonly captured: TgUpdate[] = [];
  readonly deliveries: Delivery[] = [];
  private server: Server | null = null;
  private baseUrl = '';

  constructor(
    private readonly standIn: BotApiStandIn,
    private readonly targets: string[],
    private readonly secret: string,
    private readonly random: () => number,
    public policy: (update: TgUpdate) => RelayAction = () => 'capture',
  ) {}

  get url(): string {
    return this.baseUrl;
  }

  async start(): Promise<string> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/relay`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The updates kept and not taken yet (only those from `userId` when given), oldest first. */
  take(userId?: number): TgUpdate[] {
    const taken = this.captured.filter((update) => userId === undefined || senderOf(update) === userId);
    const rest = this.captured.filter((update) => !taken.includes(update));
    this.captured.splice(0, this.captured.length, ...rest);
    return taken;
  }

  /**
   * Delivers every update twice: all copies at once, in a shuffled order, each to a random
   * instance after a random pause of up to `jitterMs`, so some copies overlap the original and
   * some arrive after it was handled. Resolves with every delivery's HTTP status.
   */
  async deliverTwice(updates: TgUpdate[], jitterMs = 30): Promise<Delivery[]> {
    const copies = shuffled(
      updates.flatMap((update) => [update, update]),
      this.random,
    ).map((update) => ({ update, target: this.pickTarget(), pause: Math.floor(this.random() * jitterMs) }));
    return Promise.all(
      copies.map(async ({ update, target, pause }) => {
        if (pause > 0) await sleep(pause);
        return this.post(target, update);
      }),
    );
  }

  /** One delivery to one instance. */
  async post(target: string, update: TgUpdate): Promise<Delivery> {
    const report = await this.standIn.deliverTo(target, update as unknown as Record<string, unknown>, this.secret);
    const delivery = { updateId: update.update_id, target, status: report.status ?? 0 };
    this.deliveries.push(delivery);
    return delivery;
  }

  private pickTarget(): string {
    return this.targets[Math.floor(this.random() * this.targets.length)];
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as TgUpdate;
    let status = 200;
    if (this.policy(update) === 'capture') {
      this.captured.push(update);
    } else {
      const [first, second] = await Promise.all([this.post(this.pickTarget(), update), this.post(this.pickTarget(), update)]);
      status = first.status === 200 || second.status === 200 ? 200 : Math.max(first.status, second.status) || 502;
    }
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: status === 200 }));
  }
}

/** The user an update comes from, whatever its kind. */
export function senderOf(update: TgUpdate): number | undefined {
  for (const value of Object.values(update as unknown as Record<string, unknown>)) {
    const from = (value as { from?: { id?: unknown } } | null)?.from;
    if (typeof from?.id === 'number') return from.id;
  }
  return undefined;
}
