import { isLanguage, type Language } from 'src/common/i18n/i18n.service';
import type { CardReading } from 'src/readings/deck/card-reading';
import { CARD_READINGS_EN } from 'src/readings/deck/card-readings.en';
import { CARD_READINGS_RU } from 'src/readings/deck/card-readings.ru';
import { CARD_READINGS_UK } from 'src/readings/deck/card-readings.uk';
import { writeGuidance } from './guidance-writer';
import type { Interpretation, InterpretationInput, Interpreter } from './interpretation';
import type { PhraseBook } from './phrase-book';
import { PhrasePicker } from './phrase-picker';
import { PHRASES_EN } from './phrases.en';
import { PHRASES_RU } from './phrases.ru';
import { PHRASES_UK } from './phrases.uk';
import { readQuestion } from './question-reader';
import { SeededRandom } from './seeded-random';
import { SentenceLedger } from './sentence-ledger';
import { analyseSpread } from './spread-analysis';
import { writeChapters, writeSummary, writeTimeline } from './summary-writer';
import { writeJourney } from './journey-writer';
import { writeTheme } from './theme-writer';
import { depthOf, readCards, type WriterContext } from './writer-context';

/** A language the built-in reader speaks: its sentences and its readings of every card. */
export interface ReaderLanguage {
  phrases: PhraseBook;
  cards: Record<string, CardReading>;
}

export const READER_LANGUAGES: Record<Language, ReaderLanguage> = {
  en: { phrases: PHRASES_EN, cards: CARD_READINGS_EN },
  uk: { phrases: PHRASES_UK, cards: CARD_READINGS_UK },
  ru: { phrases: PHRASES_RU, cards: CARD_READINGS_RU },
};

/**
 * Writes a reading as a reader would: each card through its position's role, the question
 * understood and answered, the spread read as a whole, the user's own answers taken up, and no
 * sentence said twice, in this reading or in the user's recent ones. Pure: the same input and
 * seed give the same reading. Languages it does not speak fall back to English.
 */
export class BuiltinInterpreter implements Interpreter {
  constructor(private readonly languages: Record<Language, ReaderLanguage> = READER_LANGUAGES) {}

  async interpret(input: InterpretationInput, seed: number): Promise<Interpretation> {
    if (input.cards.length === 0) throw new Error('An interpretation needs at least one card');
    const base = input.language.toLowerCase().split(/[-_]/)[0];
    const language = isLanguage(base) ? base : 'en';
    const { phrases, cards: readings } = this.languages[language];
    const cards = readCards(input, readings, language);
    const ctx: WriterContext = {
      input,
      cards,
      focus: input.focus ?? readQuestion(input.question, input.answers.map((a) => a.answer), input.spreadKey),
      depth: depthOf(cards.length),
      deck: input.deck ?? 'rws',
      analysis: analyseSpread(input.spreadKey, cards),
      book: phrases,
      picker: new PhrasePicker(new SeededRandom(seed), new SentenceLedger(input.recentSentences)),
      mentions: new Map(),
    };
    // Written in the order a reader thinks (cards, then the whole, then the answer), so the
    // summary, said first, can be the last thing written.
    const journey = writeJourney(ctx);
    const theme = writeTheme(ctx);
    const guidance = writeGuidance(ctx);
    const summary = writeSummary(ctx);
    return {
      theme,
      journey,
      guidance,
      source: 'builtin',
      ...(summary ? { summary } : {}),
      ...optional('chapters', writeChapters(ctx)),
      ...optional('timeline', writeTimeline(ctx)),
    };
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
