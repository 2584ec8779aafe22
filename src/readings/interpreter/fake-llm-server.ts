import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LlmMaterial } from './llm-prompt';

/**
 * How a reply is streamed when the request asks for `stream: true`: in pieces of `chunkChars`
 * characters, `chunkDelayMs` apart; `cutAfterChars` closes the connection once that much was sent.
 */
export interface FakeStreaming {
  chunkChars?: number;
  chunkDelayMs?: number;
  cutAfterChars?: number;
}

/**
 * What the fake answers to one request. `auto` writes a valid reading for the cards it was
 * sent; `malformed` answers 200 with a body that is not JSON; `drop` closes the connection.
 */
export type FakeLlmBehaviour = { delayMs?: number } & (
  | ({ kind: 'auto' } & FakeStreaming)
  | ({ kind: 'reply'; content: string | object } & FakeStreaming)
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'malformed' }
  | { kind: 'drop' }
);

const CUT_AFTER_MS = 30;

export interface RecordedLlmRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/**
 * A local OpenAI-compatible server for tests: `POST /v1/chat/completions` and `GET /v1/models`.
 * Queued behaviours answer the next requests in order, then the default one does.
 */
export class FakeLlmServer {
  readonly requests: RecordedLlmRequest[] = [];
  private readonly queue: FakeLlmBehaviour[] = [];
  private defaultBehaviour: FakeLlmBehaviour = { kind: 'auto' };
  /** False: a server that does not stream, and answers `stream: true` with the whole completion. */
  private streams = true;
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: Server | null = null;
  private url: string | null = null;

  get baseUrl(): string {
    if (!this.url) throw new Error('The fake LLM server is not started');
    return this.url;
  }

  /** Chat completion requests only, the ones an interpreter makes. */
  get completions(): RecordedLlmRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/chat/completions'));
  }

  async start(port = 0): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next requests get these behaviours, one each, in order. */
  enqueue(...behaviours: FakeLlmBehaviour[]): this {
    this.queue.push(...behaviours);
    return this;
  }

  /** What every request gets once the queue is empty. */
  setDefault(behaviour: FakeLlmBehaviour): this {
    this.defaultBehaviour = behaviour;
    return this;
  }

  /** Whether `stream: true` is answered with server-sent events (true) or ignored, as some servers do. */
  setStreaming(streams: boolean): this {
    this.streams = streams;
    return this;
  }

  reset(): this {
    this.queue.length = 0;
    this.requests.length = 0;
    this.defaultBehaviour = { kind: 'auto' };
    this.streams = true;
    return this;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0];
    this.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body: parseJson(raw) });
    if (req.method === 'GET' && path.endsWith('/models')) {
      return send(res, 200, { object: 'list', data: [{ id: 'fake-model', object: 'model', created: 0, owned_by: 'fake' }] });
    }
    if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
      return send(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
    }
    const behaviour = this.queue.shift() ?? this.defaultBehaviour;
    const respond = () => this.respond(behaviour, parseJson(raw), res);
    if (!behaviour.delayMs) return respond();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!res.destroyed) respond();
    }, behaviour.delayMs);
    this.timers.add(timer);
    res.once('close', () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    });
  }

  private respond(behaviour: FakeLlmBehaviour, body: unknown, res: ServerResponse): void {
    const streamed = this.streams && (body as { stream?: unknown } | null)?.stream === true;
    switch (behaviour.kind) {
      case 'auto':
      case 'reply': {
        const content =
          behaviour.kind === 'auto' ? autoReading(body) : typeof behaviour.content === 'string' ? behaviour.content : JSON.stringify(behaviour.content);
        return streamed ? this.stream(res, content, behaviour) : send(res, 200, completion(content));
      }
      case 'status':
        return send(res, behaviour.status, behaviour.body ?? { error: { message: `status ${behaviour.status}` } }, behaviour.headers);
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id": "chatcmpl-broken", "choices": [');
        return;
      case 'drop':
        res.socket?.destroy();
        return;
    }
  }

  /** The reply as an OpenAI-style stream of chunks, ending with a finish_reason and `[DONE]`. */
  private stream(res: ServerResponse, content: string, options: FakeStreaming): void {
    const size = options.chunkChars ?? 24;
    const pieces: string[] = [];
    for (let at = 0; at < content.length; at += size) pieces.push(content.slice(at, at + size));
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    const id = `chatcmpl-fake-${Date.now()}`;
    const event = (delta: object, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: 'fake-model', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    res.write(event({ role: 'assistant', content: '' }, null));
    let sent = 0;
    const next = (i: number) => {
      if (res.destroyed) return;
      if (options.cutAfterChars !== undefined && sent >= options.cutAfterChars) {
        // A moment first, so that what was written reaches the client before the connection breaks.
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          res.socket?.destroy();
        }, CUT_AFTER_MS);
        this.timers.add(timer);
        return;
      }
      if (i >= pieces.length) {
        res.end(`${event({}, 'stop')}data: [DONE]\n\n`);
        return;
      }
      res.write(event({ content: pieces[i] }, null));
      sent += pieces[i].length;
      if (!options.chunkDelayMs) return next(i + 1);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        next(i + 1);
      }, options.chunkDelayMs);
      this.timers.add(timer);
    };
    next(0);
  }
}

function completion(content: string): object {
  return {
    id: `chatcmpl-fake-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

/** A valid reading for whatever cards the request carried, so end-to-end flows just work. */
function autoReading(body: unknown): string {
  const messages = (body as { messages?: { role: string; content: unknown }[] } | null)?.messages ?? [];
  const user = [...messages].reverse().find((m) => m.role === 'user');
  const text = typeof user?.content === 'string' ? user.content : '';
  const material = parseJson(text.slice(text.indexOf('{'))) as LlmMaterial | null;
  const cards = material?.cards ?? [];
  return JSON.stringify({
    theme: `Fake LLM theme for ${material?.spread ?? 'the spread'}.`,
    journey: cards.map((c) => `Fake LLM: ${c.card}${c.orientation === 'reversed' ? ' (reversed)' : ''} in ${c.position}.`),
    guidance: `Fake LLM guidance${material?.question ? ` for: ${material.question}` : ''}.`,
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
