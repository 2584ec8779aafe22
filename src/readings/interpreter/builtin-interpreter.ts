import type { Interpretation, InterpretationInput, Interpreter } from './interpretation';
import type { PhraseBook } from './phrase-book';
import { PhrasePicker } from './phrase-picker';
import { PHRASES_EN } from './phrases.en';
import { RU_PHRASES } from './phrases.ru';
import { UK_PHRASES } from './phrases.uk';
import { SeededRandom } from './seeded-random';
import { analyseSpread } from './spread-analysis';
import { writeGuidance } from './guidance-writer';
import { writeJourney } from './journey-writer';
import { writeTheme } from './theme-writer';

const DEFAULT_BOOKS: Record<string, PhraseBook> = { en: PHRASES_EN, uk: UK_PHRASES, ru: RU_PHRASES };

/**
 * Writes a reading from the cards' own texts, the positions and the spread as a whole.
 * Deterministic for the same input and seed; languages without a phrase book fall back to English.
 */
export class BuiltinInterpreter implements Interpreter {
  constructor(private readonly books: Record<string, PhraseBook> = DEFAULT_BOOKS) {}

  async interpret(input: InterpretationInput, seed: number): Promise<Interpretation> {
    if (input.cards.length === 0) throw new Error('An interpretation needs at least one card');
    const ctx = {
      input,
      analysis: analyseSpread(input.cards),
      book: this.bookFor(input.language),
      picker: new PhrasePicker(new SeededRandom(seed)),
    };
    return { theme: writeTheme(ctx), journey: writeJourney(ctx), guidance: writeGuidance(ctx), source: 'builtin' };
  }

  private bookFor(language: string): PhraseBook {
    const base = language.toLowerCase().split(/[-_]/)[0];
    return this.books[base] ?? this.books.en ?? PHRASES_EN;
  }
}
