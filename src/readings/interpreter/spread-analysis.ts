import { SUITS, type Element, type Suit } from 'src/readings/deck/card';
import type { InterpretedCard } from './interpretation';

const ELEMENTS: readonly Element[] = ['fire', 'water', 'air', 'earth'];
export const SUIT_ELEMENTS: Record<Suit, Element> = { wands: 'fire', cups: 'water', swords: 'air', pentacles: 'earth' };
const PAST_POSITIONS = new Set(['past', 'recent_past', 'foundation', 'roots', 'childhood']);
const FUTURE_POSITIONS = new Set(['future', 'near_future', 'outcome', 'potential', 'next_step', 'next_chapter']);
/** Pairs of majors (by number) that readers traditionally read together; lower number first. */
const FAMOUS_PAIRS: readonly [number, number][] = [
  [16, 17],
  [13, 19],
  [6, 15],
  [18, 19],
  [1, 2],
  [3, 4],
  [0, 21],
];
const FIRST_COURT_RANK = 11;

export type SpreadNote =
  | { kind: 'famous_pair'; key: string; first: InterpretedCard; second: InterpretedCard }
  | { kind: 'same_rank'; rank: number; cards: InterpretedCard[] }
  | { kind: 'suit_through_time'; suit: Suit; past: InterpretedCard; future: InterpretedCard }
  | { kind: 'court_and_major'; court: InterpretedCard; major: InterpretedCard };

export type Level = 'none' | 'some' | 'many' | 'all';

export interface SpreadAnalysis {
  total: number;
  majors: InterpretedCard[];
  /** `many` from half of the cards. */
  majorLevel: Level;
  suitCounts: Record<Suit, number>;
  /** The suit with strictly the most minor cards, at least two of them. */
  dominantSuit: Suit | null;
  /** Over every card, majors included; for a single card, its own element. */
  dominantElement: Element | null;
  /** The element the reading leans to: the dominant suit's, else the dominant element. */
  focusElement: Element | null;
  /** Suits absent from a spread big enough (7+ cards) for their absence to mean something. */
  missingSuits: Suit[];
  reversed: InterpretedCard[];
  /** `many` from half of the cards. */
  reversalLevel: Level;
  /** Most telling first. */
  notes: SpreadNote[];
}

/** The spread as a whole: what a reader notices before reading card by card. */
export function analyseSpread(cards: readonly InterpretedCard[]): SpreadAnalysis {
  const total = cards.length;
  const majors = cards.filter((c) => c.facts.arcana === 'major');
  const reversed = cards.filter((c) => c.reversed);
  const suitCounts = countBy(SUITS, cards.map((c) => c.facts.suit));
  const elementCounts = countBy(ELEMENTS, cards.map((c) => c.facts.element));
  const dominantSuit = leader(suitCounts, 2);
  const dominantElement = total === 1 ? cards[0].facts.element : leader(elementCounts, 2);
  return {
    total,
    majors,
    majorLevel: level(majors.length, total, (n) => n * 2 >= total),
    suitCounts,
    dominantSuit,
    dominantElement,
    focusElement: dominantSuit ? SUIT_ELEMENTS[dominantSuit] : dominantElement,
    missingSuits: total >= 7 ? SUITS.filter((s) => suitCounts[s] === 0) : [],
    reversed,
    reversalLevel: level(reversed.length, total, (n) => n * 2 >= total),
    notes: [...famousPairs(cards), ...sameRanks(cards), ...suitThroughTime(cards), ...courtAndMajor(cards, majors)],
  };
}

function level(n: number, total: number, isMany: (n: number) => boolean): Level {
  if (n === 0) return 'none';
  if (n === total) return 'all';
  return isMany(n) ? 'many' : 'some';
}

function countBy<K extends string>(keys: readonly K[], values: readonly (K | null)[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) if (v !== null) counts[v] += 1;
  return counts;
}

function leader<K extends string>(counts: Record<K, number>, minimum: number): K | null {
  const sorted = (Object.entries(counts) as [K, number][]).sort((a, b) => b[1] - a[1]);
  const [top, second] = sorted;
  if (!top || top[1] < minimum || (second && second[1] === top[1])) return null;
  return top[0];
}

function famousPairs(cards: readonly InterpretedCard[]): SpreadNote[] {
  const major = (n: number) => cards.find((c) => c.facts.arcana === 'major' && c.facts.number === n);
  const notes: SpreadNote[] = [];
  for (const [a, b] of FAMOUS_PAIRS) {
    const first = major(a);
    const second = major(b);
    if (first && second) notes.push({ kind: 'famous_pair', key: `${a}-${b}`, first, second });
  }
  return notes;
}

function sameRanks(cards: readonly InterpretedCard[]): SpreadNote[] {
  const byRank = new Map<number, InterpretedCard[]>();
  for (const c of cards.filter((c) => c.facts.arcana === 'minor')) {
    byRank.set(c.facts.number, [...(byRank.get(c.facts.number) ?? []), c]);
  }
  return [...byRank.entries()]
    .filter(([, group]) => group.length >= 2)
    .sort((a, b) => b[1].length - a[1].length)
    .map(([rank, group]) => ({ kind: 'same_rank', rank, cards: group }));
}

function suitThroughTime(cards: readonly InterpretedCard[]): SpreadNote[] {
  for (const past of cards.filter((c) => PAST_POSITIONS.has(c.position.key) && c.facts.suit)) {
    const future = cards.find((c) => FUTURE_POSITIONS.has(c.position.key) && c.facts.suit === past.facts.suit);
    if (future && past.facts.suit) return [{ kind: 'suit_through_time', suit: past.facts.suit, past, future }];
  }
  return [];
}

function courtAndMajor(cards: readonly InterpretedCard[], majors: readonly InterpretedCard[]): SpreadNote[] {
  const court = cards.find((c) => c.facts.arcana === 'minor' && c.facts.number >= FIRST_COURT_RANK);
  return court && majors.length > 0 ? [{ kind: 'court_and_major', court, major: majors[0] }] : [];
}
