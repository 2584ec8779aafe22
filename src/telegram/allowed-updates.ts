import { UpdateType } from 'telegraf/typings/telegram-types';

/** The update kinds the bot asks Telegram for, in both polling and webhook mode. */
export const ALLOWED_UPDATES: UpdateType[] = ['message', 'callback_query', 'pre_checkout_query', 'my_chat_member'];
