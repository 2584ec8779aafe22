import { Injectable, Logger } from '@nestjs/common';
import { escapeHtml, I18nService, Language } from 'src/common/i18n/i18n.service';
import { cardById } from './deck/deck';
import { splitMessage } from './delivery/split-message';
import { pictureCaption } from './picture/picture-caption';
import { PictureCard, SpreadPicture } from './picture/spread-picture';
import { Interpretation } from './interpreter/interpretation';
import { DrawnCard } from './reading.entity';

/** Turns a reading into Telegram HTML messages; everything written by an interpreter is escaped. */
@Injectable()
export class ReadingRenderer {
  private readonly logger = new Logger(ReadingRenderer.name);
  private readonly spreadPicture = new SpreadPicture();

  constructor(private readonly i18n: I18nService) {}

  cards(language: Language, spreadName: string, cards: DrawnCard[], question: string | null): string {
    const lines = [this.i18n.t(language, 'read.cardsHeader', { name: spreadName }), ''];
    cards.forEach((card, i) => {
      const key = card.reversed ? 'read.cardLineReversed' : 'read.cardLine';
      lines.push(this.i18n.t(language, key, { index: i + 1, position: card.positionName, card: card.name }));
    });
    if (question) lines.push('', this.i18n.t(language, 'read.questionLine', { question }));
    return lines.join('\n');
  }

  /** The picture of the drawn spread and its caption; undefined if it cannot be drawn (the text still goes). */
  picture(language: Language, spreadKey: string, spreadName: string, cards: DrawnCard[]): { png: Buffer; caption: string } | undefined {
    try {
      const pictureCards: PictureCard[] = cards.map((card) => {
        const facts = cardById(card.cardId);
        return {
          name: card.name,
          arcana: facts?.arcana ?? 'major',
          suit: facts?.suit ?? null,
          number: facts?.number ?? 0,
          reversed: card.reversed,
          positionName: card.positionName,
        };
      });
      const png = this.spreadPicture.render({ spreadKey, spreadName, cards: pictureCards });
      return { png, caption: pictureCaption(spreadName, pictureCards, this.i18n.t(language, 'read.reversedWord')) };
    } catch (error) {
      this.logger.warn(`Could not draw the ${spreadKey} spread: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** The interpretation with its three parts headed, split to fit Telegram's limit. */
  interpretation(language: Language, interpretation: Interpretation, cards: DrawnCard[]): string[] {
    const paragraphs = [
      this.i18n.t(language, 'read.themeHeader'),
      ...interpretation.theme.split(/\n{2,}/).map(escapeHtml),
      this.i18n.t(language, 'read.journeyHeader'),
      ...interpretation.journey.map(
        (text, i) =>
          `${this.i18n.t(language, 'read.journeyCard', { position: cards[i]?.positionName ?? '', card: cards[i]?.name ?? '' })}\n${escapeHtml(text)}`,
      ),
      this.i18n.t(language, 'read.guidanceHeader'),
      escapeHtml(interpretation.guidance),
    ];
    return splitMessage(paragraphs.join('\n\n'));
  }

  /** The interpretation as stored in `readings.interpretation`: plain text, the parts in order. */
  stored(interpretation: Interpretation): string {
    return [interpretation.theme, ...interpretation.journey, interpretation.guidance].join('\n\n');
  }

  /** A stored reading, shown again from /past. */
  storedText(interpretation: string): string[] {
    return splitMessage(interpretation.split(/\n{2,}/).map(escapeHtml).join('\n\n'));
  }
}
