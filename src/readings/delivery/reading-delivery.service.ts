import { Injectable } from '@nestjs/common';
import { I18nService, Language } from 'src/common/i18n/i18n.service';
import { callbackData } from 'src/bot/callback-data';
import { NotifierService } from 'src/telegram/notifier.service';
import { CAPTION_LIMIT } from '../picture/picture-caption';
import { ReadingRenderer } from './reading-renderer';
import { WrittenReading } from '../generation/reading-writer.service';
import { SpreadPictureSenderService } from './spread-picture-sender.service';
import { joinMessages, visibleLength } from './split-message';

/** What a delivered reading ends with: the price paid and the balance left. */
export interface Paid {
  price: number;
  balance: number;
}

/**
 * Sends a stored, paid reading in as few messages as Telegram's limits allow: the picture, with
 * the cards in its caption, in place of the "Shuffling…" message when there is one; then the
 * interpretation, its parts joined up to 4,096 characters, the footer and its buttons on the last.
 * Without the picture (or when the list is too long for a caption) the cards open the text, so
 * the list is always said exactly once.
 */
@Injectable()
export class ReadingDeliveryService {
  constructor(
    private readonly notifier: NotifierService,
    private readonly pictures: SpreadPictureSenderService,
    private readonly renderer: ReadingRenderer,
    private readonly i18n: I18nService,
  ) {}

  /** `placeholder`: the message that said the deck was being shuffled, to become the picture. */
  async deliver(chatId: string, language: Language, written: WrittenReading, question: string | null, paid: Paid, placeholder?: number): Promise<void> {
    const cards = this.renderer.cards(language, written.spreadName, written.cards, question);
    const caption = visibleLength(cards) <= CAPTION_LIMIT ? cards : undefined;
    const picture = (replace?: number) => this.pictures.send(chatId, language, written.spreadKey, written.spreadName, written.cards, { caption, replace });
    // A placeholder that cannot be edited (deleted meanwhile) leaves the picture to a message of its own.
    const pictured = (placeholder !== undefined && (await picture(placeholder))) || (await picture());
    const footer = this.i18n.t(language, 'read.paid', { price: paid.price, count: paid.balance });
    const messages = joinMessages([
      ...(pictured && caption ? [] : [cards]),
      ...this.renderer.interpretation(language, written.interpretation, written.cards),
      footer,
    ]);
    const keyboard = [
      [
        { text: this.i18n.t(language, 'read.again'), callbackData: callbackData('read') },
        { text: this.i18n.t(language, 'read.pastButton'), callbackData: callbackData('past', 0) },
      ],
    ];
    for (const [i, message] of messages.entries()) await this.notifier.send(chatId, message, i === messages.length - 1 ? keyboard : []);
  }
}
