import type { Request, Response } from 'express';
import { type ClientRequest, request as httpRequest } from 'node:http';

const PASSED_BACK = ['content-type', 'cache-control', 'location', 'x-accel-buffering'];

/**
 * Forwards the page's /web-chat/api/* calls to the stand-in's /_standin/* on its own port, so the page
 * stays same-origin. Streams both ways, which keeps server-sent events live.
 */
export class StandInProxy {
  private readonly open = new Map<Response, ClientRequest>();

  forward(apiRoot: string, path: string, request: Request, response: Response): void {
    const target = new URL(apiRoot);
    const body = request.method === 'POST' ? Buffer.from(JSON.stringify(request.body ?? {})) : undefined;
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: `/_standin${path}`,
        headers: { accept: request.headers.accept ?? '*/*', ...(body && { 'content-type': 'application/json', 'content-length': body.length }) },
      },
      (answer) => {
        response.status(answer.statusCode ?? 502);
        for (const header of PASSED_BACK) {
          const value = answer.headers[header];
          if (value !== undefined) response.setHeader(header, value);
        }
        response.flushHeaders();
        answer.pipe(response);
      },
    );
    upstream.on('error', (error) => {
      if (!response.headersSent) response.status(502).json({ ok: false, error: `the Bot API stand-in did not answer: ${error.message}` });
      else response.end();
    });
    this.open.set(response, upstream);
    response.on('close', () => {
      this.open.delete(response);
      upstream.destroy();
    });
    upstream.end(body);
  }

  /**
   * Ends every forwarded response and closes its connection. The HTTP server's close waits for
   * every connection, and a browser keeps an event stream's connection alive to reconnect on it.
   */
  closeAll(): void {
    for (const [response, upstream] of this.open) {
      upstream.destroy();
      response.end(() => response.socket?.destroy());
    }
    this.open.clear();
  }
}
