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
 *   GET  /_standin/calls[?method=sendMessage]
 *        the Bot API calls the bot made: {ok, calls}
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
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

/** The part of the stand-in the local-mode interface drives. */
export interface LocalUserPort {
  sendText(user: PlayingUserProfile, text: string): Promise<UserMessageReport>;
  pressButton(user: number, messageId: number, callbackData: string): Promise<ButtonPressReport>;
  payInvoice(user: number, ref: number | string, options?: PayInvoiceOptions): Promise<PaymentResult>;
  chatHistory(chatId: number): ChatEntry[];
  calls(method?: string): CallRecord[];
}

type Body = Record<string, unknown>;

export class LocalUserController {
  constructor(private readonly standIn: LocalUserPort) {}

  router(): Router {
    const router = express.Router();
    router.use(express.json({ type: () => true }));
    router.post('/users/:id/messages', this.route((id, body) => this.postMessage(id, body)));
    router.post('/users/:id/callbacks', this.route((id, body) => this.postCallback(id, body)));
    router.post('/users/:id/pay', this.route((id, body) => this.postPayment(id, body)));
    router.get('/users/:id/messages', this.route((id) => this.getMessages(id)));
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

function chatView(entry: ChatEntry): Body {
  const { message } = entry;
  return {
    side: entry.side,
    message_id: message.message_id,
    date: message.date,
    edit_date: message.edit_date,
    text: message.text,
    caption: message.caption,
    photo: message.photo ? true : undefined,
    media_group_id: message.media_group_id,
    buttons: message.reply_markup?.inline_keyboard,
    reply_keyboard: entry.replyKeyboard,
    invoice: message.invoice,
    successful_payment: message.successful_payment,
    refunded_payment: message.refunded_payment,
  };
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
