import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import { TelegrafArgumentsHost } from 'nestjs-telegraf';
import { Response } from 'express';
import { I18nService } from 'src/common/i18n/i18n.service';
import { BotContext } from 'src/telegram/bot-context';
import { BotExceptionHandler } from './bot-exception.handler';
import { HttpExceptionHandler } from './http-exception.handler';

/** The one global filter: REST errors become coded JSON answers, bot errors a friendly reply. */
@Catch()
@Injectable()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly http = new HttpExceptionHandler();
  private readonly bot: BotExceptionHandler;

  constructor(i18n: I18nService) {
    this.bot = new BotExceptionHandler(i18n);
  }

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    if (host.getType<string>() === 'telegraf') {
      const ctx = TelegrafArgumentsHost.create(host).getContext<BotContext>();
      await this.bot.handle(error, ctx);
      return;
    }
    this.http.handle(error, host.switchToHttp().getResponse<Response>());
  }
}
