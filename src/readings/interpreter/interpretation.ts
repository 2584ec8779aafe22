import type { CardFacts, CardText, DeckStyle } from 'src/readings/deck/card';
import type { LifeArea, PositionRole } from 'src/readings/spreads/position-roles';
import type { QuestionFocus } from './question-reader';

/** One drawn card with everything an interpreter needs to speak about it. */
export interface InterpretedCard {
  facts: CardFacts;
  /** The card's texts in the reading's language. */
  text: CardText;
  /** The name as shown, in the user's deck style. */
  name: string;
  reversed: boolean;
  position: {
    key: string;
    name: string;
    meaning: string;
    /** What the position does in the spread (see position-roles.ts); derived from the keys when absent. */
    role?: PositionRole;
    /** For a position about one area of life (a month's "Love"), which. */
    area?: LifeArea;
  };
}

export interface InterpretationInput {
  spreadKey: string;
  spreadName: string;
  /** In position order. */
  cards: InterpretedCard[];
  /** The user's free-text question, as typed. */
  question: string | null;
  /** Questionnaire answers in the order asked; null when skipped. */
  answers: { question: string; answer: string | null }[];
  /** The questionnaire's key, so each answer can be tied to the position it speaks to. */
  questionnaire?: string | null;
  language: string;
  /** The naming tradition the user chose; suits and names in the text follow it. */
  deck?: DeckStyle;
  /** What the question is about and what kind of answer it wants; read from the texts when absent. */
  focus?: QuestionFocus;
  /**
   * Keys (sentenceKey) of sentences this user has already been given in recent readings: the
   * built-in interpreter says none of them again.
   */
  recentSentences?: ReadonlySet<string>;
}

/** Plain text only: the caller escapes and formats it. */
export interface Interpretation {
  /** Theme and energy of the whole spread; paragraphs separated by a blank line. */
  theme: string;
  /** One paragraph per card, in position order. */
  journey: string[];
  /** Practical guidance answering the question. */
  guidance: string;
  source: 'builtin' | 'llm';
  /** The reading in a few sentences, shown first (larger spreads). */
  summary?: string;
  /** Headings over the journey: each starts before the card at `start`. */
  chapters?: { title: string; start: number }[];
  /** One line per day, week, month or stage (spreads that follow time). */
  timeline?: string[];
}

/** What an interpreter that writes as it goes (a streaming LLM) has written so far; the last text may stop mid-word. */
export interface ReadingProgress {
  theme?: string;
  journey: string[];
  guidance?: string;
}

export interface InterpretOptions {
  /**
   * Called whenever an interpreter that writes as it goes has more. `read()` works out what
   * there is (it parses), so it is worth calling only when showing it. After a failed attempt it
   * reads as empty: what was shown is abandoned and the text starts over, or another interpreter
   * writes the reading.
   */
  onProgress?: (read: () => ReadingProgress) => void;
}

export interface Interpreter {
  interpret(input: InterpretationInput, seed: number, options?: InterpretOptions): Promise<Interpretation>;
}
