import type { Request, Response } from 'express';
import type { ChatEvent, ChatListener } from './chat-events';
import { chatView } from './chat-view';
import type { ChatEntry } from './stand-in-api.types';

export interface WatchableChats {
  chatHistory(chatId: number): ChatEntry[];
  watchChat(chatId: number, listener: ChatListener): () => void;
}

const HEARTBEAT_MS = 15_000;

/**
 * GET /_standin/users/:id/events as server-sent events: first `snapshot` (the chat so far), then
 * `message`, `edit`, `delete`, `action` (e.g. typing), `draft` (a message being written),
 * `callback_answer` and `reset` as they happen.
 */
export class ChatEventStream {
  private readonly open = new Set<Response>();
  private closed = false;

  constructor(private readonly chats: WatchableChats) {}

  serve(chatId: number, request: Request, response: Response): void {
    if (this.closed) {
      // 503 tells a browser's EventSource to stop reconnecting to a stand-in that is going away.
      response.status(503).json({ ok: false, error: 'the stand-in is stopping' });
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 1000\n\n');
    send(response, 'snapshot', { messages: this.chats.chatHistory(chatId).map(chatView) });
    const stop = this.chats.watchChat(chatId, (event) => {
      const [name, data] = describe(event);
      send(response, name, data);
    });
    const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS).unref();
    this.open.add(response);
    request.on('close', () => {
      stop();
      clearInterval(heartbeat);
      this.open.delete(response);
    });
  }

  /** Ends every stream and refuses new ones, so that stopping does not wait for browsers to hang up. */
  closeAll(): void {
    this.closed = true;
    for (const response of this.open) response.end();
    this.open.clear();
  }
}

function describe(event: ChatEvent): [string, Record<string, unknown>] {
  switch (event.type) {
    case 'message':
    case 'edit':
      return [event.type, chatView(event.entry)];
    case 'delete':
      return ['delete', { message_id: event.messageId }];
    case 'action':
      return ['action', { action: event.action }];
    case 'draft':
      return ['draft', { ...event.draft }];
    case 'callback_answer':
      return ['callback_answer', { callback_query_id: event.callbackQueryId, ...event.answer }];
    case 'reset':
      return ['reset', {}];
  }
}

function send(response: Response, event: string, data: Record<string, unknown>): void {
  response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
