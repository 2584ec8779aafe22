import { MiddlewareFn } from 'telegraf';
import { I18nService } from 'src/common/i18n/i18n.service';
import { BotContext } from 'src/bot/bot-context';

/**
 * The last middleware: reached only when no handler took the update. An unknown command or
 * stray text gets a pointer to /help; a press on an old or unknown button gets a polite answer.
 */
export function fallback(i18n: I18nService): MiddlewareFn<BotContext> {
  return async (ctx) => {
    if (ctx.callbackQuery) {
      await ctx.answerCbQuery(i18n.t(ctx.state.lang, 'error.staleButton'));
      return;
    }
    if (ctx.message && 'text' in ctx.message) {
      const key = ctx.message.text.startsWith('/') ? 'error.unknownCommand' : 'error.unexpectedText';
      await ctx.reply(i18n.t(ctx.state.lang, key));
    }
  };
}
