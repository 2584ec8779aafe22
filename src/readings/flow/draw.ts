import { randomInt } from 'node:crypto';

export interface Draw {
  /** Index into the deck. */
  index: number;
  reversed: boolean;
}

/** A source of uniform integers in [0, max): crypto's by default, a seeded one in tests. */
export type RandomInt = (max: number) => number;

const secureRandomInt: RandomInt = (max) => randomInt(max);
const PROBABILITY_SCALE = 1_000_000;

/**
 * Draws `count` distinct cards from a deck of `deckSize` (a partial Fisher–Yates shuffle), each
 * reversed with `reversalProbability` unless reversals are off.
 */
export function drawCards(
  count: number,
  deckSize: number,
  reversalProbability: number,
  reversals: boolean,
  random: RandomInt = secureRandomInt,
): Draw[] {
  if (count > deckSize) throw new Error(`Cannot draw ${count} cards from ${deckSize}`);
  const order = Array.from({ length: deckSize }, (_, i) => i);
  const threshold = Math.round(reversalProbability * PROBABILITY_SCALE);
  const drawn: Draw[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + random(deckSize - i);
    [order[i], order[j]] = [order[j], order[i]];
    drawn.push({ index: order[i], reversed: reversals && random(PROBABILITY_SCALE) < threshold });
  }
  return drawn;
}
