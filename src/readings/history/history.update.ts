import { Action, Command, Ctx, Update } from 'nestjs-telegraf';
import { Markup } from 'telegraf';
import { CatalogService } from 'src/catalog/catalog.service';
import { I18nService, Language } from 'src/common/i18n/i18n.service';
import { MessageKey } from 'src/common/i18n/messages.en';
import { BotContext } from 'src/bot/bot-context';
import { callbackData, callbackPattern } from 'src/bot/callback-data';
import { PastReadingsService } from './past-readings.service';
import { Reading } from '../reading.entity';
import { ReadingRenderer } from '../delivery/reading-renderer';
import { ReadingTextsService } from '../delivery/reading-texts.service';
import { isErased, ReadingsService } from '../readings.service';
import { SpreadPictureSenderService } from '../delivery/spread-picture-sender.service';
import { TodayService } from '../flow/today.service';

/** Reading ids are PostgreSQL integers: a larger one in a press is no reading. */
const MAX_READING_ID = 2_147_483_647;

/** /today, /past and opening a past reading. */
@Update()
export class HistoryUpdate {
  constructor(
    private readonly today: TodayService,
    private readonly past: PastReadingsService,
    private readonly readings: ReadingsService,
    private readonly renderer: ReadingRenderer,
    private readonly pictures: SpreadPictureSenderService,
    private readonly texts: ReadingTextsService,
    private readonly catalog: CatalogService,
    private readonly i18n: I18nService,
  ) {}

  @Command('today')
  async cardOfTheDay(@Ctx() ctx: BotContext): Promise<void> {
    const lang = ctx.state.lang;
    const { reading, fresh } = await this.today.today(ctx.state.user!, lang);
    await ctx.reply(this.i18n.t(lang, 'today.header'), { parse_mode: 'HTML' });
    await this.show(ctx, reading);
    if (!fresh) await ctx.reply(this.i18n.t(lang, 'today.again'));
  }

  @Command('past')
  pastReadings(@Ctx() ctx: BotContext) {
    return this.showPage(ctx, 0);
  }

  @Action(callbackPattern('past'))
  async pastPage(@Ctx() ctx: BotContext): Promise<void> {
    const page = Number(callbackPattern('past').exec((ctx.callbackQuery as { data: string }).data)?.[1] ?? 0);
    await ctx.answerCbQuery();
    await this.showPage(ctx, Number.isSafeInteger(page) && page >= 0 ? page : 0);
  }

  @Action(callbackPattern('open'))
  async open(@Ctx() ctx: BotContext): Promise<void> {
    const id = Number(callbackPattern('open').exec((ctx.callbackQuery as { data: string }).data)?.[1]);
    const reading = Number.isSafeInteger(id) && id <= MAX_READING_ID ? await this.readings.findOne(id) : null;
    await ctx.answerCbQuery();
    if (!reading || reading.userId !== ctx.state.user!.id || isErased(reading)) {
      await ctx.reply(this.i18n.t(ctx.state.lang, 'past.notFound'));
      return;
    }
    await this.show(ctx, reading);
  }

  private async showPage(ctx: BotContext, asked: number): Promise<void> {
    const lang = ctx.state.lang;
    const { entries, pages, page } = await this.past.page(ctx.state.user!.id, asked);
    if (entries.length === 0 && page === 0) {
      await ctx.reply(this.i18n.t(lang, 'past.empty'));
      return;
    }
    const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    const rows = entries.map((entry) => {
      const params = {
        date: date.format(new Date(entry.createdAt)),
        name: this.spreadName(lang, entry.spreadType),
        status: this.i18n.t(lang, `status.${entry.status}` as MessageKey),
        label: entry.label ?? '',
      };
      const key = entry.status !== 'completed' ? 'past.itemUnfinished' : entry.label ? 'past.itemAbout' : 'past.item';
      return [Markup.button.callback(this.i18n.t(lang, key, params), callbackData('open', entry.id))];
    });
    const paging = [
      ...(page > 0 ? [Markup.button.callback(this.i18n.t(lang, 'past.prev'), callbackData('past', page - 1))] : []),
      ...(page + 1 < pages ? [Markup.button.callback(this.i18n.t(lang, 'past.next'), callbackData('past', page + 1))] : []),
    ];
    await ctx.reply(this.i18n.t(lang, 'past.header', { page: page + 1, pages }), {
      parse_mode: 'HTML',
      ...Markup.inlineKeyboard(paging.length ? [...rows, paging] : rows),
    });
  }

  private async show(ctx: BotContext, reading: Reading): Promise<void> {
    const lang = ctx.state.lang;
    if (reading.status !== 'completed') {
      await ctx.reply(this.i18n.t(lang, 'past.notCompleted', { status: this.i18n.t(lang, `status.${reading.status}` as MessageKey) }));
      return;
    }
    const name = this.spreadName(lang, reading.spreadType);
    await this.pictures.send(ctx.chat!.id, lang, reading.spreadType, name, reading.cards);
    await ctx.reply(this.renderer.cards(lang, name, reading.cards, reading.question), { parse_mode: 'HTML' });
    for (const part of this.renderer.storedText(reading.interpretation, lang, reading.cards)) await ctx.reply(part, { parse_mode: 'HTML' });
  }

  private spreadName(lang: Language, spreadType: string): string {
    const positions = this.catalog.spread(spreadType)?.positions ?? [];
    return this.texts.spread(lang, spreadType, positions).name;
  }
}
