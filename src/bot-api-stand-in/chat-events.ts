import type { ChatDraft, ChatEntry } from './stand-in-api.types';

/** What someone watching a chat sees happen, as it happens. */
export type ChatEvent =
  | { type: 'message'; entry: ChatEntry }
  | { type: 'edit'; entry: ChatEntry }
  | { type: 'delete'; messageId: number }
  | { type: 'action'; action: string }
  | { type: 'draft'; draft: ChatDraft }
  | { type: 'callback_answer'; callbackQueryId: string; answer: Record<string, unknown> }
  | { type: 'reset' };

export type ChatListener = (event: ChatEvent) => void;

/** Live changes per chat, for the local web chat's event stream. A failing listener does not disturb the bot's call. */
export class ChatEvents {
  private readonly listeners = new Map<number, Set<ChatListener>>();

  /** Returns the function that stops listening. */
  subscribe(chatId: number, listener: ChatListener): () => void {
    const set = this.listeners.get(chatId) ?? new Set<ChatListener>();
    set.add(listener);
    this.listeners.set(chatId, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(chatId);
    };
  }

  emit(chatId: number, event: ChatEvent): void {
    for (const listener of this.listeners.get(chatId) ?? []) {
      try {
        listener(event);
      } catch {
        // A watcher's broken connection must not turn the bot's Bot API call into an error.
      }
    }
  }

  emitAll(event: ChatEvent): void {
    for (const chatId of [...this.listeners.keys()]) this.emit(chatId, event);
  }
}
