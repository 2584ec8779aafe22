import { Module } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { StandInProxy } from './stand-in-proxy';
import { WebChatAssets } from './web-chat-assets';
import { WebChatController } from './web-chat.controller';

/** The browser chat with the bot in local mode (no bot token). With a token it serves nothing (404), so importing it always is safe. */
@Module({
  controllers: [WebChatController],
  providers: [
    { provide: WebChatAssets, inject: [AppConfig], useFactory: (config: AppConfig) => new WebChatAssets(config.localMode) },
    { provide: StandInProxy, useFactory: () => new StandInProxy() },
  ],
})
export class WebChatModule {}
