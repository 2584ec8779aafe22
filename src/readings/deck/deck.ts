import { CardFacts, Element, Suit, SUITS } from './card';

// Golden Dawn attributions reduced to four elements: signs by their triplicity; planets Sun/Mars fire,
// Moon/Venus water, Mercury/Jupiter air, Saturn earth; the elemental trumps by their element (Judgement fire).
const MAJORS: readonly (readonly [id: string, element: Element])[] = [
  ['the_fool', 'air'], // Air
  ['the_magician', 'air'], // Mercury
  ['the_high_priestess', 'water'], // Moon
  ['the_empress', 'water'], // Venus
  ['the_emperor', 'fire'], // Aries
  ['the_hierophant', 'earth'], // Taurus
  ['the_lovers', 'air'], // Gemini
  ['the_chariot', 'water'], // Cancer
  ['strength', 'fire'], // Leo
  ['the_hermit', 'earth'], // Virgo
  ['wheel_of_fortune', 'air'], // Jupiter
  ['justice', 'air'], // Libra
  ['the_hanged_man', 'water'], // Water
  ['death', 'water'], // Scorpio
  ['temperance', 'fire'], // Sagittarius
  ['the_devil', 'earth'], // Capricorn
  ['the_tower', 'fire'], // Mars
  ['the_star', 'air'], // Aquarius
  ['the_moon', 'water'], // Pisces
  ['the_sun', 'fire'], // Sun
  ['judgement', 'fire'], // Fire
  ['the_world', 'earth'], // Saturn
];

const RANKS = [
  'ace',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'page',
  'knight',
  'queen',
  'king',
] as const;

const SUIT_ELEMENTS: Record<Suit, Element> = { wands: 'fire', cups: 'water', swords: 'air', pentacles: 'earth' };

export const DECK: readonly CardFacts[] = Object.freeze([
  ...MAJORS.map(
    ([id, element], number): CardFacts => Object.freeze({ id, arcana: 'major', suit: null, number, element }),
  ),
  ...SUITS.flatMap((suit) =>
    RANKS.map(
      (rank, i): CardFacts =>
        Object.freeze({
          id: `${rank}_of_${suit}`,
          arcana: 'minor',
          suit,
          number: i + 1,
          element: SUIT_ELEMENTS[suit],
        }),
    ),
  ),
]);

const BY_ID: ReadonlyMap<string, CardFacts> = new Map(DECK.map((card) => [card.id, card]));

export function cardById(id: string): CardFacts | undefined {
  return BY_ID.get(id);
}
