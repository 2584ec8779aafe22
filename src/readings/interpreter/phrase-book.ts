import type { Element, Suit } from 'src/readings/deck/card';

/** Each sentence type has several phrasings; the interpreter picks one with its seeded random. */
export type Variants<C> = readonly ((c: C) => string)[];

/** Card and position references arrive already rendered for mid-sentence use (see `cardRef`). */
export interface CardMention {
  card: string;
  position: string;
  reversed: boolean;
}

export interface PositionedCard extends CardMention {
  /** The position's meaning, a lower-case phrase. */
  meaning: string;
}

export interface NoteContext {
  first: string;
  second: string;
}

/**
 * Everything language-specific the built-in interpreter says. A language is one object of
 * this shape (`phrases.en.ts`); grammar lives in the functions, never in the interpreter.
 */
export interface PhraseBook {
  /** A card's name as used mid-sentence ("the Three of Cups", "the Tower", "Strength"). */
  cardRef(name: string): string;
  positionRef(name: string): string;
  capitalize(text: string): string;
  list(items: readonly string[]): string;
  count(n: number): string;
  /** User-provided text (already trimmed) in quotation marks, ending a sentence. */
  quoteAtEnd(text: string): string;
  quote(text: string): string;
  lowerKeyword(keyword: string): string;
  suitName(suit: Suit): string;
  elementName(element: Element): string;
  /** A noun phrase: what the element is about. */
  elementTheme(element: Element): string;
  /** A noun phrase: where to look first, for the question link. */
  elementFocus(element: Element | null): string;
  manyMajorsFocus: string;
  rankPlural(rank: number): string;
  rankMeaning(rank: number): string;
  /** Keyed by the two majors' numbers, lower first, e.g. `16-17`. */
  famousPairs: Record<string, (c: NoteContext) => string>;

  theme: {
    opening: Variants<{ spread: string; count: number }>;
    singleOpening: Variants<{ card: string; reversed: boolean }>;
    singleMajor: Variants<Record<string, never>>;
    singleMinor: Variants<{ suit: Suit }>;
    singleElement: Variants<{ element: Element }>;
    singleUpright: Variants<Record<string, never>>;
    singleReversed: Variants<Record<string, never>>;
    allMajors: Variants<{ total: number }>;
    manyMajors: Variants<{ majors: number; total: number }>;
    someMajors: Variants<{ majors: number; total: number; names: string[] }>;
    noMajors: Variants<Record<string, never>>;
    dominantSuit: Variants<{ suit: Suit; count: number }>;
    dominantElement: Variants<{ element: Element }>;
    balancedElements: Variants<Record<string, never>>;
    missingSuit: Variants<{ suit: Suit }>;
    noReversals: Variants<Record<string, never>>;
    fewReversals: Variants<{ reversed: number; total: number; names: string[] }>;
    manyReversals: Variants<{ reversed: number; total: number }>;
    allReversed: Variants<{ total: number }>;
    sameRank: Variants<{ rank: number; names: string[] }>;
    courtAndMajor: Variants<{ court: string; major: string }>;
    suitThroughTime: Variants<{ suit: Suit; past: string; future: string }>;
    withQuestion: Variants<{ focus: string }>;
    withoutQuestion: Variants<{ focus: string }>;
  };

  journey: {
    intro: Variants<PositionedCard>;
    /** For a position meaning with commas of its own, and with a colon or dash. */
    introForCommas: Variants<PositionedCard>;
    introForColons: Variants<PositionedCard>;
    uprightKeywords: Variants<{ keywords: string[] }>;
    reversedKeywords: Variants<{ keywords: string[] }>;
    sameSuitLink: Variants<{ suit: Suit; previous: string }>;
    turnsUprightLink: Variants<{ previous: string }>;
    turnsReversedLink: Variants<{ previous: string }>;
    reflection: Variants<Record<string, never>>;
  };

  guidance: {
    withQuestion: Variants<{ question: string }>;
    withoutQuestion: Variants<Record<string, never>>;
    oneAnswer: Variants<{ answer: string }>;
    twoAnswers: Variants<{ first: string; second: string }>;
    finalUpright: Variants<CardMention & { keywords: string[] }>;
    finalReversed: Variants<CardMention & { keywords: string[] }>;
    singleUpright: Variants<CardMention & { keywords: string[] }>;
    singleReversed: Variants<CardMention & { keywords: string[] }>;
    element: Record<Element | 'balanced', Variants<Record<string, never>>>;
    closing: Variants<Record<string, never>>;
  };
}
