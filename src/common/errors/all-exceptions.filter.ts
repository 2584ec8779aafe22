import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import { TelegrafArgumentsHost } from 'nestjs-telegraf';
import { Response } from 'express';
import { I18nService } from 'src/common/i18n/i18n.service';
import { DomainException } from './domain.exception';
import { BotExceptionHandler, FailedUpdateContext } from './bot-exception.handler';
import { HttpExceptionHandler } from './http-exception.handler';

/** The one global filter: REST errors become coded JSON answers, the domain's bot errors a friendly reply. */
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
      // Anything unexpected goes back to the update pipeline, which decides between Telegram's
      // redelivery and an apology; an expected refusal of the domain is answered here.
      if (!(error instanceof DomainException)) throw error;
      const ctx = TelegrafArgumentsHost.create(host).getContext<FailedUpdateContext>();
      await this.bot.handle(error, ctx);
      return;
    }
    this.http.handle(error, host.switchToHttp().getResponse<Response>());
  }
}
