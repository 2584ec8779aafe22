import type { ChatEntry } from './stand-in-api.types';

export type ChatView = Record<string, unknown>;

/**
 * One message of a chat as the local-mode interface shows it: flat, with formatting entities, buttons,
 * invoice and payment details, and the file_id of a photo's largest size (GET /_standin/files/:fileId).
 */
export function chatView(entry: ChatEntry): ChatView {
  const { message } = entry;
  return {
    side: entry.side,
    message_id: message.message_id,
    date: message.date,
    edit_date: message.edit_date,
    reply_to_message_id: message.reply_to_message?.message_id,
    text: message.text,
    entities: message.entities,
    caption: message.caption,
    caption_entities: message.caption_entities,
    photo: message.photo ? true : undefined,
    photo_file_id: message.photo?.at(-1)?.file_id,
    media_group_id: message.media_group_id,
    buttons: message.reply_markup?.inline_keyboard,
    reply_keyboard: entry.replyKeyboard,
    invoice: message.invoice,
    successful_payment: message.successful_payment,
    refunded_payment: message.refunded_payment,
  };
}
