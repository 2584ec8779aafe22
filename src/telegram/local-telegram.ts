/**
 * What the gateway needs from local mode's Bot API, which is started outside the gateway
 * (src/bot-api-stand-in/local-bot-api.module.ts provides it): where it listens and the token it
 * takes. With a real TELEGRAM_BOT_TOKEN, `apiRoot` is undefined and the bot talks to Telegram.
 */
export abstract class LocalTelegram {
  abstract readonly apiRoot: string | undefined;
  abstract readonly token: string;
  /** Local mode: the stand-in (and so the web chat) forgets the chat with this user; otherwise nothing. */
  abstract eraseChat(chatId: string): void;
}
