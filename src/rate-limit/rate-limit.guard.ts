import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TelegrafExecutionContext } from 'nestjs-telegraf';
import { I18nService } from 'src/common/i18n/i18n.service';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { BotContext } from 'src/bot/bot-context';
import { RateLimitService } from './rate-limit.service';
import { RateAction } from './rate-windows';

const RATE_ACTION = 'rate-limit:action';

/** Counts the handler's updates against the action's windows (`reading`, `payment`). */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimits: RateLimitService,
    private readonly i18n: I18nService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.get<RateAction | undefined>(RATE_ACTION, context.getHandler());
    const ctx = TelegrafExecutionContext.create(context).getContext<BotContext>();
    const user = ctx.state.user;
    if (!action || !user) return true;
    const verdict = await this.rateLimits.hit(user, action);
    if (verdict.allowed) return true;
    // Told every time, in the user's language; the refusal is not an error (the bot's error handler stays quiet).
    const text = this.i18n.t(ctx.state.lang, 'guard.rateLimited', { time: this.i18n.moment(ctx.state.lang, verdict.retryAt!) });
    if (ctx.callbackQuery) await ctx.answerCbQuery(text, { show_alert: true });
    else await ctx.reply(text);
    ctx.state.outcome = 'rate_limited';
    throw new DomainException(ErrorCode.RateLimited, `${action} limit reached until ${verdict.retryAt!.toISOString()}`);
  }
}

/** Declares a bot handler rate-limited under `action`, with the limits of the catalogue for the user's tier. */
export function RateLimited(action: Exclude<RateAction, 'message'>): MethodDecorator {
  return applyDecorators(SetMetadata(RATE_ACTION, action), UseGuards(RateLimitGuard));
}
