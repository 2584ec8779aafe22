import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { MiddlewareFn } from 'telegraf';
import { Update } from 'telegraf/types';
import { I18nService } from 'src/common/i18n/i18n.service';
import { RateLimitService } from 'src/rate-limit/rate-limit.service';
import { ActivityTracker } from 'src/users/activity-tracker.service';
import { UserSnapshot } from 'src/users/user-snapshot';
import { UsersService } from 'src/users/users.service';
import { setTimeout as sleep } from 'node:timers/promises';
import { MetricsService } from 'src/metrics/metrics.service';
import { BotContext } from './bot-context';
import { TelegramSender } from './outgoing/telegram-sender';
import { UpdateGate } from './update-gate.service';

/** How long shutdown waits for running handlers and readings before closing the database. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** The commands a user who is not (or no longer) registered may still send. */
const OPEN_COMMANDS = new Set(['/start']);

/** Money updates are never refused or rate-limited: Telegram has taken (or returned) the Stars. */
function isPaymentUpdate(ctx: BotContext): boolean {
  const message = ctx.message as Record<string, unknown> | undefined;
  return 'pre_checkout_query' in ctx.update || Boolean(message?.successful_payment || message?.refunded_payment);
}

function commandOf(ctx: BotContext): string | undefined {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
  return text?.startsWith('/') ? text.split(/[\s@]/)[0].toLowerCase() : undefined;
}

/**
 * What every update goes through before a handler: private chats only, redelivery handled
 * once, one update per user at a time, the user loaded (from the cache), the status guard,
 * the per-minute message limit, and activity noted.
 */
@Injectable()
export class UpdatePipeline implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Updates');
  private readonly failures = new Set<number>();
  private inFlight = 0;
  /** Set at shutdown: the webhook then answers 503 so Telegram keeps the updates. */
  closed = false;

  constructor(
    private readonly gate: UpdateGate,
    private readonly users: UsersService,
    private readonly rateLimits: RateLimitService,
    private readonly activity: ActivityTracker,
    private readonly i18n: I18nService,
    private readonly sender: TelegramSender,
    private readonly metrics: MetricsService,
  ) {}

  /** Stop taking updates, then let the ones being handled finish (within the deadline). */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    const deadline = Date.now() + SHUTDOWN_GRACE_MS;
    while (this.inFlight > 0 && Date.now() < deadline) await sleep(20);
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
    if (ctx.chat && ctx.chat.type !== 'private') {
      if (ctx.message) await ctx.reply(this.i18n.t(ctx.state.lang, 'guard.privateOnly'));
      return;
    }
    if (!from) return;
    if (!(await this.gate.claim(update.update_id))) {
      this.record(update.update_id, type, from.id, 'duplicate', 0);
      return;
    }
    const started = Date.now();
    this.inFlight++;
    try {
      await this.gate.withUserLock(String(from.id), () => this.guarded(ctx, next));
      await this.gate.done(update.update_id);
      this.record(update.update_id, type, from.id, ctx.state.outcome ?? 'ok', Date.now() - started);
    } catch (error) {
      await this.gate.release(update.update_id);
      this.failures.add(update.update_id);
      this.record(update.update_id, type, from.id, 'failed', Date.now() - started);
      throw error;
    } finally {
      this.inFlight--;
    }
  }

  /** One log line and the metrics for every update; never the text the user sent. */
  private record(updateId: number, type: string, userId: number, outcome: string, ms: number): void {
    this.metrics.updates.inc({ type, outcome });
    if (outcome !== 'duplicate') this.metrics.updateDuration.observe({ type }, ms / 1000);
    this.logger.log({ update_id: updateId, type, user: userId, outcome, ms });
  }

  /** True (once) if the update failed before a handler could answer it. */
  takeFailure(updateId: number): boolean {
    return this.failures.delete(updateId);
  }

  private async guarded(ctx: BotContext, next: () => Promise<void>): Promise<void> {
    if (ctx.myChatMember) return this.memberChanged(ctx);
    const user = await this.users.snapshotByTelegramId(String(ctx.from!.id));
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
    const refusal = this.refusal(ctx, user);
    if (refusal) {
      ctx.state.outcome = 'refused';
      return this.refuse(ctx, refusal);
    }
    if (user && user.status === 'active') {
      const verdict = await this.rateLimits.hit(user, 'message');
      if (!verdict.allowed) {
        ctx.state.outcome = 'rate_limited';
        if (verdict.firstRefusal) await this.refuse(ctx, this.rateLimitedText(ctx, verdict.retryAt!));
        else if (ctx.callbackQuery) await ctx.answerCbQuery();
        return;
      }
      this.activity.touch(user.id);
    }
    await next();
  }

  /** The user blocked the bot (stop writing to them) or came back. */
  private async memberChanged(ctx: BotContext): Promise<void> {
    const chatId = String(ctx.myChatMember!.chat.id);
    const status = ctx.myChatMember!.new_chat_member.status;
    if (status === 'kicked' || status === 'left') await this.sender.markBlocked(chatId);
    else if (status === 'member') await this.sender.unblock(chatId);
  }

  /** The text to answer instead of handling, when the user's status forbids the update. */
  private refusal(ctx: BotContext, user: UserSnapshot | null): string | undefined {
    const open = OPEN_COMMANDS.has(commandOf(ctx) ?? '');
    if (!user) return open ? undefined : this.i18n.t(ctx.state.lang, 'guard.notRegistered');
    if (user.status === 'suspended') return this.i18n.t(ctx.state.lang, 'guard.suspended');
    if (user.status === 'deleted' && !open) return this.i18n.t(ctx.state.lang, 'guard.deleted');
    return undefined;
  }

  private rateLimitedText(ctx: BotContext, retryAt: Date): string {
    return this.i18n.t(ctx.state.lang, 'guard.rateLimited', { time: retryAt.toISOString().slice(11, 16) });
  }

  private async refuse(ctx: BotContext, text: string): Promise<void> {
    if (ctx.callbackQuery) await ctx.answerCbQuery(text.slice(0, 200), { show_alert: true });
    else if (ctx.message) await ctx.reply(text, { parse_mode: 'HTML' });
  }
}
