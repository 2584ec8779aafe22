import type { InterpretationInput, InterpretedCard } from './interpretation';
import type { CardMention, PhraseBook } from './phrase-book';
import type { PhrasePicker } from './phrase-picker';
import type { SpreadAnalysis } from './spread-analysis';

/** What the theme, journey and guidance writers share for one reading. */
export interface WriterContext {
  input: InterpretationInput;
  analysis: SpreadAnalysis;
  book: PhraseBook;
  picker: PhrasePicker;
}

export function mention(book: PhraseBook, card: InterpretedCard): CardMention {
  return { card: book.cardRef(card.name), position: book.positionRef(card.position.name), reversed: card.reversed };
}

/** The card's keywords for its orientation, ready for mid-sentence use. */
export function keywordsOf(book: PhraseBook, card: InterpretedCard, max = 3): string[] {
  const side = card.reversed ? card.text.reversed : card.text.upright;
  return side.keywords.slice(0, max).map((k) => book.lowerKeyword(k.trim()));
}
