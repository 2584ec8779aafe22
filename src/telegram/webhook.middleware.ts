import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { InjectBot } from 'nestjs-telegraf';
import { timingSafeEqual } from 'node:crypto';
import { Telegraf } from 'telegraf';
import { Update } from 'telegraf/types';
import { AppConfig } from 'src/config/app-config';
import { BotContext } from 'src/bot/bot-context';
import { paymentKind, UpdatePipeline } from './update-pipeline';
import { updateShapeProblem } from './update-shape';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

function sameSecret(presented: unknown, expected: Buffer): boolean {
  if (typeof presented !== 'string') return false;
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function hasUpdateId(body: unknown): boolean {
  const id = (body as { update_id?: unknown } | null)?.update_id;
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Number.isSafeInteger(id) && (id as number) >= 0;
}

/**
 * Telegram's webhook: the secret header checked in constant time; the body handed to Telegraf
 * untouched once the fields the bot reads are checked (Telegram adds fields every release; an
 * update that breaks them is dropped with an error log); and an answer once the update is
 * handled: 200 when it was (or was before), 500 when it failed and 503 while another delivery of
 * it is still being handled, so that Telegram delivers it again.
 */
@Injectable()
export class WebhookMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Webhook');
  private readonly secret: Buffer;

  constructor(
    @InjectBot() private readonly bot: Telegraf<BotContext>,
    private readonly pipeline: UpdatePipeline,
    config: AppConfig,
  ) {
    this.secret = Buffer.from(config.telegram.webhookSecret ?? '');
  }

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    if (request.method !== 'POST') return next();
    if (!sameSecret(request.headers[SECRET_HEADER], this.secret)) {
      response.status(401).json({ ok: false, description: 'Unauthorized' });
      return;
    }
    if (this.pipeline.closed) {
      response.status(503).json({ ok: false, description: 'Shutting down' });
      return;
    }
    const problem = updateShapeProblem(request.body);
    if (problem && !hasUpdateId(request.body)) {
      response.status(400).json({ ok: false, description: `Not a Telegram update: ${problem}` });
      return;
    }
    if (problem) {
      // An update (it has an id) that the bot cannot read: dropped, loudly, rather than answered
      // with an error that Telegram would retry for hours while the updates behind it wait. A
      // payment is parked for an operator instead: Telegram may have moved Stars for it.
      if (paymentKind(request.body)) this.pipeline.park(request.body as Update, 'malformed', problem);
      else this.logger.error(`Dropped update ${(request.body as Update).update_id}: ${problem}`);
      response.status(200).json({ ok: false, description: `Ignored: ${problem}` });
      return;
    }
    const update = request.body as Update;
    await this.bot.handleUpdate(update);
    const unfinished = this.pipeline.takeUnfinished(update.update_id);
    if (unfinished === 'failed') response.status(500).json({ ok: false, description: 'Update failed; deliver it again' });
    else if (unfinished === 'in_progress') response.status(503).json({ ok: false, description: 'Update is being handled; deliver it again later' });
    else response.status(200).json({ ok: true });
  }
}
