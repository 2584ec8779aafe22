import { Injectable, Logger } from '@nestjs/common';
import { I18nService, Language } from 'src/common/i18n/i18n.service';
import { callbackData } from 'src/bot/callback-data';
import { Notifier } from 'src/telegram/notifier.service';
import { ReadingRenderer } from './reading-renderer';
import { WrittenReading } from './reading-writer.service';
import { SpreadPictureSender } from './spread-picture-sender.service';

/** The last step of a paid reading: the stored, paid reading goes to the user's chat. */
@Injectable()
export class ReadingDelivery {
  private readonly logger = new Logger(ReadingDelivery.name);

  constructor(
    private readonly renderer: ReadingRenderer,
    private readonly notifier: Notifier,
    private readonly pictures: SpreadPictureSender,
    private readonly i18n: I18nService,
  ) {}

  async deliver(user: { id: number; telegramId: string }, language: Language, written: WrittenReading, question: string | null, price: number, balance: number) {
    const messages = [
      this.renderer.cards(language, written.spreadName, written.cards, question),
      ...this.renderer.interpretation(language, written.interpretation, written.cards),
    ];
    const footer = this.i18n.t(language, 'read.paid', { price, count: balance });
    const keyboard = [
      [
        { text: this.i18n.t(language, 'read.again'), callbackData: callbackData('read') },
        { text: this.i18n.t(language, 'read.pastButton'), callbackData: callbackData('past', 0) },
      ],
    ];
    try {
      await this.pictures.send(user.telegramId, language, written.spreadKey, written.spreadName, written.cards);
      for (const message of messages) await this.notifier.send(user.telegramId, message);
      await this.notifier.send(user.telegramId, footer, keyboard);
    } catch (error) {
      // The reading is stored and paid; it stays in /past for the user to open again.
      this.logger.warn(`Reading for user ${user.id} stored but not delivered: ${(error as Error).message}`);
    }
  }
}
