import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface HeldCall {
  method: string;
  params: Record<string, unknown>;
}

type Predicate = (call: HeldCall) => boolean;

/**
 * Sits between an app and the Bot API stand-in (the app's TELEGRAM_API_ROOT) and passes every
 * call on, except those matching `hold()`, which wait until `release()`: a way to catch a
 * handler in the middle of an update (its user lock taken, its update claimed) and crash the
 * process right there. Handles the JSON and urlencoded bodies telegraf sends; anything else
 * (multipart uploads) is passed on untouched and never held.
 */
export class BotApiGate {
  private server: Server | null = null;
  private baseUrl = '';
  private predicate: Predicate | null = null;
  private readonly waiting: (() => void)[] = [];
  readonly held: HeldCall[] = [];

  constructor(private readonly target: string) {}

  get url(): string {
    return this.baseUrl;
  }

  async start(): Promise<string> {
    const server = createServer((request, response) => void this.forward(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    this.release();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  hold(predicate: Predicate): void {
    this.predicate = predicate;
  }

  /** Stops holding and lets every held call through. */
  release(): void {
    this.predicate = null;
    for (const go of this.waiting.splice(0)) go();
  }

  private async forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = (request.url ?? '').split('?')[0].split('/').pop() ?? '';
    const call = { method, params: parseParams(body, request.headers['content-type']) };
    let callerGone = false;
    response.on('close', () => (callerGone = !response.writableFinished));
    if (this.predicate?.(call)) {
      this.held.push(call);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      // A caller that died while its call was held never made it: Telegram never saw it.
      if (callerGone) return;
    }
    try {
      const answer = await fetch(`${this.target}${request.url}`, {
        method: request.method,
        headers: { 'content-type': request.headers['content-type'] ?? 'application/json' },
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
      });
      const text = Buffer.from(await answer.arrayBuffer());
      if (response.destroyed) return;
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      response.end(text);
    } catch (error) {
      if (!response.destroyed) response.writeHead(502).end(String(error));
    }
  }
}

function parseParams(body: Buffer, contentType: string | undefined): Record<string, unknown> {
  const text = body.toString('utf8');
  try {
    if (contentType?.includes('json')) return JSON.parse(text) as Record<string, unknown>;
    if (contentType?.includes('urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  } catch {
    // not a body we read
  }
  return {};
}
