export const SUITS = ['wands', 'cups', 'swords', 'pentacles'] as const;
export type Suit = (typeof SUITS)[number];
export type Arcana = 'major' | 'minor';
export type Element = 'fire' | 'water' | 'air' | 'earth';
export const DECKS = ['rws', 'thoth', 'marseille'] as const;
/** Naming traditions: Rider–Waite–Smith (default), Thoth, Marseille. */
export type DeckStyle = (typeof DECKS)[number];

/** The language-independent facts of a card. */
export interface CardFacts {
  /** Stable id, e.g. `the_fool`, `ace_of_wands`, `king_of_pentacles`. */
  id: string;
  arcana: Arcana;
  /** null for the major arcana. */
  suit: Suit | null;
  /** Majors 0–21; minors 1–14 (11 page, 12 knight, 13 queen, 14 king). */
  number: number;
  element: Element;
}

export interface CardSide {
  /** Three to five short keywords. */
  keywords: string[];
  /** Two to four sentences, written for this project. */
  meaning: string;
}

/** What a card says, in one language. */
export interface CardText {
  names: Record<DeckStyle, string>;
  upright: CardSide;
  reversed: CardSide;
}
