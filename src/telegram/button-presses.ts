import { Inject, Injectable, Logger } from '@nestjs/common';
import { MiddlewareFn } from 'telegraf';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { BotContext } from 'src/bot/bot-context';
import type { PressCheck } from './update-gate.service';

/** Presses of the same button on the same message closer together than this are one press. */
export const REPEAT_PRESS_MS = 3_000;

/**
 * A second tap on a button (the same data on the same message, by the same user) within a few
 * seconds is answered and otherwise ignored, so that a double tap never sends anything twice.
 * The same press delivered again (its callback query id) is not a second tap: it goes through.
 * Shared through Redis across instances; in process memory without it.
 */
@Injectable()
export class ButtonPresses {
  private readonly logger = new Logger(ButtonPresses.name);
  private readonly recent = new Map<string, { pressId: string; at: number }>();

  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient | null) {}

  /** The press an update carries, for the update gate to check with its claim; undefined for anything else. */
  pressOf(ctx: BotContext): PressCheck | undefined {
    const query = ctx.callbackQuery as { id: string; data?: string; message?: { message_id: number } } | undefined;
    if (!query?.data || !query.message || !ctx.from) return undefined;
    return { key: `press:${ctx.from.id}:${query.message.message_id}:${query.data}`, id: query.id, windowMs: REPEAT_PRESS_MS };
  }

  /** Checks the press itself unless the update gate did with its claim (`ctx.state.firstPress`). */
  middleware(): MiddlewareFn<BotContext> {
    return async (ctx, next) => {
      const press = this.pressOf(ctx);
      if (!press) return next();
      if (!(ctx.state.firstPress ?? (await this.first(press.key, press.id)))) {
        await ctx.answerCbQuery();
        return;
      }
      try {
        await next();
      } catch (error) {
        // A press that failed may be tried again at once.
        await this.forget(press.key);
        throw error;
      }
    };
  }

  private async forget(key: string): Promise<void> {
    this.recent.delete(key);
    await this.redis?.del(key).catch(() => undefined);
  }

  private async first(key: string, pressId: string): Promise<boolean> {
    if (this.redis) {
      try {
        if ((await this.redis.set(key, pressId, { NX: true, PX: REPEAT_PRESS_MS })) === 'OK') return true;
        return (await this.redis.get(key)) === pressId;
      } catch (error) {
        this.logger.debug(`Press check in memory (${(error as Error).message})`);
      }
    }
    const now = Date.now();
    if (this.recent.size > 10_000) for (const [k, { at }] of this.recent) if (now - at > REPEAT_PRESS_MS) this.recent.delete(k);
    const last = this.recent.get(key);
    if (last && now - last.at <= REPEAT_PRESS_MS) return last.pressId === pressId;
    this.recent.set(key, { pressId, at: now });
    return true;
  }
}
