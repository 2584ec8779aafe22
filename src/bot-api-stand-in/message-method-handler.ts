import { BotApiError } from './bot-api-error';
import type { MethodContext, MethodTable } from './bot-api-method.types';
import type { BotMessageFactory } from './bot-message-factory';
import type { CallbackQueryRegistry } from './callback-query-registry';
import type { ChatRegistry } from './chat-registry';
import type { FaultInjector } from './fault-injector';
import type { IdGenerator } from './id-generator';
import type { FormattedText, MessageTextFormatter } from './message-text-formatter';
import type { ParamReader } from './param-reader';
import type { ChatEntry } from './stand-in-api.types';
import type { TgMessage } from './telegram-objects.types';
import { UploadedFile } from './uploaded-file';

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);
const MEDIA_GROUP_KINDS = new Set(['photo', 'video', 'document', 'audio']);
const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** Sending, editing and deleting messages, chat actions and callback answers. */
export class MessageMethodHandler {
  constructor(
    private readonly chats: ChatRegistry,
    private readonly faults: FaultInjector,
    private readonly messages: BotMessageFactory,
    private readonly formatter: MessageTextFormatter,
    private readonly callbacks: CallbackQueryRegistry,
    private readonly ids: IdGenerator,
    private readonly nowSeconds: () => number,
  ) {}

  methods(): MethodTable {
    return {
      sendMessage: (context) => this.sendMessage(context),
      sendPhoto: (context) => this.sendPhoto(context),
      sendMediaGroup: (context) => this.sendMediaGroup(context),
      editMessageText: (context) => this.editMessageText(context),
      editMessageCaption: (context) => this.editMessageCaption(context),
      editMessageMedia: (context) => this.editMessageMedia(context),
      editMessageReplyMarkup: (context) => this.editMessageReplyMarkup(context),
      deleteMessage: (context) => this.deleteMessage(context),
      sendChatAction: (context) => this.sendChatAction(context),
      sendMessageDraft: (context) => this.sendMessageDraft(context),
      answerCallbackQuery: (context) => this.answerCallbackQuery(context),
    };
  }

  private sendMessage({ reader, bot }: MethodContext): TgMessage {
    const chat = this.messages.targetChat(reader);
    const formatted = this.messageText(reader);
    const message = this.messages.compose(chat, bot, reader);
    message.text = formatted.text;
    if (formatted.entities.length) message.entities = formatted.entities;
    const preview = reader.optionalObject('link_preview_options');
    if (preview) message.link_preview_options = preview;
    this.messages.store(message, reader);
    return message;
  }

  private sendPhoto({ reader, bot }: MethodContext): TgMessage {
    const chat = this.messages.targetChat(reader);
    if (!reader.has('photo')) throw BotApiError.badRequest('there is no photo in the request');
    const caption = this.caption(reader);
    const message = this.messages.compose(chat, bot, reader);
    message.photo = this.messages.photoSizes(reader.raw('photo'));
    if (caption?.text) message.caption = caption.text;
    if (caption?.entities.length) message.caption_entities = caption.entities;
    this.messages.store(message, reader);
    return message;
  }

  private sendMediaGroup({ reader, bot, params }: MethodContext): TgMessage[] {
    const chat = this.messages.targetChat(reader);
    const media = reader.optionalArray('media');
    if (!media?.length) throw BotApiError.badRequest('parameter "media" is required');
    const items = media.map((item, index) => this.mediaItem(item, index, params));
    const groupId = this.ids.mediaGroupId();
    return items.map((item) => {
      const message = this.messages.compose(chat, bot, reader);
      delete message.reply_markup;
      message.media_group_id = groupId;
      if (item.kind === 'photo') message.photo = this.messages.photoSizes(item.source);
      else message[item.kind] = this.messages.fileObject(item.kind, item.source, item.fileName);
      if (item.caption?.text) message.caption = item.caption.text;
      if (item.caption?.entities.length) message.caption_entities = item.caption.entities;
      this.chats.append('bot', message);
      return message;
    });
  }

  private editMessageText({ reader }: MethodContext): TgMessage {
    const entry = this.editableEntry(reader);
    if (entry.message.text === undefined) throw BotApiError.badRequest('there is no text in the message to edit');
    const formatted = this.messageText(reader);
    const markup = this.messages.inlineMarkup(reader);
    const current = entry.message;
    if (
      current.text === formatted.text &&
      sameJson(current.entities ?? [], formatted.entities) &&
      sameJson(current.reply_markup, markup)
    ) {
      throw BotApiError.badRequest(NOT_MODIFIED);
    }
    const edited: TgMessage = { ...current, text: formatted.text, edit_date: this.nowSeconds() };
    setOrDelete(edited, 'entities', formatted.entities.length ? formatted.entities : undefined);
    setOrDelete(edited, 'reply_markup', markup);
    this.chats.replace(edited.chat.id, edited);
    return edited;
  }

  private editMessageCaption({ reader }: MethodContext): TgMessage {
    const entry = this.editableEntry(reader);
    const current = entry.message;
    if (current.text !== undefined || current.invoice) {
      throw BotApiError.badRequest('there is no caption in the message to edit');
    }
    const caption = this.caption(reader) ?? { text: '', entities: [] };
    const markup = this.messages.inlineMarkup(reader);
    if (
      (current.caption ?? '') === caption.text &&
      sameJson(current.caption_entities ?? [], caption.entities) &&
      sameJson(current.reply_markup, markup)
    ) {
      throw BotApiError.badRequest(NOT_MODIFIED);
    }
    const edited: TgMessage = { ...current, edit_date: this.nowSeconds() };
    setOrDelete(edited, 'caption', caption.text || undefined);
    setOrDelete(edited, 'caption_entities', caption.entities.length ? caption.entities : undefined);
    setOrDelete(edited, 'reply_markup', markup);
    this.chats.replace(edited.chat.id, edited);
    return edited;
  }

  /** New media for a message, or a media in place of a text message (Bot API 10.1), with its caption. */
  private editMessageMedia({ reader, params }: MethodContext): TgMessage {
    const entry = this.editableEntry(reader);
    const current = entry.message;
    if (current.invoice || current.media_group_id) throw BotApiError.badRequest("message can't be edited");
    const media = reader.optionalObject('media');
    if (!media) throw BotApiError.badRequest('parameter "media" is required');
    const item = this.mediaItem(media, 0, params);
    const edited: TgMessage = { ...current, edit_date: this.nowSeconds() };
    for (const field of ['text', 'entities', 'link_preview_options', 'photo', 'video', 'document', 'audio'] as const) delete edited[field];
    if (item.kind === 'photo') edited.photo = this.messages.photoSizes(item.source);
    else edited[item.kind] = this.messages.fileObject(item.kind, item.source, item.fileName);
    setOrDelete(edited, 'caption', item.caption?.text || undefined);
    setOrDelete(edited, 'caption_entities', item.caption?.entities.length ? item.caption.entities : undefined);
    setOrDelete(edited, 'reply_markup', this.messages.inlineMarkup(reader));
    this.chats.replace(edited.chat.id, edited);
    return edited;
  }

  private editMessageReplyMarkup({ reader }: MethodContext): TgMessage {
    const entry = this.editableEntry(reader);
    const markup = this.messages.inlineMarkup(reader);
    if (sameJson(entry.message.reply_markup, markup)) throw BotApiError.badRequest(NOT_MODIFIED);
    const edited: TgMessage = { ...entry.message, edit_date: this.nowSeconds() };
    setOrDelete(edited, 'reply_markup', markup);
    this.chats.replace(edited.chat.id, edited);
    return edited;
  }

  private deleteMessage({ reader }: MethodContext): boolean {
    const chatId = reader.chatId();
    if (!this.chats.hasChat(chatId)) throw BotApiError.chatNotFound();
    const messageId = reader.integer('message_id');
    if (!this.chats.markDeleted(chatId, messageId)) throw BotApiError.badRequest('message to delete not found');
    return true;
  }

  private sendChatAction({ reader }: MethodContext): boolean {
    const chat = this.messages.targetChat(reader);
    const action = reader.string('action');
    if (!CHAT_ACTIONS.has(action)) throw BotApiError.badRequest('wrong parameter action in request');
    this.chats.announce(chat.id, { type: 'action', action });
    return true;
  }

  /** A preview of a message being written: private chats only, a non-zero draft_id, an empty text for "Thinking...". */
  private sendMessageDraft({ reader }: MethodContext): boolean {
    const chat = this.messages.targetChat(reader);
    if (chat.type !== 'private') throw BotApiError.badRequest('message drafts can be sent only to private chats');
    const draftId = reader.integer('draft_id');
    if (draftId === 0) throw BotApiError.badRequest('draft_id must be non-zero');
    const formatted = this.formatter.format(reader.optionalString('text') ?? '', reader.raw('parse_mode'), reader.raw('entities'));
    this.chats.setDraft(chat.id, {
      draft_id: draftId,
      text: formatted.text,
      ...(formatted.entities.length ? { entities: formatted.entities } : {}),
      date: this.nowSeconds(),
    });
    return true;
  }

  private answerCallbackQuery({ reader }: MethodContext): boolean {
    const answer: Record<string, unknown> = { show_alert: reader.boolean('show_alert', false) };
    const text = reader.optionalString('text');
    const url = reader.optionalString('url');
    if (text !== undefined) answer.text = text;
    if (url !== undefined) answer.url = url;
    const callbackQueryId = reader.string('callback_query_id');
    const chatId = this.callbacks.answer(callbackQueryId, answer);
    if (chatId !== undefined) this.chats.announce(chatId, { type: 'callback_answer', callbackQueryId, answer });
    return true;
  }

  private editableEntry(reader: ParamReader): ChatEntry {
    if (reader.has('inline_message_id')) {
      throw BotApiError.badRequest('inline messages are not supported by the Telegram stand-in');
    }
    const chatId = reader.chatId();
    if (!this.chats.hasChat(chatId)) throw BotApiError.chatNotFound();
    this.faults.assertNotBlocked(chatId);
    const messageId = reader.optionalInteger('message_id');
    if (messageId === undefined) throw BotApiError.badRequest('message identifier is not specified');
    const entry = this.chats.find(chatId, messageId);
    if (!entry) throw BotApiError.badRequest('message to edit not found');
    if (entry.side !== 'bot') throw BotApiError.badRequest("message can't be edited");
    return entry;
  }

  private messageText(reader: ParamReader): FormattedText {
    const raw = reader.optionalString('text');
    if (raw === undefined) throw BotApiError.badRequest('message text is empty');
    const formatted = this.formatter.format(raw, reader.raw('parse_mode'), reader.raw('entities'));
    if (!formatted.text.trim()) throw BotApiError.badRequest('message text is empty');
    return formatted;
  }

  private caption(reader: ParamReader): FormattedText | undefined {
    const raw = reader.optionalString('caption');
    if (raw === undefined) return undefined;
    return this.formatter.format(raw, reader.raw('parse_mode'), reader.raw('caption_entities'));
  }

  private mediaItem(item: unknown, index: number, params: Record<string, unknown>): MediaGroupItem {
    if (typeof item !== 'object' || item === null) throw BotApiError.badRequest(`media item #${index + 1} is not an object`);
    const media = item as Record<string, unknown>;
    const kind = String(media.type);
    if (!MEDIA_GROUP_KINDS.has(kind)) throw BotApiError.badRequest(`unsupported media type "${kind}" in media group`);
    let source = media.media;
    let fileName: string | undefined;
    if (typeof source === 'string' && source.startsWith('attach://')) {
      const attached = params[source.slice('attach://'.length)];
      if (!(attached instanceof UploadedFile)) {
        throw BotApiError.badRequest(`failed to send message #${index + 1}: file "${source}" was not uploaded`);
      }
      fileName = attached.fileName;
      source = attached;
    }
    if (source === undefined || source === null || source === '') {
      throw BotApiError.badRequest(`media item #${index + 1} has no media`);
    }
    const caption =
      typeof media.caption === 'string'
        ? this.formatter.format(media.caption, media.parse_mode, media.caption_entities)
        : undefined;
    return { kind: kind as MediaGroupItem['kind'], source, fileName, caption };
  }
}

interface MediaGroupItem {
  kind: 'photo' | 'video' | 'document' | 'audio';
  source: unknown;
  fileName?: string;
  caption?: FormattedText;
}

function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(left ?? null) === JSON.stringify(right ?? null);
}

function setOrDelete<K extends 'entities' | 'caption' | 'caption_entities' | 'reply_markup'>(
  message: TgMessage,
  key: K,
  value: TgMessage[K] | undefined,
): void {
  if (value === undefined) delete message[key];
  else message[key] = value;
}

