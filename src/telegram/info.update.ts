import { Command, Ctx, Update } from 'nestjs-telegraf';
import { I18nService } from 'src/common/i18n/i18n.service';
import { MessageKey } from 'src/common/i18n/messages.en';
import { BotContext } from 'src/bot/bot-context';

/** Commands that answer with a text from the catalogue and nothing else. */
@Update()
export class InfoUpdate {
  constructor(private readonly i18n: I18nService) {}

  @Command('help')
  help(@Ctx() ctx: BotContext) {
    return this.send(ctx, 'help.text');
  }

  @Command('terms')
  terms(@Ctx() ctx: BotContext) {
    return this.send(ctx, 'terms.text');
  }

  @Command('privacy')
  privacy(@Ctx() ctx: BotContext) {
    return this.send(ctx, 'privacy.text');
  }

  private async send(ctx: BotContext, key: MessageKey): Promise<void> {
    await ctx.reply(this.i18n.t(ctx.state.lang, key), { parse_mode: 'HTML' });
  }
}
