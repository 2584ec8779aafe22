import type { CardFacts, CardText } from 'src/readings/deck/card';

/** One drawn card with everything an interpreter needs to speak about it. */
export interface InterpretedCard {
  facts: CardFacts;
  /** The card's texts in the reading's language. */
  text: CardText;
  /** The name as shown, in the user's deck style. */
  name: string;
  reversed: boolean;
  position: { key: string; name: string; meaning: string };
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
  language: string;
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
}

export interface Interpreter {
  interpret(input: InterpretationInput, seed: number): Promise<Interpretation>;
}
