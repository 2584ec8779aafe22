/** A lean HTTP client on node:http with keep-alive, so that the driver spends little CPU per request. */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpResult {
  status: number;
  body: string;
  /** When the request was started and when its answer had fully arrived (ms since the epoch, sub-ms). */
  startedAt: number;
  endedAt: number;
}

export const now = (): number => performance.timeOrigin + performance.now();

export class HttpClient {
  private readonly agent: Agent;
  /** Requests sent again because the server had closed the idle keep-alive socket they were sent on. */
  retriedOnStaleSocket = 0;

  constructor(maxSockets: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  async send(method: string, url: string, body?: unknown, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<HttpResult> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    try {
      return await this.attempt(method, url, payload, headers, timeoutMs);
    } catch (error) {
      // A keep-alive socket the server closed while it sat idle fails at once: send again, as Node's docs advise.
      if (!(error as { staleSocket?: boolean }).staleSocket) throw error;
      this.retriedOnStaleSocket++;
      return this.attempt(method, url, payload, headers, timeoutMs);
    }
  }

  private attempt(method: string, url: string, payload: Buffer | undefined, headers: Record<string, string>, timeoutMs: number): Promise<HttpResult> {
    return new Promise<HttpResult>((resolve, reject) => {
      const startedAt = now();
      const req = request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            ...headers,
            ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), startedAt, endedAt: now() }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out after ${timeoutMs} ms`)));
      req.on('error', (error: NodeJS.ErrnoException) => {
        const stale = req.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up');
        reject(stale ? Object.assign(error, { staleSocket: true }) : error);
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
