// What the page gets from the Bot API stand-in through /web-chat/api (src/bot-api-stand-in/chat-view.ts
// and local-web-interface.ts): types for the JSDoc of the page's scripts only, never served.

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
}

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
  copy_text?: { text: string };
  pay?: boolean;
}

export interface Invoice {
  title: string;
  description: string;
  currency: string;
  total_amount: number;
}

export interface Payment {
  currency: string;
  total_amount: number;
  is_recurring?: boolean;
}

export interface ReplyKeyboard {
  keyboard?: (string | { text: string })[][];
  one_time_keyboard?: boolean;
}

/** One message of the chat, flat. */
export interface MessageView {
  side: 'user' | 'bot';
  message_id: number;
  date: number;
  edit_date?: number;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  photo?: boolean;
  photo_file_id?: string;
  buttons?: InlineButton[][];
  reply_keyboard?: ReplyKeyboard;
  invoice?: Invoice;
  successful_payment?: Payment;
  refunded_payment?: Payment;
}

/** A message the bot is still writing (sendMessageDraft). */
export interface Draft {
  draft_id: number;
  text: string;
  entities?: MessageEntity[];
}

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
}

/** A Telegram user the page plays. */
export interface ChatUser {
  id: number;
  first_name: string;
  language_code: string;
}

export interface BotCommand {
  command: string;
  description: string;
}

export interface PaymentAnswer {
  ok: boolean;
  reason?: string;
  error_message?: string;
}
