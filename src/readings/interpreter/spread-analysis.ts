import { SUITS, type Element, type Suit } from 'src/readings/deck/card';
import type { Tempo } from 'src/readings/deck/card-lore';
import { POSITION_PAIRS } from 'src/readings/spreads/position-roles';
import type { Shape } from './phrase-book';
import type { ReadCard } from './writer-context';

export const SUIT_ELEMENTS: Record<Suit, Element> = { wands: 'fire', cups: 'water', swords: 'air', pentacles: 'earth' };
/** Pairs of majors (by number) that readers traditionally read together; lower number first. */
const FAMOUS_PAIRS: readonly [number, number][] = [
  [16, 17],
  [13, 19],
  [6, 15],
  [18, 19],
  [1, 2],
  [3, 4],
  [0, 21],
  [9, 17],
  [10, 11],
  [13, 20],
];
const FIRST_COURT_RANK = 11;
/** The order of time in positions that are not a calendar: what was, what is, what comes, where it ends. */
const TIME_RANK: Partial<Record<string, number>> = { past: 0, foundation: 0, situation: 1, self: 1, future: 2, outcome: 3 };
const CELTIC_TIME = ['recent_past', 'present', 'near_future', 'outcome'];
const TEMPO_VALUE: Record<Tempo, number> = { still: 0, slow: 1, steady: 2, fast: 3 };

export type Level = 'none' | 'some' | 'many' | 'all';

export interface SpreadAnalysis {
  total: number;
  majors: ReadCard[];
  /** `many` from half of the cards. */
  majorLevel: Level;
  suitCounts: Record<Suit, number>;
  /** The suit with strictly the most minor cards, at least two of them. */
  dominantSuit: Suit | null;
  /** The element the reading leans to: the dominant suit's, else the most frequent element over all cards. */
  focusElement: Element | null;
  /** Suits absent from a spread big enough (7+ cards) for their absence to mean something. */
  missingSuits: Suit[];
  reversed: ReadCard[];
  reversalLevel: Level;
  sameRanks: { rank: number; cards: ReadCard[] }[];
  courts: ReadCard[];
  famousPairs: { key: string; first: ReadCard; second: ReadCard }[];
  /** How the mood moves through the cards that stand for time, when at least three do. */
  movement: { shape: Shape; first: ReadCard; last: ReadCard } | null;
  /** The spread's classic position pairs, present in this reading. */
  crossings: { key: string; first: ReadCard; second: ReadCard }[];
  tempo: Tempo;
}

/** The spread as a whole: what a reader notices before reading card by card. */
export function analyseSpread(spreadKey: string, cards: readonly ReadCard[]): SpreadAnalysis {
  const total = cards.length;
  const majors = cards.filter((c) => c.card.facts.arcana === 'major');
  const reversed = cards.filter((c) => c.card.reversed);
  const suitCounts = countBy(SUITS, cards.map((c) => c.card.facts.suit));
  const elementCounts = countBy(['fire', 'water', 'air', 'earth'] as const, cards.map((c) => c.card.facts.element));
  const dominantSuit = leader(suitCounts, 2);
  return {
    total,
    majors,
    majorLevel: level(majors.length, total),
    suitCounts,
    dominantSuit,
    focusElement: dominantSuit ? SUIT_ELEMENTS[dominantSuit] : total === 1 ? cards[0].card.facts.element : leader(elementCounts, 2),
    missingSuits: total >= 7 ? SUITS.filter((s) => suitCounts[s] === 0) : [],
    reversed,
    reversalLevel: level(reversed.length, total),
    sameRanks: sameRanks(cards),
    courts: cards.filter((c) => c.card.facts.arcana === 'minor' && c.card.facts.number >= FIRST_COURT_RANK),
    famousPairs: famousPairs(cards),
    movement: movement(spreadKey, cards),
    crossings: (POSITION_PAIRS[spreadKey] ?? []).flatMap(([a, b, key]) => {
      const first = cards.find((c) => c.card.position.key === a);
      const second = cards.find((c) => c.card.position.key === b);
      return first && second ? [{ key, first, second }] : [];
    }),
    tempo: tempoOf(cards),
  };
}

/** A card's weight in the mood of a reading: bright +1, double-edged 0 (a little less when turned), heavy −1. */
export function moodValue(card: ReadCard): number {
  if (card.tone === 'bright') return 1;
  if (card.tone === 'heavy') return -1;
  return card.card.reversed ? -0.5 : 0;
}

function level(n: number, total: number): Level {
  if (n === 0) return 'none';
  if (n === total) return 'all';
  return n * 2 >= total ? 'many' : 'some';
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

function famousPairs(cards: readonly ReadCard[]): SpreadAnalysis['famousPairs'] {
  const major = (n: number) => cards.find((c) => c.card.facts.arcana === 'major' && c.card.facts.number === n);
  return FAMOUS_PAIRS.flatMap(([a, b]) => {
    const first = major(a);
    const second = major(b);
    return first && second ? [{ key: `${a}-${b}`, first, second }] : [];
  });
}

function sameRanks(cards: readonly ReadCard[]): SpreadAnalysis['sameRanks'] {
  const byRank = new Map<number, ReadCard[]>();
  for (const c of cards.filter((c) => c.card.facts.arcana === 'minor')) {
    byRank.set(c.card.facts.number, [...(byRank.get(c.card.facts.number) ?? []), c]);
  }
  return [...byRank.entries()]
    .filter(([, group]) => group.length >= 2)
    .sort((a, b) => b[1].length - a[1].length)
    .map(([rank, group]) => ({ rank, cards: group }));
}

/** The cards that stand for time, in time's order: a calendar's periods, the stages of a life, or past, present and future. */
export function timeLine(spreadKey: string, cards: readonly ReadCard[]): ReadCard[] {
  const periods = cards.filter((c) => c.spec.period);
  if (periods.length >= 3) return periods;
  if (spreadKey === 'celtic_cross') {
    return CELTIC_TIME.flatMap((key) => cards.filter((c) => c.card.position.key === key));
  }
  const timed = cards.filter((c) => TIME_RANK[c.spec.role] !== undefined);
  const ranks = new Set(timed.map((c) => TIME_RANK[c.spec.role]));
  if (ranks.size < 3) return [];
  return [...timed].sort((a, b) => (TIME_RANK[a.spec.role] ?? 0) - (TIME_RANK[b.spec.role] ?? 0) || a.index - b.index);
}

function movement(spreadKey: string, cards: readonly ReadCard[]): SpreadAnalysis['movement'] {
  const line = timeLine(spreadKey, cards);
  if (line.length < 3) return null;
  const values = line.map(moodValue);
  const start = values[0];
  const end = values[values.length - 1];
  const inner = values.slice(1, -1);
  const first = line[0];
  const last = line[line.length - 1];
  // The direction agrees with how the last card reads: a story that ends on a light card is not "going downhill".
  if (end - start >= 1 && end >= 0) return { shape: 'rising', first, last };
  if (start - end >= 1 && end < 0) return { shape: 'falling', first, last };
  if (Math.min(...inner) <= Math.min(start, end) - 1) return { shape: 'valley', first, last };
  if (Math.max(...inner) >= Math.max(start, end) + 1) return { shape: 'peak', first, last };
  const average = values.reduce((a, b) => a + b, 0) / values.length;
  return { shape: average >= 0 ? 'steady_light' : 'steady_dark', first, last };
}

function tempoOf(cards: readonly ReadCard[]): Tempo {
  const average = cards.reduce((sum, c) => sum + TEMPO_VALUE[c.lore.tempo], 0) / cards.length;
  if (average >= 2.4) return 'fast';
  if (average >= 1.6) return 'steady';
  return average >= 0.8 ? 'slow' : 'still';
}
