import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf } from 'telegraf';
import { BotContext } from '../bot-context';
import { TelegramSender } from './telegram-sender';

type CallApi = (method: string, payload: Record<string, unknown>, options?: unknown) => Promise<unknown>;

/** Routes every Bot API call of the bot (handlers' replies and the Notifier alike) through the sender. */
@Injectable()
export class SenderInstaller implements OnModuleInit {
  constructor(
    @InjectBot() private readonly bot: Telegraf<BotContext>,
    private readonly sender: TelegramSender,
  ) {}

  onModuleInit(): void {
    const telegram = this.bot.telegram as unknown as { callApi: CallApi };
    const original = telegram.callApi.bind(this.bot.telegram);
    telegram.callApi = (method, payload, options) =>
      this.sender.call(method, payload ?? {}, () => original(method, payload, options));
  }
}
