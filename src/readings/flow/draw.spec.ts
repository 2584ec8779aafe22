import { drawCards } from './draw';

describe('drawCards', () => {
  it('never repeats a card within a draw', () => {
    for (let i = 0; i < 500; i++) {
      const indexes = drawCards(15, 78, 0.3, true).map((d) => d.index);
      expect(new Set(indexes).size).toBe(15);
      expect(indexes.every((x) => x >= 0 && x < 78)).toBe(true);
    }
  });

  it('reaches every card and reverses near the configured rate over many draws', () => {
    const seen = new Array(78).fill(0);
    let reversed = 0;
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      for (const card of drawCards(3, 78, 0.3, true)) {
        seen[card.index]++;
        if (card.reversed) reversed++;
      }
    }
    // 60,000 cards: each card expected ~769 times; the bounds are many standard deviations wide.
    expect(Math.min(...seen)).toBeGreaterThan(600);
    expect(Math.max(...seen)).toBeLessThan(950);
    const rate = reversed / (draws * 3);
    expect(rate).toBeGreaterThan(0.28);
    expect(rate).toBeLessThan(0.32);
  });

  it('reverses nothing when the user turned reversals off', () => {
    const cards = Array.from({ length: 200 }, () => drawCards(10, 78, 0.9, false)).flat();
    expect(cards.some((c) => c.reversed)).toBe(false);
  });

  it('refuses to draw more cards than the deck holds', () => {
    expect(() => drawCards(79, 78, 0.3, true)).toThrow(/Cannot draw/);
  });
});
