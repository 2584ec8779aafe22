import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectBot } from 'nestjs-telegraf';
import { setTimeout as sleep } from 'node:timers/promises';
import { Telegraf } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import { AppConfig } from 'src/config/app-config';
import { BotExceptionHandler } from 'src/common/errors/bot-exception.handler';
import { I18nService } from 'src/common/i18n/i18n.service';
import { ALLOWED_UPDATES } from './allowed-updates';
import { BotContext } from 'src/bot/bot-context';
import { CommandMenu } from 'src/bot/command-menu';
import { fallback } from './fallback';
import { TelegramSender } from './outgoing/telegram-sender';
import { describeTelegramFailure, isTransientTelegramFailure } from './telegram-failure';

/** getMe at start: tries, about 10 s in all, before the start fails. */
const IDENTITY_ATTEMPTS = 3;
const RETRY_FIRST_MS = 1_000;
/** The command menu and the webhook are tried again at most this far apart, for as long as the bot runs. */
const RETRY_MAX_MS = 300_000;
/** A stop that comes before the polling loop has started waits this long for it, looking this often. */
const LAUNCH_WAIT_MS = 10_000;
const LAUNCH_POLL_MS = 20;

/**
 * Starts the bot once the app (and its migrations) is up: the command menu, then polling or
 * the webhook registration. Stops polling first at shutdown.
 */
@Injectable()
export class BotLauncher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Bot');
  private polling = false;
  private stopping = false;
  private readonly retries = new Set<NodeJS.Timeout>();

  constructor(
    @InjectBot() private readonly bot: Telegraf<BotContext>,
    private readonly config: AppConfig,
    private readonly i18n: I18nService,
    private readonly sender: TelegramSender,
    private readonly menus: CommandMenu,
  ) {
    // nestjs-telegraf stops the bot at shutdown even when it never polled (webhook mode, or a
    // failed start), and Telegraf throws then; only a polling bot has anything to stop.
    const stop = bot.stop.bind(bot);
    bot.stop = (reason?: string) => {
      if (this.polling) this.stopPolling(() => stop(reason));
      this.polling = false;
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const errors = new BotExceptionHandler(this.i18n);
    this.bot.use(fallback(this.i18n));
    // An apology is dropped rather than queued behind a chat's pacing: the next one says the same.
    this.bot.catch((error, ctx) => this.sender.optional(() => errors.handle(error, ctx)));
    this.bot.botInfo = await this.whoAmI();
    const menu = this.keepTrying('the command menu', () => this.registerCommands());
    const { mode, webhookUrl, webhookSecret } = this.config.telegram;
    if (mode === 'webhook') {
      // The first attempts are waited for, so that a started bot normally has both; a failed
      // one goes on in the background.
      await Promise.all([
        menu,
        this.keepTrying(`the webhook at ${webhookUrl}`, async () => {
          await this.bot.telegram.setWebhook(webhookUrl!, { secret_token: webhookSecret, allowed_updates: ALLOWED_UPDATES });
          this.logger.log(`Webhook registered at ${webhookUrl}; serving ${this.config.telegram.webhookPath}`);
        }),
      ]);
      return;
    }
    await menu;
    this.polling = true;
    void this.bot
      .launch({ allowedUpdates: ALLOWED_UPDATES, dropPendingUpdates: false }, () =>
        this.logger.log(`Polling for updates as @${this.bot.botInfo?.username}`),
      )
      .catch((error: Error) => {
        this.polling = false;
        this.logger.error(`Polling stopped: ${describeTelegramFailure(error, 'getUpdates')}`);
      });
  }

  /** Stops polling and the start-up retries before the database and Redis close. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
    for (const timer of this.retries) clearTimeout(timer);
    this.bot.stop('shutdown');
  }

  /**
   * Stops the polling loop. Stopped in the moment between launch() and its loop (launch first
   * deletes any webhook), Telegraf says it is not running: the loop is stopped as soon as it has
   * started instead, within a few seconds, so that nothing polls after shutdown.
   */
  private stopPolling(stop: () => void): void {
    const tryStop = (): boolean => {
      try {
        stop();
        return true;
      } catch (error) {
        if (error instanceof Error && error.message === 'Bot is not running!') return false;
        throw error;
      }
    };
    if (tryStop()) return;
    let waited = 0;
    const timer = setInterval(() => {
      waited += LAUNCH_POLL_MS;
      if (tryStop() || waited >= LAUNCH_WAIT_MS) clearInterval(timer);
    }, LAUNCH_POLL_MS);
  }

  /**
   * The bot's own identity: without it nothing can be handled, so it is the one Bot API call the
   * start waits for. A refused token fails at once; Telegram down or unreachable is tried for
   * about ten seconds. Either way the cause is in the error.
   */
  private async whoAmI(): Promise<UserFromGetMe> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.bot.telegram.getMe();
      } catch (error) {
        const cause = describeTelegramFailure(error, 'getMe');
        if (!isTransientTelegramFailure(error) || attempt >= IDENTITY_ATTEMPTS) throw new Error(cause, { cause: error });
        this.logger.warn(`${cause}; trying again (${attempt}/${IDENTITY_ATTEMPTS})`);
        await sleep(RETRY_FIRST_MS * 2 ** attempt);
      }
    }
  }

  /**
   * Runs a start-up registration until it succeeds, backing off up to every few minutes, while
   * the bot goes on serving: a Telegram hiccup at start must not stop the bot. Resolves once
   * the first attempt has succeeded or failed.
   */
  private keepTrying(what: string, register: () => Promise<void>, attempt = 1): Promise<void> {
    return register().then(
      () => {
        if (attempt > 1) this.logger.log(`Set ${what} after ${attempt} attempts`);
      },
      (error: unknown) => {
        if (this.stopping) return;
        const wait = Math.min(RETRY_FIRST_MS * 2 ** attempt, RETRY_MAX_MS);
        this.logger.error(`Could not set ${what}: ${describeTelegramFailure(error)}; trying again in ${Math.round(wait / 1000)} s`);
        const timer = setTimeout(() => {
          this.retries.delete(timer);
          void this.keepTrying(what, register, attempt + 1);
        }, wait);
        timer.unref();
        this.retries.add(timer);
      },
    );
  }

  private registerCommands(): Promise<void> {
    return this.menus.registerDefaults();
  }
}
