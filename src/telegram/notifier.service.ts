import { Injectable, Logger } from '@nestjs/common';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf } from 'telegraf';
import { InlineKeyboardMarkup } from 'telegraf/types';
import { BotContext } from 'src/bot/bot-context';
import { LocalTelegram } from './local-telegram';

export interface Button {
  text: string;
  callbackData: string;
}

/**
 * How services message a user outside an update handler (a reading delivered when it is
 * ready): they never touch Telegraf or a context themselves.
 */
@Injectable()
export class NotifierService {
  private readonly logger = new Logger(NotifierService.name);

  constructor(
    @InjectBot() private readonly bot: Telegraf<BotContext>,
    private readonly local: LocalTelegram,
  ) {}

  /**
   * After /deleteme: in local mode the built-in stand-in plays Telegram and keeps the chat (the web
   * chat's history), so it is erased; Telegram's own copy of a chat is the user's to clear.
   */
  eraseChatHistory(chatId: string): void {
    this.local.eraseChat(chatId);
  }

  /** Sends an HTML message; returns its message id. */
  async send(chatId: string | number, html: string, buttons: Button[][] = []): Promise<number> {
    const markup: InlineKeyboardMarkup | undefined = buttons.length
      ? { inline_keyboard: buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.callbackData }))) }
      : undefined;
    const sent = await this.bot.telegram.sendMessage(chatId, html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(markup ? { reply_markup: markup } : {}),
    });
    return sent.message_id;
  }

  /**
   * A picture with its caption (at most 1,024 characters; HTML when `html`): PNG bytes to upload,
   * or the file_id of one Telegram already holds. With `replace`, it takes the place of that
   * message of the bot's (a text such as "Shuffling…": editMessageMedia) instead of being a new
   * one. Returns the file_id of the largest size Telegram keeps.
   */
  async sendPhoto(chatId: string | number, photo: Buffer | string, caption: string, options: { html?: boolean; replace?: number } = {}): Promise<string | undefined> {
    const file = typeof photo === 'string' ? photo : { source: photo, filename: 'spread.png' };
    const format = options.html ? { parse_mode: 'HTML' as const } : {};
    if (options.replace !== undefined) {
      const edited = await this.bot.telegram.editMessageMedia(chatId, options.replace, undefined, { type: 'photo', media: file, caption, ...format });
      return typeof edited === 'object' && 'photo' in edited ? edited.photo.at(-1)?.file_id : undefined;
    }
    const sent = await this.bot.telegram.sendPhoto(chatId, file, { caption, ...format });
    return sent.photo?.at(-1)?.file_id;
  }

  /**
   * Shows a message being written (sendMessageDraft, private chats only): `html` is its text so
   * far, empty for Telegram's "Thinking..." placeholder. False when the chat's pacing had no
   * room for it; it is a preview, and the message itself must still be sent.
   */
  async sendDraft(chatId: string | number, draftId: number, html: string): Promise<boolean> {
    // Telegraf predates Bot API 9.3 and does not know the method by name.
    const callApi = this.bot.telegram.callApi as unknown as (method: string, payload: Record<string, unknown>) => Promise<unknown>;
    const result = await callApi.call(this.bot.telegram, 'sendMessageDraft', {
      chat_id: chatId,
      draft_id: draftId,
      text: html,
      ...(html ? { parse_mode: 'HTML' } : {}),
    });
    return result !== false;
  }

  /** "typing…" for a few seconds; failures are not worth more than a debug line. */
  async typing(chatId: string | number): Promise<void> {
    await this.bot.telegram.sendChatAction(chatId, 'typing').catch((error: Error) => this.logger.debug(error.message));
  }
}
