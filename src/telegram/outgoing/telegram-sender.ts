import { Inject, Injectable, Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { AppConfig } from 'src/config/app-config';
import { MetricsService } from 'src/metrics/metrics.service';
import { TokenBucket } from './token-bucket';

/** Methods that put something in a chat: these are paced and skipped for users who blocked the bot. */
const CHAT_METHODS = new Set([
  'sendMessage',
  'sendPhoto',
  'sendMediaGroup',
  'sendInvoice',
  'sendChatAction',
  'editMessageText',
  'editMessageMedia',
  'editMessageReplyMarkup',
  'deleteMessage',
  'sendMessageDraft',
]);
/**
 * Calls that only preview something (a draft of a message being written): sent when the chat's
 * pacing has a token to spare, else skipped (answered false), and never retried, so they never
 * hold up the messages themselves.
 */
const PREVIEW_METHODS = new Set(['sendMessageDraft']);
const MAX_ATTEMPTS = 4;
const ATTACHED = Symbol('attached to the sender');

type CallApi = (method: string, payload: Record<string, unknown>, options?: unknown) => Promise<unknown>;
const BLOCKED_TTL_SECONDS = 30 * 86400;
/** Errors of Bot API calls the sender gave up on. */
const givenUp = new WeakSet<object>();

/**
 * True if `error` is a Bot API call's that the sender already retried as far as it would (or
 * Telegram refused outright): delivering the update again would repeat the handler's work.
 */
export function gaveUpOnTelegram(error: unknown): boolean {
  return typeof error === 'object' && error !== null && givenUp.has(error);
}

/** Telegram's answer to a callback query answered twice, or after its time ran out. */
const STALE_QUERY = /query is too old|query id is invalid/i;
/** How long an instance trusts what it last learned about a chat being blocked, before asking Redis again. */
const BLOCKED_TRUSTED_MS = 5_000;
/** Callback queries remembered as answered, at most (a press lives for seconds). */
const ANSWERED_KNOWN_MAX = 10_000;
/** Chats remembered at most (then forgotten at once; Redis still knows). */
const BLOCKED_KNOWN_MAX = 50_000;
/**
 * The longest a message waits for its chat's pacing: past it, the message goes without a
 * reservation (Telegram's 429 then paces it) rather than pushing the chat's debt further out.
 */
const MAX_PACING_WAIT_MS = 10_000;

interface ApiError {
  code?: number;
  response?: { error_code?: number; description?: string; parameters?: { retry_after?: number } };
}

/** Telegraf's network errors carry the request URL, and with it the bot token. */
function scrubToken(error: unknown, token: string | undefined): void {
  if (!token || !(error instanceof Error)) return;
  error.message = error.message.split(token).join('[token]');
  if (error.stack) error.stack = error.stack.split(token).join('[token]');
}

export class BlockedChatError extends Error {
  constructor(readonly chatId: string) {
    super(`Chat ${chatId} blocked the bot; not sending`);
    this.name = 'BlockedChatError';
  }
}

/**
 * Every call the bot makes to Telegram: about one message a second per chat (short bursts
 * allowed) and thirty a second overall, `429 retry_after` honoured, network errors and 5xx
 * retried with back-off, and nothing sent to a user who blocked the bot until they return.
 */
@Injectable()
export class TelegramSender {
  private readonly logger = new Logger('TelegramSender');
  private readonly global: TokenBucket;
  private readonly chats = new Map<string, TokenBucket>();
  /** What this instance last learned about chats blocking the bot; Redis holds it for every instance. */
  private readonly blockedKnown = new Map<string, { blocked: boolean; until: number }>();
  /** Callback queries this instance has answered lately, oldest first. */
  private readonly answeredQueries = new Set<string>();
  /** Set while sending messages that may be dropped (see `optional`). */
  private readonly optionalSends = new AsyncLocalStorage<true>();

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: MetricsService,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient | null,
  ) {
    const { globalPerSecond } = config.telegram.rate;
    this.global = new TokenBucket(globalPerSecond, globalPerSecond);
  }

  /**
   * Runs `send` with its chat messages optional: one that would wait for its chat's pacing is
   * dropped instead (apologies to a user the bot is already writing to fast: the next one says
   * the same).
   */
  optional<T>(send: () => Promise<T>): Promise<T> {
    return this.optionalSends.run(true, send);
  }

  /** Sends one Bot API call; what it throws has been retried already (see gaveUpOnTelegram). */
  async call<T>(method: string, payload: Record<string, unknown>, send: () => Promise<T>): Promise<T> {
    const query = method === 'answerCallbackQuery' ? String(payload.callback_query_id) : undefined;
    // A press is answered once: a handler that answered and then failed is not answered again by the error handler.
    if (query !== undefined && this.answeredQueries.has(query)) return true as T;
    try {
      const result = await this.attempt(method, payload, send);
      if (query !== undefined) this.noteAnswered(query);
      return result;
    } catch (error) {
      if (typeof error === 'object' && error !== null) givenUp.add(error);
      throw error;
    }
  }

  private async attempt<T>(method: string, payload: Record<string, unknown>, send: () => Promise<T>): Promise<T> {
    const chatId = payload.chat_id !== undefined ? String(payload.chat_id) : undefined;
    const paced = chatId !== undefined && CHAT_METHODS.has(method);
    if (paced && (await this.isBlocked(chatId))) {
      this.metrics.telegramCalls.inc({ method, outcome: 'skipped_blocked' });
      throw new BlockedChatError(chatId);
    }
    const preview = PREVIEW_METHODS.has(method);
    if (preview && paced && this.config.telegram.rate.enabled && !this.spare(chatId)) {
      this.metrics.telegramCalls.inc({ method, outcome: 'skipped_paced' });
      return false as T;
    }
    const optional = this.optionalSends.getStore() === true;
    for (let attempt = 1; ; attempt++) {
      if (paced && !preview && this.config.telegram.rate.enabled && !(await this.pace(chatId, optional))) {
        this.metrics.telegramCalls.inc({ method, outcome: 'dropped_over_budget' });
        return undefined as T;
      }
      try {
        const result = await send();
        this.metrics.telegramCalls.inc({ method, outcome: 'ok' });
        return result;
      } catch (error) {
        // The caller cancelled the call (polling stops at shutdown): nothing to retry or report.
        if ((error as Error).name === 'AbortError') throw error;
        scrubToken(error, this.config.telegram.token);
        const { code, retryAfter, description } = this.describe(error);
        this.metrics.telegramCalls.inc({ method, outcome: code ? String(code) : 'network' });
        if (code === 403 && chatId !== undefined && /blocked|deactivated|kicked/i.test(description)) {
          await this.markBlocked(chatId);
          throw error;
        }
        // A press answered already (by an earlier delivery of the same update) or too late: there
        // is no spinner left to stop, and the handler must go on rather than fail on it.
        if (method === 'answerCallbackQuery' && code === 400 && STALE_QUERY.test(description)) {
          this.logger.debug(`answerCallbackQuery: ${description}; going on`);
          return true as T;
        }
        // Long polling retries in telegraf's own loop; retried here too, the last poll at shutdown
        // (the offset's confirmation, racing the stand-in's stop in local mode) would warn.
        const retryable = method !== 'getUpdates' && (code === 429 || code === undefined || code >= 500);
        if (!retryable || preview || attempt >= MAX_ATTEMPTS) throw error;
        const wait = code === 429 ? (retryAfter ?? 1) * 1000 : 200 * 2 ** (attempt - 1);
        this.logger.warn(`${method} failed (${code ?? 'network'}: ${description}); retrying in ${wait} ms`);
        await sleep(wait);
      }
    }
  }

  /**
   * Routes a Telegram client's calls through this sender. Telegraf makes a client per update
   * for the handlers' replies, besides the bot's own; each one is attached once.
   */
  attach(telegram: object): void {
    const client = telegram as { callApi: CallApi; [ATTACHED]?: true };
    if (client[ATTACHED]) return;
    const original = client.callApi.bind(telegram);
    client.callApi = (method, payload, options) => this.call(method, payload ?? {}, () => original(method, payload, options));
    client[ATTACHED] = true;
  }

  private noteAnswered(query: string): void {
    if (this.answeredQueries.size >= ANSWERED_KNOWN_MAX) this.answeredQueries.delete(this.answeredQueries.values().next().value!);
    this.answeredQueries.add(query);
  }

  /** The user wrote again (or unblocked the bot): messages may go to them once more. */
  async unblock(chatId: string): Promise<void> {
    this.remember(chatId, false);
    await this.redis?.del(`blocked:${chatId}`).catch(() => undefined);
  }

  async markBlocked(chatId: string): Promise<void> {
    this.remember(chatId, true);
    await this.redis?.set(`blocked:${chatId}`, '1', { EX: BLOCKED_TTL_SECONDS }).catch(() => undefined);
  }

  /** Asks Redis at most every few seconds per chat: another instance may have learned otherwise since. */
  private async isBlocked(chatId: string): Promise<boolean> {
    const known = this.blockedKnown.get(chatId);
    if (!this.redis) return known?.blocked ?? false;
    if (known && known.until > Date.now()) return known.blocked;
    const blocked = (await this.redis.exists(`blocked:${chatId}`).catch(() => 0)) > 0;
    this.remember(chatId, blocked);
    return blocked;
  }

  private remember(chatId: string, blocked: boolean): void {
    if (this.blockedKnown.size >= BLOCKED_KNOWN_MAX) this.blockedKnown.clear();
    this.blockedKnown.set(chatId, { blocked, until: Date.now() + BLOCKED_TRUSTED_MS });
  }

  /** Waits for the chat's and the bot's pacing; false (nothing reserved) for an optional message that would wait. */
  private async pace(chatId: string, optional: boolean): Promise<boolean> {
    const bucket = this.bucket(chatId);
    const limit = optional ? 0 : MAX_PACING_WAIT_MS;
    const chatWait = bucket.take(limit);
    if (chatWait === undefined && optional) return false;
    const wait = Math.max(chatWait ?? limit, this.global.take(limit) ?? limit);
    if (wait > 0) await sleep(wait);
    return true;
  }

  /** A token for a preview, if the chat can spare one and still have half its burst for the messages that follow. */
  private spare(chatId: string): boolean {
    const { perChatBurst } = this.config.telegram.rate;
    return this.global.tryTake(0) && this.bucket(chatId).tryTake(Math.floor(perChatBurst / 2));
  }

  private bucket(chatId: string): TokenBucket {
    let bucket = this.chats.get(chatId);
    if (!bucket) {
      const { perChatBurst, perChatPerSecond } = this.config.telegram.rate;
      bucket = new TokenBucket(perChatBurst, perChatPerSecond);
      this.chats.set(chatId, bucket);
      if (this.chats.size > 10_000) for (const [id, b] of this.chats) if (b.idle) this.chats.delete(id);
    }
    return bucket;
  }

  private describe(error: unknown): { code?: number; retryAfter?: number; description: string } {
    const apiError = error as ApiError;
    const code = apiError.response?.error_code ?? apiError.code;
    return {
      code: typeof code === 'number' ? code : undefined,
      retryAfter: apiError.response?.parameters?.retry_after,
      description: apiError.response?.description ?? (error as Error).message,
    };
  }
}
