import { Global, Module } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { LocalTelegram } from 'src/telegram/local-telegram';
import { LocalBotApi } from './local-bot-api';

/**
 * Local mode's one wiring point: starts the Bot API stand-in when there is no TELEGRAM_BOT_TOKEN
 * and hands it to the gateway as its LocalTelegram (and to the web chat as LocalBotApi).
 */
@Global()
@Module({
  providers: [
    { provide: LocalBotApi, inject: [AppConfig], useFactory: LocalBotApi.start },
    { provide: LocalTelegram, useExisting: LocalBotApi },
  ],
  exports: [LocalBotApi, LocalTelegram],
})
export class LocalBotApiModule {}
