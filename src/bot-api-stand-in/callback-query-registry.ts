import { BotApiError } from './bot-api-error';

interface SentQuery {
  sentAt: number;
  chatId?: number;
  answer?: Record<string, unknown>;
}

/** Callback queries sent to the bot; each may be answered once, within the answer window. */
export class CallbackQueryRegistry {
  private readonly queries = new Map<string, SentQuery>();

  constructor(
    private readonly now: () => number,
    private readonly answerWindowMs: number,
  ) {}

  register(id: string, chatId?: number): void {
    this.queries.set(id, { sentAt: this.now(), chatId });
  }

  /** Records the answer; returns the chat the query came from, when known. */
  answer(id: string, answer: Record<string, unknown>): number | undefined {
    const query = this.queries.get(id);
    if (!query || query.answer || this.now() - query.sentAt > this.answerWindowMs) throw BotApiError.queryTooOld();
    query.answer = answer;
    return query.chatId;
  }

  answerOf(id: string): Record<string, unknown> | undefined {
    return this.queries.get(id)?.answer;
  }

  clear(): void {
    this.queries.clear();
  }
}
