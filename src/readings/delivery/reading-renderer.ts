import { Injectable } from '@nestjs/common';
import { escapeHtml, I18nService, Language } from 'src/common/i18n/i18n.service';
import { splitMessage } from './split-message';
import { DraftPart } from './reading-draft';
import { Interpretation, ReadingProgress } from '../interpreter/interpretation';
import { DrawnCard } from '../reading.entity';
import { reversedWord } from './reversed-word';

/** Turns a reading into Telegram HTML messages; everything written by an interpreter is escaped. */
@Injectable()
export class ReadingRenderer {
  constructor(private readonly i18n: I18nService) {}

  cards(language: Language, spreadName: string, cards: DrawnCard[], question: string | null): string {
    const lines = [this.i18n.t(language, 'read.cardsHeader', { name: spreadName }), ''];
    cards.forEach((card, i) => {
      const params = { index: i + 1, position: card.positionName, card: card.name };
      lines.push(
        card.reversed
          ? this.i18n.t(language, 'read.cardLineReversed', { ...params, reversed: reversedWord(this.i18n, language, card.name) })
          : this.i18n.t(language, 'read.cardLine', params),
      );
    });
    if (question) lines.push('', this.i18n.t(language, 'read.questionLine', { question }));
    return lines.join('\n');
  }

  /**
   * The interpretation in the order a reader gives it: the summary first, the spread as a whole,
   * the timeline of a spread that follows time, the cards under their chapters, and the guidance;
   * split to fit Telegram's limit.
   */
  interpretation(language: Language, interpretation: Interpretation, cards: DrawnCard[]): string[] {
    const t = (key: Parameters<I18nService['t']>[1], params?: Record<string, string | number>) => this.i18n.t(language, key, params);
    const paragraphs: string[] = [];
    if (interpretation.summary) paragraphs.push(`${t('read.summaryHeader')}\n${escapeHtml(interpretation.summary)}`);
    paragraphs.push(t('read.themeHeader'), ...interpretation.theme.split(/\n{2,}/).map(escapeHtml));
    if (interpretation.timeline?.length) paragraphs.push(`${t('read.timelineHeader')}\n${interpretation.timeline.map((line) => `• ${escapeHtml(line)}`).join('\n')}`);
    paragraphs.push(t('read.journeyHeader'));
    interpretation.journey.forEach((text, i) => {
      const chapter = interpretation.chapters?.find((c) => c.start === i);
      if (chapter) paragraphs.push(t('read.chapterHeader', { title: chapter.title }));
      paragraphs.push(`${t('read.journeyCard', { position: cards[i]?.positionName ?? '', card: cards[i]?.name ?? '' })}\n${escapeHtml(text)}`);
    });
    paragraphs.push(t('read.guidanceHeader'), escapeHtml(interpretation.guidance));
    return splitMessage(paragraphs.join('\n\n'));
  }

  /**
   * The interpretation as stored in `readings.interpretation`: plain text, the parts in the order
   * they are shown, each card under a "position · card" line so the reading stands on its own in /past.
   */
  stored(interpretation: Interpretation, cards: DrawnCard[] = []): string {
    const journey = interpretation.journey.map((text, i) => (cards[i] ? `${cards[i].positionName} · ${cards[i].name}\n${text}` : text));
    return [interpretation.summary, interpretation.theme, interpretation.timeline?.join('\n'), ...journey, interpretation.guidance]
      .filter((part): part is string => !!part)
      .join('\n\n');
  }

  /**
   * A reading still being written, as far as it goes, under the same headings as the whole one:
   * the message it is writing now (the last of the parts it will be split into).
   */
  draft(language: Language, progress: ReadingProgress, cards: DrawnCard[]): DraftPart {
    const t = (key: Parameters<I18nService['t']>[1], params?: Record<string, string | number>) => this.i18n.t(language, key, params);
    const paragraphs: string[] = [];
    if (progress.theme) paragraphs.push(t('read.themeHeader'), ...progress.theme.split(/\n{2,}/).map(escapeHtml));
    if (progress.journey.length) paragraphs.push(t('read.journeyHeader'));
    progress.journey.forEach((text, i) => {
      paragraphs.push(`${t('read.journeyCard', { position: cards[i]?.positionName ?? '', card: cards[i]?.name ?? '' })}\n${escapeHtml(text)}`);
    });
    if (progress.guidance) paragraphs.push(t('read.guidanceHeader'), escapeHtml(progress.guidance));
    const parts = splitMessage(paragraphs.join('\n\n'));
    return { index: Math.max(0, parts.length - 1), html: parts.at(-1) ?? '' };
  }

  /** A stored reading, shown again from /past. */
  /**
   * A stored reading shown again (/past, /today) under the headings of a fresh one: what comes
   * before the first card is the spread as a whole, each "position · card" part is a card, and
   * what follows the last card is the guidance.
   */
  storedText(interpretation: string, language: Language = 'en', cards: DrawnCard[] = []): string[] {
    const t = (key: Parameters<I18nService['t']>[1], params?: Record<string, string | number>) => this.i18n.t(language, key, params);
    const paragraphs = interpretation.split(/\n{2,}/);
    const cardOf = (paragraph: string) => cards.find((c) => paragraph.startsWith(`${c.positionName} · ${c.name}\n`));
    const first = paragraphs.findIndex((p) => cardOf(p));
    const last = paragraphs.length - 1 - [...paragraphs].reverse().findIndex((p) => cardOf(p));
    if (first < 0) return splitMessage(paragraphs.map(escapeHtml).join('\n\n'));
    const shown = [
      ...(first > 0 ? [t('read.themeHeader'), ...paragraphs.slice(0, first).map(escapeHtml)] : []),
      t('read.journeyHeader'),
      ...paragraphs.slice(first, last + 1).map((p) => {
        const card = cardOf(p);
        if (!card) return escapeHtml(p);
        const text = p.slice(`${card.positionName} · ${card.name}\n`.length);
        return `${t('read.journeyCard', { position: card.positionName, card: card.name })}\n${escapeHtml(text)}`;
      }),
      ...(last < paragraphs.length - 1 ? [t('read.guidanceHeader'), ...paragraphs.slice(last + 1).map(escapeHtml)] : []),
    ];
    return splitMessage(shown.join('\n\n'));
  }
}
