import { Action, Command, Ctx, Next, On, Update } from 'nestjs-telegraf';
import { DomainException } from 'src/common/errors/domain.exception';
import { I18nService } from 'src/common/i18n/i18n.service';
import { MessageKey } from 'src/common/i18n/messages.en';
import { LedgerService } from 'src/payments/ledger.service';
import { BotContext } from 'src/bot/bot-context';
import { callbackPattern } from 'src/bot/callback-data';
import { SupportService } from './support.service';

function textOf(ctx: BotContext): string | undefined {
  return ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
}

/** /paysupport, the receipt's support button, the user's messages to support and the operators' replies. */
@Update()
export class SupportUpdate {
  constructor(
    private readonly support: SupportService,
    private readonly ledger: LedgerService,
    private readonly i18n: I18nService,
  ) {}

  @Command('paysupport')
  paySupport(@Ctx() ctx: BotContext): Promise<void> {
    return this.open(ctx);
  }

  @Action(callbackPattern('support'))
  async fromButton(@Ctx() ctx: BotContext): Promise<void> {
    await ctx.answerCbQuery();
    await this.open(ctx);
  }

  /** Free text in a support conversation, or an operator's reply in the operators' chat; anything else falls through. */
  @On('text')
  async text(@Ctx() ctx: BotContext, @Next() next: () => Promise<void>): Promise<void> {
    const text = textOf(ctx);
    if (this.support.operatorChatId && String(ctx.chat?.id) === this.support.operatorChatId) return this.operatorReply(ctx, text);
    const user = ctx.state.user;
    if (!text || text.startsWith('/') || !user || user.status === 'deleted') return next();
    const received = await this.support.receive(user, text);
    if (!received) return next();
    const key = received.first ? 'support.received' : 'support.added';
    await ctx.reply(this.i18n.t(ctx.state.lang, key, { id: received.requestId }), { parse_mode: 'HTML' });
  }

  private async open(ctx: BotContext): Promise<void> {
    const lang = ctx.state.lang;
    const user = ctx.state.user!;
    const { request, stopped } = await this.support.open(user, lang);
    const payments = await this.ledger.recentPayments(user.id, 5);
    const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    const lines = payments.map((p) =>
      this.i18n.t(lang, 'paysupport.payment', {
        date: date.format(p.createdAt),
        stars: Number(p.metadata?.stars ?? 0),
        credits: p.amount,
        status: this.i18n.t(lang, `paystatus.${p.status}` as MessageKey),
      }),
    );
    const recent = payments.length ? `${this.i18n.t(lang, 'paysupport.recent')}\n${lines.join('\n')}` : this.i18n.t(lang, 'paysupport.none');
    const intro = request.data.state === 'open' ? this.i18n.t(lang, 'support.continued', { id: request.id }) : this.i18n.t(lang, 'paysupport.text');
    const prefix = stopped ? `${this.i18n.t(lang, 'support.readingStopped')}\n\n` : '';
    await ctx.reply(prefix + intro + recent, { parse_mode: 'HTML' });
  }

  /** Only a reply to a forwarded request is an answer; the operators' own talk is left alone. */
  private async operatorReply(ctx: BotContext, text: string | undefined): Promise<void> {
    const message = ctx.message as { reply_to_message?: { message_id: number } } | undefined;
    const repliedTo = message?.reply_to_message?.message_id;
    if (!text || repliedTo === undefined || text.startsWith('/')) return;
    const from = ctx.from!;
    const operator = from.username ? `@${from.username}` : `${from.first_name} (${from.id})`;
    try {
      const request = await this.support.answerFromChat(repliedTo, text, operator);
      const key = request ? 'support.operator.delivered' : 'support.operator.notARequest';
      await ctx.reply(this.i18n.t('en', key, { id: request?.id ?? 0 }), { reply_parameters: { message_id: message!.reply_to_message!.message_id } });
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      await ctx.reply(this.i18n.t('en', 'support.operator.unreachable', { reason: (error as Error).message }));
    }
  }
}
