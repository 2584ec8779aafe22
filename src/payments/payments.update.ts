import { Logger } from '@nestjs/common';
import { Action, Command, Ctx, Next, On, Update } from 'nestjs-telegraf';
import { Markup } from 'telegraf';
import { I18nService, Language } from 'src/common/i18n/i18n.service';
import { MessageKey } from 'src/common/i18n/messages.en';
import { RateLimited } from 'src/rate-limit/rate-limit.guard';
import { BotContext } from 'src/telegram/bot-context';
import { callbackData, callbackPattern } from 'src/telegram/callback-data';
import { UsersService } from 'src/users/users.service';
import { LedgerService } from './ledger.service';
import { PurchasesService } from './purchases.service';
import { RefundsService } from './refunds.service';
import { RefundedPayment, SuccessfulStarPayment } from './stars/stars-api.types';
import { SubscriptionsService } from './subscriptions.service';

function argument(ctx: BotContext, action: string): string {
  return callbackPattern(action).exec((ctx.callbackQuery as { data: string }).data)?.[1] ?? '';
}

/** /buy, /subscribe, /paysupport and Telegram's payment updates. */
@Update()
export class PaymentsUpdate {
  private readonly logger = new Logger('Payments');

  constructor(
    private readonly purchases: PurchasesService,
    private readonly subscriptions: SubscriptionsService,
    private readonly refunds: RefundsService,
    private readonly ledger: LedgerService,
    private readonly users: UsersService,
    private readonly i18n: I18nService,
  ) {}

  @Command('buy')
  buy(@Ctx() ctx: BotContext) {
    return this.showPackages(ctx);
  }

  @Action(callbackPattern('buy'))
  @RateLimited('payment')
  async buyFromButton(@Ctx() ctx: BotContext): Promise<void> {
    const packageKey = argument(ctx, 'buy');
    if (!packageKey) {
      await ctx.answerCbQuery();
      await this.showPackages(ctx);
      return;
    }
    await this.sendInvoice(ctx, packageKey);
  }

  @On('pre_checkout_query')
  async preCheckout(@Ctx() ctx: BotContext): Promise<void> {
    const query = ctx.preCheckoutQuery!;
    const payer = String(query.from.id);
    const lang = this.i18n.resolveLanguage(ctx.state.user?.preferences.language ?? query.from.language_code);
    const check = query.invoice_payload.startsWith('s1:')
      ? this.subscriptions.checkPreCheckout(payer, query.invoice_payload, query.total_amount)
      : this.purchases.checkPreCheckout(payer, query.invoice_payload, query.total_amount);
    const verdict = await check;
    if (verdict.ok) await ctx.answerPreCheckoutQuery(true);
    else await ctx.answerPreCheckoutQuery(false, this.i18n.t(lang, verdict.reason));
  }

  @On('successful_payment')
  async paid(@Ctx() ctx: BotContext): Promise<void> {
    const payment = (ctx.message as unknown as { successful_payment: SuccessfulStarPayment }).successful_payment;
    const user = await this.users.findByTelegramId(String(ctx.from!.id));
    if (!user) {
      this.logger.error(`A payment arrived from an unknown user (${payment.total_amount} XTR); reconciliation will report it`);
      return;
    }
    const lang = ctx.state.lang;
    if (payment.invoice_payload.startsWith('s1:')) {
      const outcome = await this.subscriptions.applyPayment(user, payment);
      if (outcome.kind !== 'granted') return;
      const key = payment.is_recurring && !payment.is_first_recurring ? 'subscribe.renewed' : 'subscribe.thanks';
      await ctx.reply(
        this.i18n.t(lang, key, {
          tier: this.tierName(lang, outcome.tier),
          credits: outcome.credits,
          date: this.date(lang, outcome.expiresAt),
          count: outcome.balance,
        }),
        { parse_mode: 'HTML' },
      );
      return;
    }
    const outcome = await this.purchases.applyPayment(user, payment);
    if (outcome.kind === 'granted') {
      await ctx.reply(this.i18n.t(lang, 'buy.thanks', { credits: outcome.credits, count: outcome.balance }), { parse_mode: 'HTML' });
    }
  }

  /** `refunded_payment` is newer than telegraf's typings: read it off any message. */
  @On('message')
  async refundedByTelegram(@Ctx() ctx: BotContext, @Next() next: () => Promise<void>): Promise<void> {
    const refunded = (ctx.message as unknown as { refunded_payment?: RefundedPayment }).refunded_payment;
    if (!refunded) return next();
    const result = await this.refunds.applyTelegramRefund(refunded);
    if (!result) return;
    await ctx.reply(
      this.i18n.t(ctx.state.lang, 'refund.done', { stars: refunded.total_amount, taken: result.taken, count: result.balance }),
      { parse_mode: 'HTML' },
    );
  }

  @Command('subscribe')
  async subscribe(@Ctx() ctx: BotContext): Promise<void> {
    const lang = ctx.state.lang;
    const user = ctx.state.user!;
    const state = await this.subscriptions.state(user);
    const lines = [this.i18n.t(lang, 'subscribe.menu')];
    const rows = this.subscriptions.tiers.map((tier) => [
      Markup.button.callback(
        this.i18n.t(lang, 'subscribe.button', { tier: this.tierName(lang, tier.key), credits: tier.monthlyCredits, stars: tier.stars }),
        callbackData('sub', tier.key),
      ),
    ]);
    if (state.tier && state.expiresAt) {
      const renewal = this.i18n.t(lang, state.renewalCanceled ? 'subscribe.renewalOff' : 'subscribe.renewalOn');
      lines.push('', this.i18n.t(lang, 'subscribe.current', { tier: this.tierName(lang, state.tier.key), date: this.date(lang, state.expiresAt), renewal }));
      rows.push([
        Markup.button.callback(
          this.i18n.t(lang, state.renewalCanceled ? 'subscribe.enableRenewal' : 'subscribe.cancelRenewal'),
          callbackData('renew', state.renewalCanceled ? 'on' : 'off'),
        ),
      ]);
    }
    await ctx.reply(lines.join('\n'), { parse_mode: 'HTML', ...Markup.inlineKeyboard(rows) });
  }

  @Action(callbackPattern('sub'))
  @RateLimited('payment')
  async subscribeTo(@Ctx() ctx: BotContext): Promise<void> {
    const lang = ctx.state.lang;
    const tier = this.subscriptions.tiers.find((t) => t.key === argument(ctx, 'sub'));
    await ctx.answerCbQuery();
    if (!tier) return;
    const name = this.tierName(lang, tier.key);
    const link = await this.subscriptions.createLink(
      ctx.state.user!,
      tier.key,
      this.i18n.t(lang, 'subscribe.invoiceTitle', { tier: name }).slice(0, 32),
      this.i18n.t(lang, 'subscribe.invoiceDescription', { credits: tier.monthlyCredits, bonus: tier.packageBonusPercent }).slice(0, 255),
    );
    if (!link) return;
    await ctx.reply(this.i18n.t(lang, 'subscribe.link', { tier: name, stars: tier.stars }), {
      parse_mode: 'HTML',
      ...Markup.inlineKeyboard([Markup.button.url(this.i18n.t(lang, 'subscribe.payButton', { stars: tier.stars }), link)]),
    });
  }

  @Action(callbackPattern('renew'))
  async renewal(@Ctx() ctx: BotContext): Promise<void> {
    const enabled = argument(ctx, 'renew') === 'on';
    const done = await this.subscriptions.setRenewal(ctx.state.user!, enabled);
    await ctx.answerCbQuery();
    const lang = ctx.state.lang;
    if (!done) {
      await ctx.reply(this.i18n.t(lang, 'subscribe.noSubscription'));
      return;
    }
    const renewal = this.i18n.t(lang, enabled ? 'subscribe.renewalOn' : 'subscribe.renewalOff');
    await ctx.reply(this.i18n.t(lang, 'subscribe.renewalChanged', { renewal }), { parse_mode: 'HTML' });
  }

  @Command('paysupport')
  async paySupport(@Ctx() ctx: BotContext): Promise<void> {
    const lang = ctx.state.lang;
    const payments = await this.ledger.recentPayments(ctx.state.user!.id, 5);
    const lines = payments.map((p) =>
      this.i18n.t(lang, 'paysupport.payment', {
        date: this.date(lang, p.createdAt),
        stars: Number(p.metadata?.stars ?? 0),
        credits: p.amount,
        status: this.i18n.t(lang, `paystatus.${p.status}` as MessageKey),
      }),
    );
    const recent = payments.length ? `${this.i18n.t(lang, 'paysupport.recent')}\n${lines.join('\n')}` : this.i18n.t(lang, 'paysupport.none');
    await ctx.reply(this.i18n.t(lang, 'paysupport.text') + recent, { parse_mode: 'HTML' });
  }

  private async sendInvoice(ctx: BotContext, packageKey: string): Promise<void> {
    const lang = ctx.state.lang;
    const invoice = await this.purchases.createInvoice(ctx.state.user!, packageKey);
    await ctx.answerCbQuery();
    if (!invoice) {
      await ctx.reply(this.i18n.t(lang, 'buy.unknownPackage'));
      return;
    }
    const credits = invoice.offer.credits + invoice.offer.bonusCredits;
    const title = this.i18n.t(lang, 'buy.invoiceTitle', { count: credits });
    try {
      await ctx.replyWithInvoice({
        title,
        description: this.i18n.t(lang, 'buy.invoiceDescription'),
        payload: invoice.payload,
        provider_token: '',
        currency: 'XTR',
        prices: [{ label: title, amount: invoice.offer.stars }],
        start_parameter: `buy_${invoice.offer.key}`,
      });
    } catch (error) {
      await this.purchases.invoiceFailed(invoice.transaction.id, (error as Error).message);
      await ctx.reply(this.i18n.t(lang, 'buy.invoiceFailed'));
    }
  }

  private async showPackages(ctx: BotContext): Promise<void> {
    const lang = ctx.state.lang;
    const user = ctx.state.user!;
    const rows = this.purchases.offers(user).map((offer) => [
      Markup.button.callback(
        offer.bonusCredits > 0
          ? this.i18n.t(lang, 'buy.buttonBonus', { count: offer.credits, bonus: offer.bonusCredits, stars: offer.stars })
          : this.i18n.t(lang, 'buy.button', { count: offer.credits, stars: offer.stars }),
        callbackData('buy', offer.key),
      ),
    ]);
    await ctx.reply(this.i18n.t(lang, 'buy.menu', { count: user.credits }), { parse_mode: 'HTML', ...Markup.inlineKeyboard(rows) });
  }

  private tierName(lang: Language, tier: string): string {
    return this.i18n.t(lang, `tier.${tier}` as MessageKey);
  }

  private date(lang: Language, date: Date): string {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
}
