import { Injectable } from '@nestjs/common';
import { escapeHtml, I18nService, Language } from 'src/common/i18n/i18n.service';
import { splitMessage } from './delivery/split-message';
import { Interpretation } from './interpreter/interpretation';
import { DrawnCard } from './reading.entity';

/** Turns a reading into Telegram HTML messages; everything written by an interpreter is escaped. */
@Injectable()
export class ReadingRenderer {
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
