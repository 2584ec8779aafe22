import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf } from 'telegraf';
import { AppConfig } from 'src/config/app-config';
import { BotExceptionHandler } from 'src/common/errors/bot-exception.handler';
import { DEFAULT_LANGUAGE, I18nService, LANGUAGES } from 'src/common/i18n/i18n.service';
import { ALLOWED_UPDATES } from './allowed-updates';
import { BotContext } from './bot-context';
import { BOT_COMMANDS } from './bot-commands';
import { fallback } from './fallback';

/**
 * Starts the bot once the app (and its migrations) is up: the command menu, then polling or
 * the webhook registration. Stops polling first at shutdown.
 */
@Injectable()
export class BotLauncher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Bot');
  private polling = false;

  constructor(
    @InjectBot() private readonly bot: Telegraf<BotContext>,
    private readonly config: AppConfig,
    private readonly i18n: I18nService,
  ) {
    // nestjs-telegraf stops the bot at shutdown even when it never polled (webhook mode, or a
    // failed start), and Telegraf throws then; only a polling bot has anything to stop.
    const stop = bot.stop.bind(bot);
    bot.stop = (reason?: string) => {
      if (this.polling) stop(reason);
      this.polling = false;
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const errors = new BotExceptionHandler(this.i18n);
    this.bot.use(fallback(this.i18n));
    this.bot.catch((error, ctx) => errors.handle(error, ctx));
    this.bot.botInfo = await this.bot.telegram.getMe();
    await this.registerCommands();
    const { mode, webhookUrl, webhookSecret } = this.config.telegram;
    if (mode === 'webhook') {
      await this.bot.telegram.setWebhook(webhookUrl!, { secret_token: webhookSecret, allowed_updates: ALLOWED_UPDATES });
      this.logger.log(`Webhook registered at ${webhookUrl}; serving ${this.config.telegram.webhookPath}`);
      return;
    }
    this.polling = true;
    void this.bot
      .launch({ allowedUpdates: ALLOWED_UPDATES, dropPendingUpdates: false }, () =>
        this.logger.log(`Polling for updates as @${this.bot.botInfo?.username}`),
      )
      .catch((error: Error) => {
        this.polling = false;
        this.logger.error(`Polling stopped: ${error.message}`);
      });
  }

  /** Stops polling before the database and Redis close, so no update arrives half-way. */
  beforeApplicationShutdown(): void {
    this.bot.stop('shutdown');
  }

  private async registerCommands(): Promise<void> {
    for (const language of LANGUAGES) {
      const commands = BOT_COMMANDS.map((c) => ({ command: c.command, description: this.i18n.t(language, c.description) }));
      await this.bot.telegram.setMyCommands(commands, language === DEFAULT_LANGUAGE ? {} : { language_code: language });
    }
  }
}
