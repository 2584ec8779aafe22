import { Action, Command, Ctx, Next, On, Update } from 'nestjs-telegraf';
import { Markup } from 'telegraf';
import { I18nService, Language, MessageParams } from 'src/common/i18n/i18n.service';
import { MessageKey } from 'src/common/i18n/messages.en';
import { RateLimited } from 'src/rate-limit/rate-limit.guard';
import { BotContext } from 'src/bot/bot-context';
import { callbackArgument, callbackData, callbackPattern } from 'src/bot/callback-data';
import { PurchasesService } from './purchases.service';
import { RefundsService } from './refunds.service';
import { Refusal, STARS_CURRENCY } from './stars-product';
import { StarsPayments } from './stars-payments';
import { RefundedPayment, SuccessfulStarPayment } from 'src/telegram/stars-api.types';
import { SubscriptionRenewals } from './subscription-renewals';
import { SubscriptionsService } from './subscriptions.service';

/** What a payer is told when pre-checkout refuses. */
const REFUSAL_MESSAGES: Record<Refusal, MessageKey> = {
  currency: 'pay.refused.currency',
  payload: 'pay.refused.unknown',
  other_user: 'pay.refused.otherUser',
  unknown_user: 'pay.refused.unknown',
  inactive: 'pay.refused.inactive',
  invoice: 'pay.refused.mismatch',
  amount: 'pay.refused.mismatch',
  price_changed: 'pay.refused.priceChanged',
  expired: 'pay.refused.expired',
  already_paid: 'pay.refused.alreadyPaid',
  same_tier: 'pay.refused.sameTier',
  expiry: 'pay.refused.mismatch',
  unknown_charge: 'pay.refused.unknown',
};

/** /buy, /subscribe and Telegram's payment updates (/paysupport is the support module's). */
@Update()
export class PaymentsUpdate {
  constructor(
    private readonly payments: StarsPayments,
    private readonly purchases: PurchasesService,
    private readonly subscriptions: SubscriptionsService,
    private readonly renewals: SubscriptionRenewals,
    private readonly refunds: RefundsService,
    private readonly i18n: I18nService,
  ) {}

  @Command('buy')
  buy(@Ctx() ctx: BotContext) {
    return this.showPackages(ctx);
  }

  @Action(callbackPattern('buy'))
  @RateLimited('payment')
  async buyFromButton(@Ctx() ctx: BotContext): Promise<void> {
    const packageKey = callbackArgument(ctx, 'buy');
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
    const lang = this.i18n.resolveLanguage(ctx.state.user?.preferences.language ?? query.from.language_code);
    const verdict = await this.payments.preCheckout({
      payerTelegramId: String(query.from.id),
      currency: query.currency,
      totalAmount: query.total_amount,
      payload: query.invoice_payload,
    });
    if (verdict.ok) {
      await ctx.answerPreCheckoutQuery(true);
      return;
    }
    ctx.state.outcome = 'refused';
    const params: MessageParams = verdict.tier && verdict.until ? { tier: this.tierName(lang, verdict.tier), date: this.date(lang, verdict.until) } : {};
    await ctx.answerPreCheckoutQuery(false, this.i18n.t(lang, REFUSAL_MESSAGES[verdict.refusal], params));
  }

  @On('successful_payment')
  async paid(@Ctx() ctx: BotContext): Promise<void> {
    const payment = (ctx.message as unknown as { successful_payment: SuccessfulStarPayment }).successful_payment;
    const outcome = await this.payments.applyPayment(
      {
        payerTelegramId: String(ctx.from!.id),
        currency: payment.currency,
        totalAmount: payment.total_amount,
        payload: payment.invoice_payload,
        chargeId: payment.telegram_payment_charge_id,
        subscriptionExpiresAt: payment.subscription_expiration_date ? new Date(payment.subscription_expiration_date * 1000) : undefined,
      },
      'successful_payment',
    );
    if (outcome.kind === 'refused') ctx.state.outcome = 'refused';
    if (outcome.kind !== 'granted') return;
    const lang = ctx.state.lang;
    const text =
      outcome.product === 'package'
        ? this.i18n.t(lang, 'buy.thanks', { credits: outcome.credits, count: outcome.balance })
        : this.i18n.t(lang, outcome.renewal ? 'subscribe.renewed' : 'subscribe.thanks', {
            tier: this.tierName(lang, outcome.tier),
            credits: outcome.credits,
            date: this.date(lang, outcome.expiresAt),
            count: outcome.balance,
          });
    // Every receipt leads to support, as Telegram asks of bots that take payments.
    await ctx.reply(text, {
      parse_mode: 'HTML',
      ...Markup.inlineKeyboard([Markup.button.callback(this.i18n.t(lang, 'support.button'), callbackData('support'))]),
    });
  }

  /** `refunded_payment` is newer than telegraf's typings: read it off any message. */
  @On('message')
  async refundedByTelegram(@Ctx() ctx: BotContext, @Next() next: () => Promise<void>): Promise<void> {
    const refunded = (ctx.message as unknown as { refunded_payment?: RefundedPayment }).refunded_payment;
    if (!refunded) return next();
    const result = await this.refunds.applyTelegramRefund(
      {
        userTelegramId: String(ctx.from!.id),
        currency: refunded.currency,
        totalAmount: refunded.total_amount,
        chargeId: refunded.telegram_payment_charge_id,
      },
      'refunded_payment',
    );
    if (!result) return;
    await ctx.reply(
      this.i18n.t(ctx.state.lang, 'refund.done', { stars: refunded.total_amount, taken: result.taken, count: result.balance }),
      {
        parse_mode: 'HTML',
        ...Markup.inlineKeyboard([Markup.button.callback(this.i18n.t(ctx.state.lang, 'support.button'), callbackData('support'))]),
      },
    );
  }

  @Command('subscribe')
  async subscribe(@Ctx() ctx: BotContext): Promise<void> {
    const lang = ctx.state.lang;
    const user = ctx.state.user!;
    const current = this.subscriptions.current(user);
    const lines = [this.i18n.t(lang, 'subscribe.menu')];
    const rows = this.subscriptions.tiers.map((tier) => [
      Markup.button.callback(
        this.i18n.t(lang, 'subscribe.button', { tier: this.tierName(lang, tier.key), credits: tier.monthlyCredits, stars: tier.stars }),
        callbackData('sub', tier.key),
      ),
    ]);
    if (current) {
      const canceled = await this.renewals.renewalCanceled(user.id);
      const renewal = this.i18n.t(lang, canceled ? 'subscribe.renewalOff' : 'subscribe.renewalOn');
      lines.push('', this.i18n.t(lang, 'subscribe.current', { tier: this.tierName(lang, current.tier.key), date: this.date(lang, current.until), renewal }));
      rows.push([
        Markup.button.callback(
          this.i18n.t(lang, canceled ? 'subscribe.enableRenewal' : 'subscribe.cancelRenewal'),
          callbackData('renew', canceled ? 'on' : 'off'),
        ),
      ]);
    }
    await ctx.reply(lines.join('\n'), { parse_mode: 'HTML', ...Markup.inlineKeyboard(rows) });
  }

  @Action(callbackPattern('sub'))
  @RateLimited('payment')
  async subscribeTo(@Ctx() ctx: BotContext): Promise<void> {
    const lang = ctx.state.lang;
    const tier = this.subscriptions.tiers.find((t) => t.key === callbackArgument(ctx, 'sub'));
    await ctx.answerCbQuery();
    if (!tier) return;
    const name = this.tierName(lang, tier.key);
    const result = await this.subscriptions.createLink(
      ctx.state.user!,
      tier.key,
      this.i18n.t(lang, 'subscribe.invoiceTitle', { tier: name }).slice(0, 32),
      this.i18n.t(lang, 'subscribe.invoiceDescription', { credits: tier.monthlyCredits, bonus: tier.packageBonusPercent }).slice(0, 255),
    );
    if (result.kind === 'unknown') return;
    if (result.kind === 'same_tier') {
      await ctx.reply(this.i18n.t(lang, 'subscribe.alreadyOnTier', { tier: name, date: this.date(lang, result.current.until) }), { parse_mode: 'HTML' });
      return;
    }
    const lines = [this.i18n.t(lang, 'subscribe.link', { tier: name, stars: tier.stars })];
    if (result.replaces) {
      const old = { old: this.tierName(lang, result.replaces.tier.key), date: this.date(lang, result.replaces.until), tier: name };
      lines.unshift(this.i18n.t(lang, 'subscribe.switchNote', old), '');
    }
    await ctx.reply(lines.join('\n'), {
      parse_mode: 'HTML',
      ...Markup.inlineKeyboard([Markup.button.url(this.i18n.t(lang, 'subscribe.payButton', { stars: tier.stars }), result.link)]),
    });
  }

  @Action(callbackPattern('renew'))
  async renewal(@Ctx() ctx: BotContext): Promise<void> {
    const enabled = callbackArgument(ctx, 'renew') === 'on';
    const done = await this.renewals.setRenewal(ctx.state.user!, enabled);
    await ctx.answerCbQuery();
    const lang = ctx.state.lang;
    if (!done) {
      await ctx.reply(this.i18n.t(lang, 'subscribe.noSubscription'));
      return;
    }
    const renewal = this.i18n.t(lang, enabled ? 'subscribe.renewalOn' : 'subscribe.renewalOff');
    await ctx.reply(this.i18n.t(lang, 'subscribe.renewalChanged', { renewal }), { parse_mode: 'HTML' });
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
        currency: STARS_CURRENCY,
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
