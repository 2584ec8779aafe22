import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from 'src/config/app-config';
import { keepPrivate } from 'src/config/private-files';
import { LocalTelegram } from 'src/telegram/local-telegram';
import { DEFAULT_BOT_API_SPEC } from './bot-api-spec';
import { BotApiStandIn } from './bot-api-stand-in';

/** The token the bot presents to the built-in stand-in in local mode. */
export const LOCAL_BOT_TOKEN = '100000001:local-mode-token-for-the-stand-in';
/** Recent Bot API calls the local stand-in keeps for GET /_standin/calls (they carry the pictures sent). */
const RECORDED_CALLS = 200;

/**
 * In local mode (no TELEGRAM_BOT_TOKEN) the bot talks to the built-in Bot API stand-in,
 * started here on LOCAL_BOT_API_PORT; people chat with the bot through its HTTP interface
 * (the web chat). The chats are kept under DATA_DIR/stand-in, so they outlive a restart.
 */
export class LocalBotApi implements LocalTelegram, OnApplicationShutdown {
  readonly token = LOCAL_BOT_TOKEN;

  private constructor(
    readonly standIn: BotApiStandIn | undefined,
    readonly apiRoot: string | undefined,
  ) {}

  static async start(config: AppConfig): Promise<LocalBotApi> {
    if (!config.localMode) return new LocalBotApi(undefined, undefined);
    keepPrivate(config.database.dataDir);
    const logger = new Logger('LocalBotApi');
    const standIn = new BotApiStandIn(config.telegram.specPath ?? DEFAULT_BOT_API_SPEC, {
      logger: (line) => logger.log(line),
      stateDir: join(config.database.dataDir, 'stand-in'),
      maxRecordedCalls: RECORDED_CALLS,
    });
    const apiRoot = await standIn.start(config.telegram.localApiPort, '127.0.0.1');
    logger.debug(`Local mode: no TELEGRAM_BOT_TOKEN, so the bot talks to the built-in Bot API stand-in at ${apiRoot}`);
    logger.debug(`Chat with the bot: POST ${apiRoot}/_standin/users/1/messages {"text":"/start"}; read: GET ${apiRoot}/_standin/users/1/messages`);
    return new LocalBotApi(standIn, apiRoot);
  }

  /** Local mode: the stand-in (and so the web chat) forgets the chat with this user. */
  eraseChat(chatId: string): void {
    this.standIn?.eraseChat(Number(chatId));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.standIn?.stop();
  }
}
