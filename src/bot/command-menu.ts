import { Injectable } from '@nestjs/common';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf } from 'telegraf';
import { DEFAULT_LANGUAGE, I18nService, Language, LANGUAGES } from 'src/common/i18n/i18n.service';
import { BotContext } from './bot-context';
import { BOT_COMMANDS } from './bot-commands';

/** The "/" command menu: one per language for everyone, and one per chat for a user who chose a language. */
@Injectable()
export class CommandMenu {
  constructor(
    @InjectBot() private readonly bot: Telegraf<BotContext>,
    private readonly i18n: I18nService,
  ) {}

  /** At start: the default menu (English) and one for each language Telegram users may have set. */
  async registerDefaults(): Promise<void> {
    for (const language of LANGUAGES) {
      await this.bot.telegram.setMyCommands(this.commands(language), language === DEFAULT_LANGUAGE ? {} : { language_code: language });
    }
  }

  /**
   * A user chose `chosen` in /preferences: their chat gets its own menu in that language, unless
   * it is the language Telegram already shows them (`telegramLanguage`), which the menus of
   * registerDefaults cover.
   */
  async forChat(chatId: number, chosen: Language, telegramLanguage: Language): Promise<void> {
    const scope = { type: 'chat' as const, chat_id: chatId };
    if (chosen === telegramLanguage) await this.bot.telegram.deleteMyCommands({ scope });
    else await this.bot.telegram.setMyCommands(this.commands(chosen), { scope });
  }

  private commands(language: Language) {
    return BOT_COMMANDS.map((c) => ({ command: c.command, description: this.i18n.t(language, c.description) }));
  }
}
