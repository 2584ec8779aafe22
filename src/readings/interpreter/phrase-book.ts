import type { DeckStyle, Element, Suit } from 'src/readings/deck/card';
import type { Case, NameGrammar } from 'src/readings/deck/card-grammar';
import type { Tempo } from 'src/readings/deck/card-lore';
import type { LifeArea, PositionRole } from 'src/readings/spreads/position-roles';
import type { Subject } from './question-reader';

/** Each sentence type has several phrasings; the interpreter picks one with its seeded random. */
export type Variants<C> = readonly ((c: C) => string)[];

/** A card as the phrase books need it: its name as shown (without a Thoth title), how it declines, and its turn. */
export interface Named {
  name: string;
  grammar: NameGrammar;
  reversed: boolean;
}

/** A card in its place: the card, the position's name, and the card's gist in this orientation. */
export interface CardCtx {
  card: Named;
  position: string;
  /** The position with its preposition: "on Tuesday", "in March", "in the Challenge position". */
  place: string;
  essence: string;
}

export interface PairCtx {
  first: CardCtx;
  second: CardCtx;
}

export interface CardsCtx {
  cards: Named[];
  count: number;
  total: number;
}

/** Light: the card helps or is easy; dark: it weighs, blocks or is turned. */
export type Mood = 'light' | 'dark';
export type Moody<C> = Record<Mood, Variants<C>>;

export type Shape = 'rising' | 'falling' | 'steady_light' | 'steady_dark' | 'valley' | 'peak';
export type Leaning = 'yes' | 'lean_yes' | 'open' | 'lean_no' | 'no';
export type AnswerKind = 'hope' | 'value' | 'person' | 'obstacle' | 'strength' | 'plan' | 'fact';
/**
 * How an answer is taken up: by its kind; for an obstacle whose card is a bright one, as that card's
 * excess; for an answer naming a day or a month the spread has a card for, by that card.
 */
export type AnswerFrame = AnswerKind | 'brightObstacle' | 'dated';
export type ElementOrBalance = Element | 'balanced';

/**
 * Everything language-specific the built-in interpreter says. A language is one object of this
 * shape; grammar (cases, gender, plurals) lives in its functions, never in the interpreter.
 */
export interface PhraseBook {
  capitalize(text: string): string;
  list(items: readonly string[]): string;
  /** User-provided text in quotation marks, mid-sentence and ending a sentence. */
  quote(text: string): string;
  quoteAtEnd(text: string): string;
  /** The card mid-sentence, with its reversal ("the Tower reversed", «перевёрнутую Башню»). */
  card(card: Named, kase?: Case): string;
  /** The card's name mid-sentence, without the reversal. */
  bare(card: Named, kase?: Case): string;
  suit(suit: Suit, deck: DeckStyle): string;
  /** One line of a timeline: "Monday — the Five of Swords: choosing your battles". */
  timelineLine(period: string, card: Named, essence: string): string;
  /** A position with its preposition, by the kind of position it is. */
  place(position: string, period?: 'day' | 'week' | 'month' | 'stage'): string;
  chapterTitles: Record<string, string>;

  roles: Record<Exclude<PositionRole, 'period' | 'area'>, Moody<CardCtx>>;
  /** How a past card still acts on the present (past, foundation, wound, lesson positions). */
  echo: Variants<CardCtx>;
  periods: Record<'day' | 'week' | 'month' | 'stage', Moody<CardCtx>>;
  areas: Record<LifeArea, Moody<CardCtx>>;
  /** Optional links to the card before: the mood lifting, falling, or the same suit carrying on. */
  links: {
    rise: Variants<{ previous: Named; card: Named }>;
    fall: Variants<{ previous: Named; card: Named }>;
    sameSuit: Variants<{ previous: Named; card: Named; suit: string }>;
  };
  /** A closing question for a single card. */
  reflection: Variants<CardCtx>;

  theme: ThemePhrases;
  summary: {
    /** The first card's gist and the last's, the reading in one breath. */
    arc: Moody<PairCtx>;
    /** A spread that follows time, from its first period to its last. */
    span: Moody<PairCtx>;
    challenge: Moody<CardCtx>;
    single: Moody<CardCtx>;
    /** The theme card of a month or a year, over the whole span. */
    theme: Moody<CardCtx>;
  };
  guidance: GuidancePhrases;
}

export interface ThemePhrases {
  single: {
    opening: Moody<{ card: Named }>;
    major: Variants<CardCtx>;
    minor: Variants<CardCtx & { suit: string; element: Element }>;
  };
  allMajors: Variants<CardsCtx>;
  manyMajors: Variants<CardsCtx>;
  fewMajors: Variants<CardsCtx>;
  noMajors: Variants<CardsCtx>;
  dominantSuit: Variants<CardsCtx & { suit: string; element: Element }>;
  missingSuit: Variants<{ suit: string; element: Element }>;
  allUpright: Variants<CardsCtx>;
  manyReversed: Variants<CardsCtx>;
  allReversed: Variants<CardsCtx>;
  sameRank: Variants<CardsCtx & { rank: number }>;
  /** A court card as a person: who they may be, by rank and suit. */
  court: Variants<{ card: Named; who: string }>;
  courtPerson(rank: number, suit: Suit): string;
  famousPairs: Record<string, (c: { first: Named; second: Named }) => string>;
  movement: Record<Shape, Variants<PairCtx>>;
  /** Two positions read against each other, agreeing in mood or in tension. */
  crossings: Record<string, { agree: Variants<PairCtx>; tension: Variants<PairCtx> }>;
  /** The outcome held against the question (the Celtic Cross's tenth card). */
  outcomeAgainstQuestion: Moody<CardCtx>;
  /** The question's own suit present in force, or missing. */
  subjectSuit: {
    present: Variants<CardsCtx & { subject: Subject; suit: string }>;
    absent: Variants<{ subject: Subject; suit: string }>;
  };
}

export interface GuidancePhrases {
  /** Restating what was asked, in the user's words. */
  question: Variants<{ question: string }>;
  noQuestion: Variants<{ subject: Subject; card: Named }>;
  /** The lean of a yes-or-no question; the card is the one that answers most directly. */
  yesNo: Record<Leaning, Variants<{ card: Named }>>;
  /** The reasons: the cards that speak for, and against. */
  reasonsFor: Variants<CardsCtx>;
  reasonsAgainst: Variants<CardsCtx>;
  decision: Record<ElementOrBalance, Variants<{ card: Named }>>;
  timing: Record<Tempo, Variants<{ cards: Named[] }>>;
  /** For a spread that follows time: when things turn brightest. */
  brightestPeriod: Variants<CardCtx>;
  open: Moody<CardCtx>;
  /** Without a question: the card that sums the spread up. */
  gist: Moody<CardCtx>;
  /** The brightest card besides the answer: what to lean on. */
  ally: Variants<CardCtx>;
  /** The heaviest card besides the answer: what to watch. */
  watch: Variants<CardCtx>;
  /** One of the user's answers, tied to the card of the position it speaks to. */
  answer: Record<AnswerFrame, Variants<{ answer: string; card: CardCtx }>>;
  /** Practical advice for the question's subject, coloured by the spread's leading element. */
  advice: Record<Subject, Record<ElementOrBalance, Variants<Record<string, never>>>>;
  /** A gentle line where the cards must not replace a professional (health, money). */
  care: Partial<Record<Subject, Variants<Record<string, never>>>>;
  closing: Variants<{ card: Named; subject: Subject }>;
}
