/**
 * How a reader speaks about a card beyond its general meaning, in one language: the gist of it,
 * the person it describes, and what it says about love, work, money and one's own wellbeing and
 * growth. Each reading is written for the card, not assembled from keywords.
 */
export interface SideReading {
  /** The card's gist as a noun phrase, lower case, no final stop: "a leap taken on trust". */
  essence: string;
  /** One or two sentences about a person this card describes ("the other person", a court card). */
  person: string;
  /** One or two sentences each: the card in matters of the heart, of work, of money, of one's own energy and growth. */
  love: string;
  work: string;
  money: string;
  self: string;
}

export interface CardReading {
  /** Upright, with its shadow: the card's own light turned against you (read in obstacle and shadow positions). */
  upright: SideReading & { shadow: string };
  reversed: SideReading;
}
