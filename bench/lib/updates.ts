/** Telegram Update objects as Telegram sends them to a webhook, built by the driver. */
import { randomBytes } from 'node:crypto';

export interface BenchUser {
  id: number;
  first_name: string;
}

const BOT_COMMAND = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?/;

export class UpdateFactory {
  private updateId: number;
  private readonly messageIds = new Map<number, number>();
  private readonly chatInstances = new Map<number, string>();
  private botMessageId = 1_000_000;

  constructor(
    private readonly bot: { id: number; first_name: string },
    firstUpdateId = 1,
  ) {
    this.updateId = firstUpdateId - 1;
  }

  message(user: BenchUser, text: string): Record<string, unknown> {
    const messageId = (this.messageIds.get(user.id) ?? 0) + 1;
    this.messageIds.set(user.id, messageId);
    const message: Record<string, unknown> = {
      message_id: messageId,
      from: { id: user.id, is_bot: false, first_name: user.first_name, language_code: 'en' },
      chat: { id: user.id, type: 'private', first_name: user.first_name },
      date: Math.floor(Date.now() / 1000),
      text,
    };
    const command = BOT_COMMAND.exec(text);
    if (command) message.entities = [{ type: 'bot_command', offset: 0, length: command[0].length }];
    return { update_id: this.nextUpdateId(), message };
  }

  /**
   * A press of an inline button under a bot message (whose id the bot does not check for the
   * actions used here). Each press is under a message of its own, as a user presses "Another
   * reading" under the last reading: the bot takes the same button on the same message within
   * seconds for a double tap.
   */
  callback(user: BenchUser, queryId: string, data: string, messageId = this.nextBotMessageId()): Record<string, unknown> {
    return {
      update_id: this.nextUpdateId(),
      callback_query: {
        id: queryId,
        from: { id: user.id, is_bot: false, first_name: user.first_name, language_code: 'en' },
        chat_instance: this.chatInstance(user.id),
        data,
        message: {
          message_id: messageId,
          from: { id: this.bot.id, is_bot: true, first_name: this.bot.first_name },
          chat: { id: user.id, type: 'private', first_name: user.first_name },
          date: Math.floor(Date.now() / 1000),
          text: 'menu',
        },
      },
    };
  }

  private nextBotMessageId(): number {
    return ++this.botMessageId;
  }

  /** Callback query ids look like Telegram's: large decimal numbers. */
  static queryId(): string {
    return (randomBytes(8).readBigUInt64BE() >> 1n).toString();
  }

  private nextUpdateId(): number {
    this.updateId += 1;
    return this.updateId;
  }

  private chatInstance(userId: number): string {
    let instance = this.chatInstances.get(userId);
    if (!instance) {
      instance = `-${(randomBytes(8).readBigUInt64BE() >> 1n).toString()}`;
      this.chatInstances.set(userId, instance);
    }
    return instance;
  }
}
