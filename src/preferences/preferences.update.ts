import { Action, Command, Ctx, Update } from 'nestjs-telegraf';
import { Markup } from 'telegraf';
import { I18nService, Language, LANGUAGES } from 'src/common/i18n/i18n.service';
import { MessageKey } from 'src/common/i18n/messages.en';
import { DECKS, DeckStyle } from 'src/readings/deck/card';
import { BotContext } from 'src/bot/bot-context';
import { CommandMenu } from 'src/bot/command-menu';
import { callbackArgument, callbackData, callbackPattern } from 'src/bot/callback-data';
import { UsersService } from 'src/users/users.service';

/** /preferences (language, deck, reversed cards) and /decks. A new language applies from its confirmation on. */
@Update()
export class PreferencesUpdate {
  constructor(
    private readonly users: UsersService,
    private readonly i18n: I18nService,
    private readonly menus: CommandMenu,
  ) {}

  @Command('preferences')
  preferences(@Ctx() ctx: BotContext) {
    return this.showPreferences(ctx);
  }

  @Command('decks')
  async decks(@Ctx() ctx: BotContext): Promise<void> {
    const lang = ctx.state.lang;
    const deck = this.i18n.t(lang, `deck.${ctx.state.user!.preferences.deck ?? 'rws'}` as MessageKey);
    await ctx.reply(this.i18n.t(lang, 'decks.choose', { deck }), { parse_mode: 'HTML', ...this.deckKeyboard(ctx) });
  }

  @Action(callbackPattern('deck'))
  async chooseDeck(@Ctx() ctx: BotContext): Promise<void> {
    const deck = callbackArgument(ctx, 'deck');
    await ctx.answerCbQuery();
    if (!(DECKS as readonly string[]).includes(deck)) return;
    const user = ctx.state.user!;
    await this.users.updatePreferences(user.id, user.telegramId, { deck: deck as DeckStyle });
    const name = this.i18n.t(ctx.state.lang, `deck.${deck}` as MessageKey);
    await ctx.reply(this.i18n.t(ctx.state.lang, 'decks.chosen', { deck: name }), { parse_mode: 'HTML' });
  }

  @Action(callbackPattern('pref'))
  async change(@Ctx() ctx: BotContext): Promise<void> {
    const [setting, value] = callbackArgument(ctx, 'pref').split(':');
    const user = ctx.state.user!;
    if (setting === 'reversals') {
      await this.users.updatePreferences(user.id, user.telegramId, { reversals: value === 'on' });
      user.preferences = { ...user.preferences, reversals: value === 'on' };
    } else if (setting === 'language' && (LANGUAGES as readonly string[]).includes(value)) {
      await this.users.updatePreferences(user.id, user.telegramId, { language: value, languageChosen: true });
      user.preferences = { ...user.preferences, language: value, languageChosen: true };
      // Confirmed, and everything after, in the language just chosen; the "/" menu too.
      ctx.state.lang = value as Language;
      await this.menus.forChat(ctx.chat!.id, value as Language, this.i18n.resolveLanguage(ctx.from?.language_code));
    }
    await ctx.answerCbQuery(this.i18n.t(ctx.state.lang, 'preferences.saved'));
    await this.showPreferences(ctx);
  }

  private async showPreferences(ctx: BotContext): Promise<void> {
    const lang = ctx.state.lang;
    const prefs = ctx.state.user!.preferences;
    const reversals = prefs.reversals !== false;
    const text = this.i18n.t(lang, 'preferences.menu', {
      language: this.i18n.t(lang, `language.${this.i18n.resolveLanguage(prefs.language)}`),
      deck: this.i18n.t(lang, `deck.${prefs.deck ?? 'rws'}` as MessageKey),
      reversals: this.i18n.t(lang, reversals ? 'preferences.reversalsOn' : 'preferences.reversalsOff'),
    });
    const toggle = this.i18n.t(lang, 'preferences.toggleReversals', {
      state: this.i18n.t(lang, reversals ? 'preferences.reversalsOff' : 'preferences.reversalsOn'),
    });
    const languages = LANGUAGES.map((l) =>
      Markup.button.callback(this.i18n.t(lang, `language.${l}`), callbackData('pref', 'language', l)),
    );
    await ctx.reply(text, {
      parse_mode: 'HTML',
      ...Markup.inlineKeyboard([
        [Markup.button.callback(toggle, callbackData('pref', 'reversals', reversals ? 'off' : 'on'))],
        languages,
        ...this.deckKeyboard(ctx).reply_markup.inline_keyboard,
      ]),
    });
  }

  private deckKeyboard(ctx: BotContext) {
    return Markup.inlineKeyboard(
      DECKS.map((deck) => [Markup.button.callback(this.i18n.t(ctx.state.lang, `deck.${deck}` as MessageKey), callbackData('deck', deck))]),
    );
  }
}
