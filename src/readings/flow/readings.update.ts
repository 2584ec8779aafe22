import { Action, Command, Ctx, Next, On, Update } from 'nestjs-telegraf';
import { CatalogService } from 'src/catalog/catalog.service';
import { I18nService } from 'src/common/i18n/i18n.service';
import { BotContext } from 'src/bot/bot-context';
import { callbackArgument, callbackData, callbackPattern } from 'src/bot/callback-data';
import { Markup } from 'telegraf';
import { ReadingFlowService, AnswerOutcome } from './reading-flow.service';
import { looksLikeReadingRequest } from './reading-request';
import { ReadingTextsService } from '../delivery/reading-texts.service';

function textOf(ctx: BotContext): string | undefined {
  return ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
}

/** /read and /spreads, the choice of a spread, the question and the questionnaire. */
@Update()
export class ReadingsUpdate {
  constructor(
    private readonly flow: ReadingFlowService,
    private readonly catalog: CatalogService,
    private readonly texts: ReadingTextsService,
    private readonly i18n: I18nService,
  ) {}

  @Command(['read', 'spreads'])
  menu(@Ctx() ctx: BotContext) {
    return this.showMenu(ctx);
  }

  @Action(callbackPattern('read'))
  async menuAgain(@Ctx() ctx: BotContext) {
    await ctx.answerCbQuery();
    await this.showMenu(ctx);
  }

  @Action(callbackPattern('spread'))
  async choose(@Ctx() ctx: BotContext): Promise<void> {
    const key = callbackArgument(ctx, 'spread');
    const user = ctx.state.user!;
    const lang = ctx.state.lang;
    // Answered first: a redelivered press must not fail after the reading was created.
    await ctx.answerCbQuery();
    const outcome = await this.flow.choose(user, key, ctx.callbackQuery!.id);
    if (outcome.kind === 'unknown_spread') {
      await ctx.reply(this.i18n.t(lang, 'read.unknownSpread'));
      return;
    }
    if (outcome.kind === 'repeated') return;
    if (outcome.kind === 'limited') {
      await ctx.reply(this.i18n.t(lang, 'read.limited', { time: this.i18n.moment(lang, outcome.retryAt) }), { parse_mode: 'HTML' });
      return;
    }
    const spread = outcome.spread;
    const text = this.texts.spread(lang, spread.key, spread.positions);
    if (outcome.kind === 'cannot_pay') {
      await ctx.reply(this.i18n.t(lang, 'read.notEnough', { name: text.name, price: spread.price, count: user.credits }), {
        parse_mode: 'HTML',
        ...Markup.inlineKeyboard([Markup.button.callback(this.i18n.t(lang, 'read.buyButton'), callbackData('buy'))]),
      });
      return;
    }
    if (outcome.replaced) await ctx.reply(this.i18n.t(lang, 'read.replaced'));
    await ctx.reply(
      this.i18n.t(lang, 'read.askQuestion', { name: text.name, count: spread.price, description: text.description }),
      { parse_mode: 'HTML' },
    );
  }

  @Command('skip')
  async skip(@Ctx() ctx: BotContext): Promise<void> {
    const outcome = await this.flow.answer(ctx.state.user!, ctx.state.lang, null, ctx.message!.message_id);
    if (outcome.kind === 'no_reading') {
      await ctx.reply(this.i18n.t(ctx.state.lang, 'read.skipNothing'));
      return;
    }
    await this.respond(ctx, outcome);
  }

  /** Free text: an answer when a reading waits for one; anything else falls through to the fallback. */
  @On('text')
  async text(@Ctx() ctx: BotContext, @Next() next: () => Promise<void>): Promise<void> {
    const text = textOf(ctx);
    if (!text || text.startsWith('/') || !ctx.state.user || ctx.state.user.status !== 'active') return next();
    const outcome = await this.flow.answer(ctx.state.user, ctx.state.lang, text, ctx.message!.message_id);
    if (outcome.kind !== 'no_reading') return this.respond(ctx, outcome);
    // Asked for a reading in so many words (and not in another conversation, such as support): the menu.
    if (looksLikeReadingRequest(text) && !(await this.flow.inOtherConversation(ctx.state.user.id))) {
      await ctx.reply(this.i18n.t(ctx.state.lang, 'read.requestHeard'));
      return this.showMenu(ctx);
    }
    return next();
  }

  private async respond(ctx: BotContext, outcome: AnswerOutcome): Promise<void> {
    const lang = ctx.state.lang;
    switch (outcome.kind) {
      case 'too_long':
        await ctx.reply(this.i18n.t(lang, 'read.questionTooLong', { length: outcome.length, max: outcome.max }));
        return;
      case 'care':
        await ctx.reply(this.i18n.t(lang, 'safety.reply'));
        return;
      case 'ask': {
        const step = this.i18n.t(lang, 'read.questionnaireStep', { index: outcome.index, total: outcome.total, question: outcome.question });
        const intro = outcome.first ? `${this.i18n.t(lang, 'read.questionnaireIntro')}\n\n` : '';
        await ctx.reply(intro + step, { parse_mode: 'HTML' });
        return;
      }
      case 'busy':
        await ctx.reply(this.i18n.t(lang, 'read.shuffling'));
        return;
      case 'generate': // the flow told the user, and started the reading
      case 'no_reading':
        return;
    }
  }

  private async showMenu(ctx: BotContext): Promise<void> {
    const lang = ctx.state.lang;
    const buttons = this.catalog.spreads.map((spread) => [
      Markup.button.callback(
        this.i18n.t(lang, 'read.spreadButton', { name: this.texts.spread(lang, spread.key, spread.positions).name, count: spread.price }),
        callbackData('spread', spread.key),
      ),
    ]);
    await ctx.reply(this.i18n.t(lang, 'read.menu', { count: ctx.state.user!.credits }), {
      parse_mode: 'HTML',
      ...Markup.inlineKeyboard(buttons),
    });
  }
}
