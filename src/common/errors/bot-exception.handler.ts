import { Logger } from '@nestjs/common';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { Context } from 'telegraf';
import { I18nService, Language } from 'src/common/i18n/i18n.service';

/** What the handler reads of a bot update's context (the bot's BotContext is one). */
export type FailedUpdateContext = Context & { state?: { lang?: Language } };

/**
 * Answers the user when a handler fails: a friendly, translated message, and the error logged
 * once with its stack (never the message text the user sent).
 */
export class BotExceptionHandler {
  private readonly logger = new Logger('Bot');

  constructor(private readonly i18n: I18nService) {}

  async handle(error: unknown, ctx: FailedUpdateContext): Promise<void> {
    const updateId = ctx.update?.update_id;
    // A rate limit was answered already, with when to try again: nothing went wrong.
    if (error instanceof DomainException && error.code === ErrorCode.RateLimited) {
      this.logger.debug(`update ${updateId}: ${error.message}`);
      return;
    }
    if (error instanceof DomainException) {
      this.logger.warn(`update ${updateId}: ${error.code} ${error.message}`);
    } else {
      this.logger.error(`update ${updateId} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    const text = this.i18n.t(ctx.state?.lang, 'error.generic');
    try {
      // In the chat, also for a button: its press may have been answered before the failure.
      if (ctx.chat) await ctx.reply(text);
      if (ctx.callbackQuery) await ctx.answerCbQuery();
    } catch (replyError) {
      this.logger.warn(`Could not tell the user about the failure: ${(replyError as Error).message}`);
    }
  }
}
