import { BotApiError } from './bot-api-error';
import type { ChatRegistry } from './chat-registry';
import type { FaultInjector } from './fault-injector';
import type { FileStore } from './file-store';
import type { IdGenerator } from './id-generator';
import type { ParamReader } from './param-reader';
import type { TgChat, TgInlineKeyboardMarkup, TgMessage, TgPhotoSize, TgUser } from './telegram-objects.types';

const PHOTO_SIZES: Array<[number, number]> = [
  [90, 60],
  [320, 213],
  [800, 533],
];

/** Shared steps of every message the bot sends: the target chat, ids, replies, markup and storage. */
export class BotMessageFactory {
  constructor(
    private readonly chats: ChatRegistry,
    private readonly faults: FaultInjector,
    private readonly ids: IdGenerator,
    private readonly nowSeconds: () => number,
    private readonly files: FileStore,
  ) {}

  /** The private chat a call targets; unknown users' chats do not exist, blocked users refuse messages. */
  targetChat(reader: ParamReader): TgChat {
    const chatId = reader.chatId();
    if (!this.chats.hasChat(chatId)) throw BotApiError.chatNotFound();
    this.faults.assertNotBlocked(chatId);
    return this.chats.chat(chatId);
  }

  /** A new message skeleton with the next message id; fails before allocating it when the reply target is missing. */
  compose(chat: TgChat, bot: TgUser, reader: ParamReader): TgMessage {
    const replyTo = this.replyTarget(chat.id, reader);
    const message: TgMessage = {
      message_id: this.chats.nextMessageId(chat.id),
      from: bot,
      chat,
      date: this.nowSeconds(),
    };
    if (replyTo) message.reply_to_message = replyTo;
    const inline = this.inlineMarkup(reader);
    if (inline) message.reply_markup = inline;
    return message;
  }

  /** The inline keyboard of a call's reply_markup; other keyboards are not part of Message objects. */
  inlineMarkup(reader: ParamReader): TgInlineKeyboardMarkup | undefined {
    const markup = reader.optionalObject('reply_markup');
    if (!markup || !Array.isArray(markup.inline_keyboard)) return undefined;
    return { inline_keyboard: markup.inline_keyboard as TgInlineKeyboardMarkup['inline_keyboard'] };
  }

  store(message: TgMessage, reader: ParamReader): void {
    const markup = reader.optionalObject('reply_markup');
    const replyKeyboard = markup && !Array.isArray(markup.inline_keyboard) ? markup : undefined;
    this.chats.append('bot', message, replyKeyboard);
  }

  photoSizes(source: unknown): TgPhotoSize[] {
    const sizes = PHOTO_SIZES.map(([width, height]) => ({
      file_id: this.ids.fileId('photo'),
      file_unique_id: this.ids.fileUniqueId(),
      width,
      height,
      file_size: Math.round((width * height) / 6),
    }));
    if (typeof source === 'string' && !/^(https?|attach):\/\//.test(source)) sizes[sizes.length - 1].file_id = source;
    this.files.remember(
      sizes.map((size) => size.file_id),
      source,
    );
    return sizes;
  }

  fileObject(kind: string, source: unknown, fileName?: string): Record<string, unknown> {
    const reused = typeof source === 'string' && !/^(https?|attach):\/\//.test(source) ? source : undefined;
    const file: Record<string, unknown> = {
      file_id: reused ?? this.ids.fileId(kind),
      file_unique_id: this.ids.fileUniqueId(),
      file_size: 1024,
    };
    if (kind === 'video') Object.assign(file, { width: 640, height: 360, duration: 5 });
    if (kind === 'audio') Object.assign(file, { duration: 30 });
    if (fileName) file.file_name = fileName;
    return file;
  }

  private replyTarget(chatId: number, reader: ParamReader): TgMessage | undefined {
    const parameters = reader.optionalObject('reply_parameters');
    const messageId = parameters ? Number(parameters.message_id) : reader.optionalInteger('reply_to_message_id');
    if (messageId === undefined || Number.isNaN(messageId)) return undefined;
    const allowWithout = parameters
      ? parameters.allow_sending_without_reply === true
      : reader.boolean('allow_sending_without_reply', false);
    const entry = this.chats.find(chatId, messageId);
    if (!entry) {
      if (allowWithout) return undefined;
      throw BotApiError.badRequest('message to be replied not found');
    }
    const replied = structuredClone(entry.message);
    delete replied.reply_to_message;
    return replied;
  }
}
