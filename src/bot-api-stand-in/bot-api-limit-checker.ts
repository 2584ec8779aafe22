import { BotApiError } from './bot-api-error';
import type { MessageTextFormatter } from './message-text-formatter';

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_CALLBACK_ANSWER = 200;
const MAX_CALLBACK_DATA_BYTES = 64;
const STARS = 'XTR';
const SUBSCRIPTION_PERIOD = 2592000;
const MAX_SUBSCRIPTION_PRICE = 10000;
const BUTTON_LAYOUT_FIELDS = new Set(['text', 'icon_custom_emoji_id', 'style']);
const BOT_COMMAND = /^[a-z0-9_]{1,32}$/;
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * The limits written in the field descriptions of the spec (text lengths, callback_data bytes,
 * Stars invoices, bot commands, webhook secrets). Runs with or without the spec file, so it reads values defensively.
 */
export class BotApiLimitChecker {
  constructor(private readonly formatter: MessageTextFormatter) {}

  check(method: string, params: Record<string, unknown>): void {
    this.checkReplyMarkup(params.reply_markup);
    if (typeof params.caption === 'string') this.checkCaption(params.caption, params.parse_mode, params.caption_entities);
    switch (method) {
      case 'sendMessage':
      case 'editMessageText':
        this.checkText(params);
        break;
      case 'sendMediaGroup':
        this.checkMediaGroup(params.media);
        break;
      case 'editMessageMedia':
        if (isRecord(params.media) && typeof params.media.caption === 'string') {
          this.checkCaption(params.media.caption, params.media.parse_mode, params.media.caption_entities);
        }
        break;
      case 'sendMessageDraft':
        // 0-4096 characters: an empty draft is a "Thinking..." placeholder.
        if (typeof params.text === 'string' && this.formatter.format(params.text, params.parse_mode, params.entities).text.length > MAX_TEXT) {
          throw BotApiError.badRequest('message is too long');
        }
        break;
      case 'sendInvoice':
      case 'createInvoiceLink':
        this.checkInvoice(params, method === 'createInvoiceLink');
        break;
      case 'answerCallbackQuery':
        if (typeof params.text === 'string' && params.text.length > MAX_CALLBACK_ANSWER) {
          throw BotApiError.badRequest('MESSAGE_TOO_LONG');
        }
        break;
      case 'answerPreCheckoutQuery':
        if (params.ok === false && !(typeof params.error_message === 'string' && params.error_message.trim())) {
          throw BotApiError.badRequest('error_message must be non-empty when ok is false');
        }
        break;
      case 'setMyCommands':
        this.checkCommands(params.commands);
        break;
      case 'setWebhook':
        if (params.secret_token !== undefined && params.secret_token !== null) this.checkSecretToken(params.secret_token);
        break;
    }
  }

  private checkText(params: Record<string, unknown>): void {
    if (typeof params.text !== 'string') return;
    const { text } = this.formatter.format(params.text, params.parse_mode, params.entities);
    if (!text.trim()) throw BotApiError.badRequest('message text is empty');
    if (text.length > MAX_TEXT) throw BotApiError.badRequest('message is too long');
  }

  private checkCaption(caption: string, parseMode: unknown, entities: unknown): void {
    const { text } = this.formatter.format(caption, parseMode, entities);
    if (text.length > MAX_CAPTION) throw BotApiError.badRequest('message caption is too long');
  }

  private checkReplyMarkup(markup: unknown): void {
    if (!isRecord(markup) || !Array.isArray(markup.inline_keyboard)) return;
    for (const row of markup.inline_keyboard) {
      if (!Array.isArray(row)) continue;
      for (const button of row) {
        if (isRecord(button)) this.checkInlineButton(button);
      }
    }
  }

  private checkInlineButton(button: Record<string, unknown>): void {
    const actions = Object.keys(button).filter((key) => !BUTTON_LAYOUT_FIELDS.has(key) && button[key] != null);
    if (!actions.length) {
      throw BotApiError.badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }
    const data = button.callback_data;
    if (typeof data === 'string') {
      const bytes = Buffer.byteLength(data, 'utf8');
      if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw BotApiError.badRequest('BUTTON_DATA_INVALID');
    }
    if (typeof button.url === 'string' && !isButtonUrl(button.url)) throw BotApiError.badRequest('BUTTON_URL_INVALID');
  }

  private checkMediaGroup(media: unknown): void {
    if (!Array.isArray(media)) return;
    if (media.length < 2 || media.length > 10) throw BotApiError.badRequest('media must include 2-10 items');
    for (const item of media) {
      if (isRecord(item) && typeof item.caption === 'string') {
        this.checkCaption(item.caption, item.parse_mode, item.caption_entities);
      }
    }
  }

  private checkInvoice(params: Record<string, unknown>, isLink: boolean): void {
    checkLength(params.title, 1, 32, 'invoice title must be 1-32 characters long');
    checkLength(params.description, 1, 255, 'invoice description must be 1-255 characters long');
    if (typeof params.payload === 'string') {
      const bytes = Buffer.byteLength(params.payload, 'utf8');
      if (bytes < 1 || bytes > 128) throw BotApiError.badRequest('invoice payload must be 1-128 bytes long');
    }
    const prices = Array.isArray(params.prices) ? params.prices : [];
    const total = prices.reduce<number>((sum, price) => sum + (isRecord(price) ? Number(price.amount) || 0 : 0), 0);
    if (params.currency === STARS) {
      if (prices.length !== 1) {
        throw BotApiError.badRequest('payments in Telegram Stars must have exactly one price (STARS_INVOICE_INVALID)');
      }
      if (params.provider_token !== undefined && params.provider_token !== null && params.provider_token !== '') {
        throw BotApiError.badRequest('provider_token must be empty for payments in Telegram Stars');
      }
      if (params.max_tip_amount || (Array.isArray(params.suggested_tip_amounts) && params.suggested_tip_amounts.length)) {
        throw BotApiError.badRequest('tips are not supported for payments in Telegram Stars');
      }
    } else if (typeof params.currency === 'string') {
      if (!/^[A-Z]{3}$/.test(params.currency)) throw BotApiError.badRequest('CURRENCY_INVALID');
      if (!params.provider_token) throw BotApiError.badRequest('PAYMENT_PROVIDER_INVALID');
    }
    if (prices.length && total <= 0) throw BotApiError.badRequest('CURRENCY_TOTAL_AMOUNT_INVALID');
    if (isLink && params.subscription_period !== undefined && params.subscription_period !== null) {
      if (params.subscription_period !== SUBSCRIPTION_PERIOD || params.currency !== STARS) {
        throw BotApiError.badRequest('SUBSCRIPTION_PERIOD_INVALID');
      }
      if (total > MAX_SUBSCRIPTION_PRICE) {
        throw BotApiError.badRequest(`subscription price must not exceed ${MAX_SUBSCRIPTION_PRICE} Telegram Stars`);
      }
    }
  }

  private checkCommands(commands: unknown): void {
    if (!Array.isArray(commands)) return;
    if (commands.length > 100) throw BotApiError.badRequest('too many commands: at most 100 can be specified');
    for (const command of commands) {
      if (!isRecord(command)) continue;
      if (typeof command.command === 'string' && !BOT_COMMAND.test(command.command)) {
        throw BotApiError.badRequest('BOT_COMMAND_INVALID');
      }
      checkLength(command.description, 1, 256, 'BOT_COMMAND_DESCRIPTION_INVALID');
    }
  }

  private checkSecretToken(secret: unknown): void {
    if (typeof secret !== 'string') return;
    if (!SECRET_TOKEN.test(secret)) {
      throw BotApiError.badRequest('secret token must be 1-256 characters of A-Z, a-z, 0-9, _ and -');
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkLength(value: unknown, min: number, max: number, error: string): void {
  if (typeof value === 'string' && (value.length < min || value.length > max)) throw BotApiError.badRequest(error);
}

function isButtonUrl(raw: string): boolean {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `http://${raw}`);
    return ['http:', 'https:', 'tg:'].includes(url.protocol);
  } catch {
    return false;
  }
}
