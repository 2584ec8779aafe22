import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf } from 'telegraf';
import { AppConfig } from 'src/config/app-config';
import { BotContext } from 'src/bot/bot-context';

const CACHE_MS = 60_000;

/** Telegram reachable (a cached getMe) and, in webhook mode, the webhook's backlog and last error. */
@Injectable()
export class TelegramHealthIndicator {
  private cached?: { at: number; result: Record<string, unknown> };

  constructor(
    @InjectBot() private readonly bot: Telegraf<BotContext>,
    private readonly config: AppConfig,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key = 'telegram'): Promise<HealthIndicatorResult> {
    const check = this.indicator.check(key);
    try {
      if (!this.cached || Date.now() - this.cached.at > CACHE_MS) {
        const me = await this.bot.telegram.getMe();
        const details: Record<string, unknown> = { bot: me.username, mode: this.config.telegram.mode };
        if (this.config.localMode) details.api = 'local stand-in';
        if (this.config.telegram.mode === 'webhook') {
          const info = await this.bot.telegram.getWebhookInfo();
          details.pendingUpdates = info.pending_update_count;
          if (info.last_error_message) details.lastError = info.last_error_message;
        }
        this.cached = { at: Date.now(), result: details };
      }
      return check.up(this.cached.result);
    } catch (error) {
      this.cached = undefined;
      return check.down({ error: (error as Error).message });
    }
  }
}
