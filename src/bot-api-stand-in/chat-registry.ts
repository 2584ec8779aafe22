import { BotApiError } from './bot-api-error';
import { type ChatEvent, ChatEvents, type ChatListener } from './chat-events';
import type { IdGenerator } from './id-generator';
import type { ChatDraft, ChatEntry, PlayingUser } from './stand-in-api.types';
import type { TgChat, TgMessage, TgUser } from './telegram-objects.types';

interface ChatState {
  chat: TgChat;
  chatInstance: string;
  lastMessageId: number;
  entries: ChatEntry[];
}

/** What a data directory keeps of the chats between runs. */
export interface ChatRegistrySnapshot {
  users: TgUser[];
  chats: ChatState[];
}

/** Users who have talked to the bot, their private chats, the history of both sides, and a live feed of changes. */
export class ChatRegistry {
  private readonly users = new Map<number, TgUser>();
  private readonly chats = new Map<number, ChatState>();
  private readonly events = new ChatEvents();
  /** The draft each chat shows now, if any: one per chat, the latest replacing the one before. */
  private readonly drafts = new Map<number, ChatDraft>();

  constructor(private readonly ids: IdGenerator) {}

  /** Registers a user (or refreshes the profile fields given) and opens their private chat. */
  upsertUser(user: PlayingUser): TgUser {
    const profile = typeof user === 'number' ? { id: user } : user;
    if (!Number.isSafeInteger(profile.id) || profile.id <= 0) throw new Error(`invalid user id ${String(profile.id)}`);
    const known = this.users.get(profile.id);
    const merged: TgUser = {
      id: profile.id,
      is_bot: false,
      first_name: profile.first_name ?? known?.first_name ?? `User${profile.id}`,
    };
    const lastName = profile.last_name ?? known?.last_name;
    const username = profile.username ?? known?.username;
    const languageCode = profile.language_code ?? known?.language_code ?? 'en';
    if (lastName) merged.last_name = lastName;
    if (username) merged.username = username;
    merged.language_code = languageCode;
    this.users.set(merged.id, merged);

    const chat: TgChat = { id: merged.id, type: 'private', first_name: merged.first_name };
    if (merged.last_name) chat.last_name = merged.last_name;
    if (merged.username) chat.username = merged.username;
    const state = this.chats.get(merged.id);
    if (state) state.chat = chat;
    else this.chats.set(merged.id, { chat, chatInstance: this.ids.chatInstance(), lastMessageId: 0, entries: [] });
    return { ...merged };
  }

  user(id: number): TgUser | undefined {
    const user = this.users.get(id);
    return user && { ...user };
  }

  allUsers(): TgUser[] {
    return [...this.users.values()].map((user) => ({ ...user }));
  }

  chat(chatId: number): TgChat {
    return { ...this.state(chatId).chat };
  }

  hasChat(chatId: number): boolean {
    return this.chats.has(chatId);
  }

  chatInstance(chatId: number): string {
    return this.state(chatId).chatInstance;
  }

  nextMessageId(chatId: number): number {
    const state = this.state(chatId);
    state.lastMessageId += 1;
    return state.lastMessageId;
  }

  append(side: ChatEntry['side'], message: TgMessage, replyKeyboard?: unknown): void {
    const entry: ChatEntry = { side, message: structuredClone(message), deleted: false };
    if (replyKeyboard !== undefined) entry.replyKeyboard = replyKeyboard;
    this.state(message.chat.id).entries.push(entry);
    // A message from the bot takes the place of the draft it was writing.
    if (side === 'bot') this.drafts.delete(message.chat.id);
    this.events.emit(message.chat.id, { type: 'message', entry: structuredClone(entry) });
  }

  setDraft(chatId: number, draft: ChatDraft): void {
    this.state(chatId);
    this.drafts.set(chatId, structuredClone(draft));
    this.events.emit(chatId, { type: 'draft', draft: structuredClone(draft) });
  }

  /** The draft a chat shows, if any, whatever its age (the caller knows the time). */
  draft(chatId: number): ChatDraft | undefined {
    const draft = this.drafts.get(chatId);
    return draft && structuredClone(draft);
  }

  /** The live (not deleted) entry for a message, or undefined. */
  find(chatId: number, messageId: number): ChatEntry | undefined {
    return this.chats.get(chatId)?.entries.find((entry) => entry.message.message_id === messageId && !entry.deleted);
  }

  replace(chatId: number, message: TgMessage): void {
    const entry = this.find(chatId, message.message_id);
    if (!entry) return;
    entry.message = structuredClone(message);
    this.events.emit(chatId, { type: 'edit', entry: structuredClone(entry) });
  }

  markDeleted(chatId: number, messageId: number): boolean {
    const entry = this.find(chatId, messageId);
    if (!entry) return false;
    entry.deleted = true;
    this.events.emit(chatId, { type: 'delete', messageId });
    return true;
  }

  /** Follows a chat's changes (also before the user's first message); returns the function that stops following. */
  watch(chatId: number, listener: ChatListener): () => void {
    return this.events.subscribe(chatId, listener);
  }

  /** Tells the chat's watchers about something that is not a stored message (a chat action, a callback answer). */
  announce(chatId: number, event: ChatEvent): void {
    this.events.emit(chatId, event);
  }

  /** The bot's messages in a chat as they are now (edits applied, deletions left out). */
  botMessages(chatId: number): TgMessage[] {
    return this.history(chatId)
      .filter((entry) => entry.side === 'bot')
      .map((entry) => entry.message);
  }

  /** Both sides of a chat, oldest first, without deleted messages. */
  history(chatId: number): ChatEntry[] {
    const entries = this.chats.get(chatId)?.entries ?? [];
    return entries.filter((entry) => !entry.deleted).map((entry) => structuredClone(entry));
  }

  /** Erases a chat's messages (the user deleted their data); message ids go on from where they were. */
  eraseHistory(chatId: number): void {
    const state = this.chats.get(chatId);
    if (!state) return;
    state.entries = [];
    this.events.emit(chatId, { type: 'reset' });
  }

  clear(): void {
    this.users.clear();
    this.chats.clear();
    this.drafts.clear();
    this.events.emitAll({ type: 'reset' });
  }

  /** Everything, deleted messages included: message ids must go on from where they were. */
  snapshot(): ChatRegistrySnapshot {
    return { users: [...this.users.values()], chats: [...this.chats.values()] };
  }

  restore(snapshot: ChatRegistrySnapshot): void {
    this.users.clear();
    this.chats.clear();
    for (const user of snapshot.users) this.users.set(user.id, user);
    for (const state of snapshot.chats) this.chats.set(state.chat.id, state);
  }

  private state(chatId: number): ChatState {
    const state = this.chats.get(chatId);
    if (!state) throw BotApiError.chatNotFound();
    return state;
  }
}
