import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf } from 'telegraf';
import { BotContext } from 'src/bot/bot-context';
import { TelegramSender } from './telegram-sender';

/** Routes the bot's own client (the NotifierService's, start-up calls) through the sender; the pipeline attaches each update's. */
@Injectable()
export class SenderInstaller implements OnModuleInit {
  constructor(
    @InjectBot() private readonly bot: Telegraf<BotContext>,
    private readonly sender: TelegramSender,
  ) {}

  onModuleInit(): void {
    this.sender.attach(this.bot.telegram);
  }
}
