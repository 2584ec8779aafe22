import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TelegrafModule } from 'nestjs-telegraf';
import { AppConfig } from 'src/config/app-config';
import { RateLimitModule } from 'src/rate-limit/rate-limit.module';
import { SessionsModule } from 'src/sessions/sessions.module';
import { UsersModule } from 'src/users/users.module';
import { BotLauncher } from './bot-launcher';
import { ButtonPresses } from './button-presses';
import { InfoUpdate } from './info.update';
import { LocalTelegram } from './local-telegram';
import { SenderInstaller } from './outgoing/sender-installer';
import { TelegramSender } from './outgoing/telegram-sender';
import { UpdateGateService } from './update-gate.service';
import { UpdatePipeline } from './update-pipeline';
import { WebhookMiddleware } from './webhook.middleware';

@Module({
  imports: [UsersModule, RateLimitModule, SessionsModule],
  providers: [UpdateGateService, UpdatePipeline, ButtonPresses, TelegramSender],
  exports: [UpdateGateService, UpdatePipeline, ButtonPresses, TelegramSender],
})
class BotPipelineModule {}

/** The bot gateway: Telegraf wired through nestjs-telegraf, launched by us after migrations. */
@Module({
  imports: [
    BotPipelineModule,
    TelegrafModule.forRootAsync({
      imports: [BotPipelineModule],
      inject: [AppConfig, LocalTelegram, UpdatePipeline, ButtonPresses],
      useFactory: (config: AppConfig, local: LocalTelegram, pipeline: UpdatePipeline, presses: ButtonPresses) => ({
        token: config.telegram.token ?? local.token,
        launchOptions: false,
        options: {
          telegram: { apiRoot: local.apiRoot ?? config.telegram.apiRoot ?? 'https://api.telegram.org', webhookReply: false },
        },
        middlewares: [pipeline.middleware(), presses.middleware()],
      }),
    }),
  ],
  providers: [BotLauncher, WebhookMiddleware, InfoUpdate, SenderInstaller],
})
export class TelegramModule implements NestModule {
  constructor(private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    if (this.config.telegram.mode !== 'webhook') return;
    consumer.apply(WebhookMiddleware).forRoutes({ path: this.config.telegram.webhookPath, method: RequestMethod.POST });
  }
}
