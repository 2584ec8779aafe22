import { Command, Ctx, Update } from 'nestjs-telegraf';
import { I18nService } from 'src/common/i18n/i18n.service';
import { BotContext } from 'src/bot/bot-context';
import { SessionsService } from './sessions.service';

@Update()
export class SessionsUpdate {
  constructor(
    private readonly sessions: SessionsService,
    private readonly i18n: I18nService,
  ) {}

  /** /cancel ends the user's current conversation; nothing is charged for it. */
  @Command('cancel')
  async cancel(@Ctx() ctx: BotContext): Promise<void> {
    const user = ctx.state.user!;
    const cancelled = await this.sessions.cancelActive(user.id);
    await ctx.reply(this.i18n.t(ctx.state.lang, cancelled.length > 0 ? 'cancel.done' : 'cancel.nothing'));
  }
}
