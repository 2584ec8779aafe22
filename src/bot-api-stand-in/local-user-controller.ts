/*
 * Local-mode HTTP interface of the Telegram stand-in, for people trying the bot without Telegram.
 * Served under /_standin on the stand-in's own port; JSON in and out; bad input answers 400 {ok:false, error}.
 *
 *   POST /_standin/users/:id/messages   {text, first_name?, last_name?, username?, language_code?}
 *        the user writes to the bot; answers {ok, message, update_id, delivered_via, webhook_status}
 *   POST /_standin/users/:id/callbacks  {message_id, data}
 *        the user presses the inline button with that callback_data; answers {ok, callback_query_id, update_id, ...}
 *   POST /_standin/users/:id/pay        {message_id} or {link}   (optional: from_chat_of, timeout_ms)
 *        the user pays an invoice message or invoice link; answers {ok, reason?, error_message?, charge_id?}
 *   GET  /_standin/users/:id/messages
 *        the chat, both sides, oldest first: {ok, messages: [{side, message_id, date, text, buttons, invoice, ...}]}
 *   GET  /_standin/users/:id/events
 *        the same chat as server-sent events: a snapshot, then every change as it happens (see ChatEventStream)
 *   GET  /_standin/files/:fileId
 *        a photo the bot sent (its bytes, or a redirect to the URL it was sent by)
 *   GET  /_standin/commands[?language_code=ru&user_id=42]
 *        the command menu that user sees, resolved through the scopes as Telegram does: {ok, commands}
 *   GET  /_standin/invoice?link=https://t.me/$abc
 *        an invoice link's title, description and price: {ok, invoice}
 *   GET  /_standin/bot
 *        the bot's own user: {ok, bot}
 *   GET  /_standin/calls[?method=sendMessage]
 *        the Bot API calls the bot made: {ok, calls}
 *
 * Same-origin only: no CORS headers, and the stand-in's server refuses other sites' Origins and Hosts
 * that are not loopback names (see local-host-guard.ts); the web chat reaches it through its own proxy.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { ChatEventStream, type WatchableChats } from './chat-event-stream';
import { chatView } from './chat-view';
import type { StoredFile } from './file-store';
import type { InvoiceRecord } from './payment-ledger';
import type {
  ButtonPressReport,
  CallRecord,
  ChatEntry,
  DeliveryReport,
  PayInvoiceOptions,
  PaymentResult,
  PlayingUserProfile,
  UserMessageReport,
} from './stand-in-api.types';
import type { TgBotCommand, TgUser } from './telegram-objects.types';

/** The part of the stand-in the local-mode interface drives. */
export interface LocalUserPort extends WatchableChats {
  sendText(user: PlayingUserProfile, text: string): Promise<UserMessageReport>;
  pressButton(user: number, messageId: number, callbackData: string): Promise<ButtonPressReport>;
  payInvoice(user: number, ref: number | string, options?: PayInvoiceOptions): Promise<PaymentResult>;
  chatHistory(chatId: number): ChatEntry[];
  calls(method?: string): CallRecord[];
  commands(languageCode?: string, scope?: Record<string, unknown>): TgBotCommand[];
  file(fileId: string): StoredFile | undefined;
  invoiceForLink(link: string): InvoiceRecord | undefined;
  botUser(): TgUser;
}

type Body = Record<string, unknown>;

export class LocalUserController {
  private readonly streams: ChatEventStream;

  constructor(private readonly standIn: LocalUserPort) {
    this.streams = new ChatEventStream(standIn);
  }

  router(): Router {
    const router = express.Router();
    router.use(express.json({ type: () => true }));
    router.post('/users/:id/messages', this.route((id, body) => this.postMessage(id, body)));
    router.post('/users/:id/callbacks', this.route((id, body) => this.postCallback(id, body)));
    router.post('/users/:id/pay', this.route((id, body) => this.postPayment(id, body)));
    router.get('/users/:id/messages', this.route((id) => this.getMessages(id)));
    router.get('/users/:id/events', (request, response) => {
      const userId = Number(request.params.id);
      if (!Number.isSafeInteger(userId) || userId <= 0) {
        response.status(400).json({ ok: false, error: 'user id must be a positive integer' });
        return;
      }
      this.streams.serve(userId, request, response);
    });
    router.get('/files/:fileId', (request, response) => this.getFile(String(request.params.fileId), response));
    router.get('/commands', (request, response) => {
      const languageCode = typeof request.query.language_code === 'string' ? request.query.language_code : undefined;
      const userId = typeof request.query.user_id === 'string' ? Number(request.query.user_id) : undefined;
      response.json({ ok: true, commands: this.menu(languageCode, userId) });
    });
    router.get('/invoice', (request, response) => {
      const invoice = typeof request.query.link === 'string' ? this.standIn.invoiceForLink(request.query.link) : undefined;
      if (!invoice) {
        response.status(404).json({ ok: false, error: 'unknown invoice link' });
        return;
      }
      const { title, description, currency, totalAmount, subscriptionPeriod } = invoice;
      response.json({ ok: true, invoice: { title, description, currency, total_amount: totalAmount, subscription_period: subscriptionPeriod } });
    });
    router.get('/bot', (_request, response) => response.json({ ok: true, bot: this.standIn.botUser() }));
    router.get('/calls', (request, response) => {
      const method = typeof request.query.method === 'string' ? request.query.method : undefined;
      response.json({ ok: true, calls: this.standIn.calls(method) });
    });
    router.use((request, response) => {
      response.status(404).json({ ok: false, error: `no such stand-in route: ${request.method} ${request.originalUrl}` });
    });
    router.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
      response.status(400).json({ ok: false, error: error instanceof Error ? error.message : String(error) });
    });
    return router;
  }

  /** Ends the open event streams (the stand-in is stopping). */
  closeStreams(): void {
    this.streams.closeAll();
  }

  /** Telegram's order for a private chat: the chat's own scope, all private chats, then the default; each by language first. */
  private menu(languageCode: string | undefined, userId: number | undefined): TgBotCommand[] {
    const scopes: Array<Record<string, unknown> | undefined> = [
      ...(userId && Number.isSafeInteger(userId) ? [{ type: 'chat', chat_id: userId }] : []),
      { type: 'all_private_chats' },
      undefined,
    ];
    for (const scope of scopes) {
      for (const language of languageCode ? [languageCode, undefined] : [undefined]) {
        const commands = this.standIn.commands(language, scope);
        if (commands.length) return commands;
      }
    }
    return [];
  }

  private getFile(fileId: string, response: Response): void {
    const file = this.standIn.file(fileId);
    if (!file) {
      response.status(404).json({ ok: false, error: 'no such file' });
      return;
    }
    if (file.kind === 'url') {
      response.redirect(file.url);
      return;
    }
    response.set({ 'Content-Type': file.mimeType, 'Cache-Control': 'private, max-age=86400, immutable' }).send(file.bytes);
  }

  private async postMessage(userId: number, body: Body): Promise<Body> {
    const text = requireString(body, 'text');
    const profile: PlayingUserProfile = { id: userId };
    for (const field of ['first_name', 'last_name', 'username', 'language_code'] as const) {
      const value = body[field];
      if (value !== undefined) profile[field] = requireString(body, field);
    }
    const report = await this.standIn.sendText(profile, text);
    return { ok: true, message: report.message, ...delivery(report) };
  }

  private async postCallback(userId: number, body: Body): Promise<Body> {
    const report = await this.standIn.pressButton(userId, requireInteger(body, 'message_id'), requireString(body, 'data'));
    return { ok: true, callback_query_id: report.callbackQueryId, ...delivery(report) };
  }

  private async postPayment(userId: number, body: Body): Promise<Body> {
    const options: PayInvoiceOptions = {};
    if (body.from_chat_of !== undefined) options.fromChatOf = requireInteger(body, 'from_chat_of');
    if (body.timeout_ms !== undefined) options.timeoutMs = requireInteger(body, 'timeout_ms');
    let ref: number | string;
    if (body.message_id !== undefined) ref = requireInteger(body, 'message_id');
    else if (body.link !== undefined) ref = requireString(body, 'link');
    else throw new Error('give either message_id or link');
    const result = await this.standIn.payInvoice(userId, ref, options);
    return {
      ok: result.ok,
      reason: result.reason,
      error_message: result.errorMessage,
      charge_id: result.chargeId,
      update_id: result.update?.update_id,
    };
  }

  private getMessages(userId: number): Body {
    return { ok: true, messages: this.standIn.chatHistory(userId).map(chatView) };
  }

  private route(action: (userId: number, body: Body) => Promise<Body> | Body) {
    return async (request: Request, response: Response): Promise<void> => {
      try {
        const userId = Number(request.params.id);
        if (!Number.isSafeInteger(userId) || userId <= 0) throw new Error('user id must be a positive integer');
        const body: unknown = request.body ?? {};
        if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('the body must be a JSON object');
        response.json(await action(userId, body as Body));
      } catch (error) {
        response.status(400).json({ ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    };
  }
}

function delivery(report: DeliveryReport): Body {
  return { update_id: report.update.update_id, delivered_via: report.via, webhook_status: report.status, error: report.error };
}

function requireString(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || !value) throw new Error(`"${field}" must be a non-empty string`);
  return value;
}

function requireInteger(body: Body, field: string): number {
  const value = typeof body[field] === 'string' ? Number(body[field]) : body[field];
  if (!Number.isSafeInteger(value)) throw new Error(`"${field}" must be an integer`);
  return value as number;
}
