import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { MiddlewareFn } from 'telegraf';
import { DomainException } from 'src/common/errors/domain.exception';
import { AppConfig } from 'src/config/app-config';
import { Update } from 'telegraf/types';
import { I18nService } from 'src/common/i18n/i18n.service';
import { RateLimitService } from 'src/rate-limit/rate-limit.service';
import { SUPPORT_SESSION } from 'src/sessions/session-types';
import { SessionsService } from 'src/sessions/sessions.service';
import { ActivityTracker } from 'src/users/activity-tracker';
import { UserSnapshot } from 'src/users/user-snapshot';
import { UsersService } from 'src/users/users.service';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { MetricsService } from 'src/metrics/metrics.service';
import { BotContext } from 'src/bot/bot-context';
import { AppCacheService } from 'src/cache/app-cache.service';
import { CacheBatch, CacheWrites } from 'src/cache/cache-batch';
import { ButtonPresses } from './button-presses';
import { gaveUpOnTelegram, TelegramSender } from './outgoing/telegram-sender';
import { UpdateClaim, UpdateGateService } from './update-gate.service';
import { updateIdentity } from './update-identity';
import { UserBusyError } from './user-busy.error';

/** How long shutdown waits for running handlers and readings before closing the database. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * How long, at least, the webhook answers 503 after SIGTERM before the server closes, even with
 * nothing in flight: a delivery racing the signal is told to come again, not refused a connection.
 */
export const SHUTDOWN_DRAIN_MS = 2_000;

/**
 * How many deliveries of a failing update are tried in webhook mode before the user is told
 * that something went wrong: a database or Redis hiccup heals within them, a bug does not.
 */
export const ATTEMPTS_PER_UPDATE = 3;

/**
 * How many deliveries of a failing payment update are tried before it is parked: logged whole
 * for an operator, counted in tarot_parked_updates_total and acknowledged, rather than
 * redelivered for ever while every other update of the bot waits behind it.
 */
export const ATTEMPTS_PER_PAYMENT = 8;

/** What the webhook should answer for an update that was not handled to the end. */
export type Unfinished = 'failed' | 'in_progress';

/** The commands a user who is not (or no longer) registered may still send. */
const OPEN_COMMANDS = new Set(['/start']);

/** Money updates are never refused or rate-limited: Telegram has taken (or returned) the Stars. */
function isPaymentUpdate(ctx: BotContext): boolean {
  return paymentKind(ctx.update) !== undefined;
}

/** The kind of payment an update carries, if it carries one. */
export function paymentKind(update: unknown): 'pre_checkout_query' | 'successful_payment' | 'refunded_payment' | undefined {
  const body = update as { pre_checkout_query?: unknown; message?: { successful_payment?: unknown; refunded_payment?: unknown } } | null;
  if (typeof body !== 'object' || body === null) return undefined;
  if (body.pre_checkout_query !== undefined) return 'pre_checkout_query';
  if (body.message?.successful_payment !== undefined) return 'successful_payment';
  if (body.message?.refunded_payment !== undefined) return 'refunded_payment';
  return undefined;
}

/** What a suspended user may still do: open support (/paysupport or a receipt's button) and write to it. */
const SUPPORT_COMMAND = '/paysupport';
const SUPPORT_BUTTON = /^v1:support(:|$)/;

function commandOf(ctx: BotContext): string | undefined {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
  return text?.startsWith('/') ? text.split(/[\s@]/)[0].toLowerCase() : undefined;
}

/**
 * What every update goes through before a handler: private chats only, redelivery handled
 * once, the per-minute message limit, one update per user at a time (a bounded line: see
 * USER_QUEUE_LIMIT), the user loaded (from the cache), the status guard, and activity noted.
 * A failure (in the pipeline or a handler) is left to Telegram's next delivery in webhook mode
 * (see afterFailure), parked if it is a payment that keeps failing; otherwise the error handler
 * apologises to the user.
 */
@Injectable()
export class UpdatePipeline implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Updates');
  private readonly unfinished = new Map<number, Unfinished>();
  private readonly redelivered: boolean;
  private readonly operatorChatId: string | undefined;
  private inFlight = 0;
  /** Set at shutdown: the webhook then answers 503 so Telegram keeps the updates. */
  closed = false;

  /** How many of a user's updates may wait behind the one being handled (USER_QUEUE_LIMIT). */
  private readonly queueLimit: number;

  constructor(
    private readonly gate: UpdateGateService,
    private readonly users: UsersService,
    private readonly rateLimits: RateLimitService,
    private readonly activity: ActivityTracker,
    private readonly i18n: I18nService,
    private readonly sender: TelegramSender,
    private readonly metrics: MetricsService,
    private readonly sessions: SessionsService,
    private readonly presses: ButtonPresses,
    private readonly cache: AppCacheService,
    config: AppConfig,
  ) {
    this.operatorChatId = config.supportChatId;
    // Telegram delivers a webhook update again until it is answered 200; a polled one, never.
    this.redelivered = config.telegram.mode === 'webhook';
    this.queueLimit = config.telegram.userQueueLimit;
  }

  /** Stop taking updates (the webhook answers 503 from now on), then let the ones being handled finish (within the deadline). */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    const started = Date.now();
    const deadline = started + SHUTDOWN_GRACE_MS;
    const drained = started + (this.redelivered ? SHUTDOWN_DRAIN_MS : 0);
    while ((this.inFlight > 0 || Date.now() < drained) && Date.now() < deadline) await sleep(20);
    if (this.inFlight > 0) this.logger.warn(`Shutting down with ${this.inFlight} updates still running`);
  }

  middleware(): MiddlewareFn<BotContext> {
    return (ctx, next) => this.handle(ctx, next);
  }

  private async handle(ctx: BotContext, next: () => Promise<void>): Promise<void> {
    this.sender.attach(ctx.telegram);
    const update = ctx.update as Update;
    const type = Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
    const from = ctx.from;
    ctx.state.lang = this.i18n.resolveLanguage(from?.language_code);
    if (ctx.chat && ctx.chat.type !== 'private' && !this.isOperatorChat(ctx)) {
      if (ctx.message) await ctx.reply(this.i18n.t(ctx.state.lang, 'guard.privateOnly'));
      return;
    }
    if (!from) return;
    // Counted from the claim on, which may wait for another delivery: shutdown waits for both.
    this.inFlight++;
    try {
      // The common case in one Redis round trip: the claim, the user's lock, their cached snapshot
      // (a lease on it when it is not cached) and the double-tap check.
      const userKey = String(from.id);
      const snapshotKey = this.users.snapshotKey(userKey);
      // The update's cache writes go with the claim's last round trip (done or release).
      const writes = new CacheBatch(AppCacheService.leasePlaceholder(randomUUID()));
      const press = this.presses.pressOf(ctx);
      const claim = await this.gate.claim(updateIdentity(ctx.botInfo?.id, update), { userKey, peekKey: snapshotKey, peekLease: writes.lease, press });
      if (claim.result !== 'claimed') {
        if (claim.result === 'in_progress' && this.redelivered) this.unfinished.set(update.update_id, 'in_progress');
        this.record(update.update_id, type, from.id, claim.result === 'handled' ? 'duplicate' : 'in_progress', 0);
        return;
      }
      ctx.state.firstPress = claim.firstPress;
      if (claim.leased && snapshotKey) writes.holdLease(snapshotKey);
      await writes.run(() => this.handleClaimed(ctx, next, claim, type, from.id, writes, claim.firstPress ? press?.key : undefined));
    } finally {
      this.inFlight--;
    }
  }

  /**
   * `writes`: the update's cache writes, made with the claim's last round trip (done or release),
   * or when the user's lock is given back if it was taken apart from the claim, so that their next
   * update (on any instance) never finds what this one forgot. `pressKey`: the double-tap mark the
   * claim set, taken back when the update ends before its handler (refused, rate-limited, busy,
   * failed), so that the user's next tap goes through.
   */
  private async handleClaimed(
    ctx: BotContext,
    next: () => Promise<void>,
    claim: UpdateClaim,
    type: string,
    userId: number,
    writes: CacheBatch,
    pressKey: string | undefined,
  ): Promise<void> {
    const updateId = ctx.update.update_id;
    const started = Date.now();
    const settle = async (end: (writes: CacheWrites) => Promise<boolean>, handled = false) => {
      if (!handled && pressKey) writes.forget(pressKey);
      const left = writes.close();
      if (!(await end(left))) await this.cache.writeNow(left);
    };
    const writeBeforeUnlock = async () => {
      if (!claim.turn?.shared) await this.cache.writeNow(writes.close());
    };
    try {
      // The user's snapshot from the entry read with the claim, once; the database on a miss.
      let early: Promise<UserSnapshot | null> | undefined;
      const readEarly = () => (early ??= this.users.snapshotByTelegramId(String(userId), claim.peeked));
      if (await this.admitted(ctx, readEarly)) {
        // Money is never turned away: Telegram has taken (or returned) the Stars.
        const queueLimit = isPaymentUpdate(ctx) ? undefined : this.queueLimit;
        // A snapshot read with the user's lock is fresh for the handler; one read without it is not.
        const read = claim.turn?.shared ? readEarly : () => this.users.snapshotByTelegramId(String(userId));
        const work = () => this.guarded(ctx, next, read).finally(writeBeforeUnlock);
        await this.gate.withUserLock(String(userId), work, { queueLimit, claim });
      }
      await settle(claim.done, ctx.state.outcome === undefined);
      this.record(updateId, type, userId, ctx.state.outcome ?? 'ok', Date.now() - started);
    } catch (error) {
      if (error instanceof UserBusyError && !isPaymentUpdate(ctx)) {
        await settle(claim.done);
        this.record(updateId, type, userId, 'busy', Date.now() - started);
        await this.slowDown(ctx, () => this.i18n.t(ctx.state.lang, 'guard.busy'));
        return;
      }
      this.record(updateId, type, userId, 'failed', Date.now() - started);
      const fate = await this.afterFailure(ctx, error);
      if (fate === 'again') {
        this.logger.warn(`update ${updateId} failed (${(error as Error).message}); answered so that Telegram delivers it again`);
        this.unfinished.set(updateId, 'failed');
        await settle(claim.release);
        return;
      }
      if (fate === 'park') {
        await settle(claim.done);
        this.park(ctx.update as Update, 'failed', (error as Error).message);
        if (ctx.chat) await ctx.reply(this.i18n.t(ctx.state.lang, 'pay.parked')).catch((e: Error) => this.logger.warn(`Could not tell user ${userId} of the parked payment: ${e.message}`));
        return;
      }
      // Not left to a redelivery: the error handler tells the user, and the update counts as handled.
      await settle(claim.done);
      throw error;
    }
  }

  /**
   * What becomes of a failed update: left for Telegram's next delivery, parked, or answered with
   * an apology. Not redelivered when polling (no redelivery), for the domain's refusals, or when
   * a Bot API call failed (the sender retried it already, and the handler's work before it is
   * saved); other updates are tried ATTEMPTS_PER_UPDATE times, payments ATTEMPTS_PER_PAYMENT
   * times and then parked (at once when polling: nothing would bring them back).
   */
  private async afterFailure(ctx: BotContext, error: unknown): Promise<'again' | 'park' | 'apologise'> {
    if (error instanceof DomainException || gaveUpOnTelegram(error)) return 'apologise';
    const identity = updateIdentity(ctx.botInfo?.id, ctx.update as Update);
    if (isPaymentUpdate(ctx)) {
      if (!this.redelivered) return 'park';
      // Waiting too long for the user's lock says nothing about the update itself.
      if (error instanceof UserBusyError) return 'again';
      return (await this.gate.countFailure(identity)) < ATTEMPTS_PER_PAYMENT ? 'again' : 'park';
    }
    if (!this.redelivered) return 'apologise';
    return (await this.gate.countFailure(identity)) < ATTEMPTS_PER_UPDATE ? 'again' : 'apologise';
  }

  /**
   * Sets a payment update aside for an operator: the whole update in an error log line (the
   * operator's record: it carries the charge id, the payload and the user, never message text)
   * and tarot_parked_updates_total. The caller acknowledges it.
   */
  park(update: Update, cause: 'failed' | 'malformed', reason: string): void {
    const type = Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
    this.metrics.parkedUpdates.inc({ type: paymentKind(update) ?? type, cause });
    this.logger.error(`Parked payment update ${update.update_id} (${cause}: ${reason}) for an operator: ${JSON.stringify(update)}`);
  }

  /** One log line and the metrics for every update; never the text the user sent. */
  private record(updateId: number, type: string, userId: number, outcome: string, ms: number): void {
    this.metrics.updates.inc({ type, outcome });
    if (outcome !== 'duplicate' && outcome !== 'in_progress') this.metrics.updateDuration.observe({ type }, ms / 1000);
    this.logger.log({ update_id: updateId, type, user: userId, outcome, ms });
  }

  /** Why the update was not handled to the end, if it was not (asked once, by the webhook). */
  takeUnfinished(updateId: number): Unfinished | undefined {
    const unfinished = this.unfinished.get(updateId);
    this.unfinished.delete(updateId);
    return unfinished;
  }

  /** `read`: the user's snapshot, as fresh as their lock requires. */
  private async guarded(ctx: BotContext, next: () => Promise<void>, read: () => Promise<UserSnapshot | null>): Promise<void> {
    if (ctx.myChatMember) return this.memberChanged(ctx);
    // The operators' chat answers support requests; its members are not users of the bot.
    if (this.isOperatorChat(ctx)) return next();
    const user = await read();
    if (user) {
      ctx.state.user = user;
      // Telegram's language_code decides, unless the user chose a language in /preferences.
      if (user.preferences.languageChosen) ctx.state.lang = this.i18n.resolveLanguage(user.preferences.language);
      else if (user.status === 'active' && user.preferences.language !== ctx.state.lang) {
        // Messages sent outside an update (a finished reading) follow Telegram's language too.
        await this.users.updatePreferences(user.id, user.telegramId, { language: ctx.state.lang });
      }
    }
    if (isPaymentUpdate(ctx)) return next();
    const refusal = await this.refusal(ctx, user);
    if (refusal) {
      ctx.state.outcome = 'refused';
      return this.refuse(ctx, refusal);
    }
    if (user && user.status === 'active') this.activity.touch(user.id);
    await next();
  }

  /**
   * The per-minute message limit, counted before the update waits for the user's lock (a flood
   * is refused at once, not queued): false when the update was answered as rate-limited. The
   * snapshot read here only decides this; the handler gets a fresh one under the lock (the same
   * one when the lock came with the claim that read it).
   */
  private async admitted(ctx: BotContext, read: () => Promise<UserSnapshot | null>): Promise<boolean> {
    if (ctx.myChatMember || isPaymentUpdate(ctx)) return true;
    const user = await read();
    if (user?.preferences.languageChosen) ctx.state.lang = this.i18n.resolveLanguage(user.preferences.language);
    if (!user || user.status !== 'active') return true;
    const verdict = await this.rateLimits.hit(user, 'message');
    if (verdict.allowed) return true;
    ctx.state.outcome = 'rate_limited';
    if (verdict.firstRefusal) await this.slowDown(ctx, () => this.rateLimitedText(ctx, verdict.retryAt!));
    else if (ctx.callbackQuery) await ctx.answerCbQuery();
    return false;
  }

  /**
   * Tells a user who sends faster than the bot answers to slow down: once a minute at most
   * (whether the limit or the queue refused them). The notice waits for the chat's pacing (it is
   * the only one of the minute) but the update does not wait for it: the webhook answers now.
   */
  private async slowDown(ctx: BotContext, text: () => string): Promise<void> {
    const failed = (error: unknown) => this.logger.warn(`Could not tell user ${ctx.from!.id} to slow down: ${(error as Error).message}`);
    try {
      if (await this.gate.firstNotice(String(ctx.from!.id))) void this.refuse(ctx, text()).catch(failed);
      else if (ctx.callbackQuery) await ctx.answerCbQuery();
    } catch (error) {
      failed(error);
    }
  }

  /** The user blocked the bot (stop writing to them) or came back. */
  private async memberChanged(ctx: BotContext): Promise<void> {
    const chatId = String(ctx.myChatMember!.chat.id);
    const status = ctx.myChatMember!.new_chat_member.status;
    if (status === 'kicked' || status === 'left') await this.sender.markBlocked(chatId);
    else if (status === 'member') await this.sender.unblock(chatId);
  }

  /** The text to answer instead of handling, when the user's status forbids the update. */
  private async refusal(ctx: BotContext, user: UserSnapshot | null): Promise<string | undefined> {
    const open = OPEN_COMMANDS.has(commandOf(ctx) ?? '');
    if (!user) return open ? undefined : this.i18n.t(ctx.state.lang, 'guard.notRegistered');
    if (user.status === 'suspended' && !(await this.reachesSupport(ctx, user))) return this.i18n.t(ctx.state.lang, 'guard.suspended');
    if (user.status === 'deleted' && !open) return this.i18n.t(ctx.state.lang, 'guard.deleted');
    return undefined;
  }

  private isOperatorChat(ctx: BotContext): boolean {
    return this.operatorChatId !== undefined && String(ctx.chat?.id) === this.operatorChatId;
  }

  private async reachesSupport(ctx: BotContext, user: UserSnapshot): Promise<boolean> {
    const command = commandOf(ctx);
    if (command === SUPPORT_COMMAND) return true;
    const data = (ctx.callbackQuery as { data?: string } | undefined)?.data;
    if (data !== undefined) return SUPPORT_BUTTON.test(data);
    const text = ctx.message && 'text' in ctx.message;
    return Boolean(text) && command === undefined && (await this.sessions.findActive(user.id, SUPPORT_SESSION)) !== null;
  }

  private rateLimitedText(ctx: BotContext, retryAt: Date): string {
    return this.i18n.t(ctx.state.lang, 'guard.rateLimited', { time: retryAt.toISOString().slice(11, 16) });
  }

  private async refuse(ctx: BotContext, text: string): Promise<void> {
    if (ctx.callbackQuery) await ctx.answerCbQuery(text.slice(0, 200), { show_alert: true });
    else if (ctx.message) await ctx.reply(text, { parse_mode: 'HTML' });
  }
}
