import { Action, Command, Ctx, Start, Update } from 'nestjs-telegraf';
import { Markup } from 'telegraf';
import { CatalogService } from 'src/catalog/catalog.service';
import { I18nService } from 'src/common/i18n/i18n.service';
import { MessageKey } from 'src/common/i18n/messages.en';
import { SubscriptionRenewals } from 'src/payments/subscription-renewals';
import { BotContext } from 'src/bot/bot-context';
import { callbackData, callbackPattern } from 'src/bot/callback-data';
import { AccountsService } from './accounts.service';

@Update()
export class AccountsUpdate {
  constructor(
    private readonly accounts: AccountsService,
    private readonly catalog: CatalogService,
    private readonly renewals: SubscriptionRenewals,
    private readonly i18n: I18nService,
  ) {}

  @Start()
  async start(@Ctx() ctx: BotContext): Promise<void> {
    const from = ctx.from!;
    const language = this.i18n.resolveLanguage(from.language_code);
    const { user, outcome } = await this.accounts.start(String(from.id), { language });
    if (user.preferences.languageChosen) ctx.state.lang = this.i18n.resolveLanguage(user.preferences.language);
    const name = from.first_name || this.i18n.t(ctx.state.lang, 'start.anonymous');
    const key = outcome === 'new' ? 'start.new' : 'start.returning';
    await ctx.reply(this.i18n.t(ctx.state.lang, key, { name, count: user.credits }), { parse_mode: 'HTML' });
  }

  @Command('balance')
  async balance(@Ctx() ctx: BotContext): Promise<void> {
    const user = ctx.state.user!;
    const lines = [this.i18n.t(ctx.state.lang, 'balance.credits', { count: user.credits })];
    const tier = this.catalog.tier(user.subscriptionTier);
    if (tier && user.subscriptionExpiresAt && new Date(user.subscriptionExpiresAt) > new Date()) {
      const date = new Intl.DateTimeFormat(ctx.state.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(user.subscriptionExpiresAt),
      );
      const canceled = await this.renewals.renewalCanceled(user.id);
      const name = this.i18n.t(ctx.state.lang, `tier.${tier.key}` as MessageKey);
      lines.push(this.i18n.t(ctx.state.lang, canceled ? 'balance.subscriptionEnds' : 'balance.subscriptionRenews', { tier: name, date }));
    }
    lines.push(this.i18n.t(ctx.state.lang, 'balance.howToBuy'));
    await ctx.reply(lines.join('\n'), { parse_mode: 'HTML' });
  }

  @Command('deleteme')
  async askToDelete(@Ctx() ctx: BotContext): Promise<void> {
    const t = (key: Parameters<I18nService['t']>[1]) => this.i18n.t(ctx.state.lang, key);
    await ctx.reply(
      t('deleteme.confirm'),
      Markup.inlineKeyboard([
        Markup.button.callback(t('deleteme.yes'), callbackData('deleteme', 'yes')),
        Markup.button.callback(t('deleteme.no'), callbackData('deleteme', 'no')),
      ]),
    );
  }

  @Action(callbackPattern('deleteme'))
  async confirmDelete(@Ctx() ctx: BotContext): Promise<void> {
    const confirmed = (ctx.callbackQuery as { data?: string }).data?.endsWith(':yes') ?? false;
    await ctx.answerCbQuery();
    if (!confirmed) {
      await ctx.editMessageText(this.i18n.t(ctx.state.lang, 'deleteme.kept'));
      return;
    }
    await ctx.editMessageReplyMarkup(undefined);
    await this.accounts.deleteAccount(ctx.state.user!);
    // A new message: in local mode the deletion erased the chat, the prompt with it.
    await ctx.reply(this.i18n.t(ctx.state.lang, 'deleteme.done'));
  }
}
