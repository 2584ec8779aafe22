import { DECKS, SUITS } from './card';
import { CARD_TEXTS_EN } from './card-texts.en';
import { cardById, DECK } from './deck';

const sentenceCount = (text: string): number => (text.match(/[.!?]+(?=\s|$)/g) ?? []).length;

describe('deck', () => {
  it('has 78 cards with unique ids', () => {
    expect(DECK).toHaveLength(78);
    expect(new Set(DECK.map((c) => c.id)).size).toBe(78);
  });

  it('has 22 majors numbered 0–21 in order, without a suit', () => {
    const majors = DECK.filter((c) => c.arcana === 'major');
    expect(majors.map((c) => c.number)).toEqual(Array.from({ length: 22 }, (_, i) => i));
    expect(majors.every((c) => c.suit === null)).toBe(true);
    expect(DECK.slice(0, 22)).toEqual(majors);
    expect(cardById('strength')?.number).toBe(8);
    expect(cardById('justice')?.number).toBe(11);
  });

  it.each(SUITS)('has 14 %s numbered 1–14', (suit) => {
    const cards = DECK.filter((c) => c.suit === suit);
    expect(cards.map((c) => c.number)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(cards.every((c) => c.arcana === 'minor')).toBe(true);
    expect(new Set(cards.map((c) => c.element)).size).toBe(1);
  });

  it('orders the minors wands, cups, swords, pentacles', () => {
    expect(DECK.slice(22).map((c) => c.suit)).toEqual(SUITS.flatMap((s) => Array<string>(14).fill(s)));
  });

  it('finds cards by id and returns undefined for an unknown id', () => {
    for (const card of DECK) expect(cardById(card.id)).toBe(card);
    expect(cardById('the_fool')).toMatchObject({ number: 0, arcana: 'major', element: 'air' });
    expect(cardById('king_of_pentacles')).toMatchObject({ number: 14, suit: 'pentacles', element: 'earth' });
    expect(cardById('the_joker')).toBeUndefined();
    expect(cardById('')).toBeUndefined();
  });
});

describe('CARD_TEXTS_EN', () => {
  const texts = DECK.map((c) => CARD_TEXTS_EN[c.id]);

  it('has exactly one entry per card', () => {
    expect(Object.keys(CARD_TEXTS_EN).sort()).toEqual(DECK.map((c) => c.id).sort());
  });

  it.each(DECKS)('has non-empty, unique %s names', (style) => {
    const names = texts.map((t) => t.names[style].trim());
    expect(names.every((n) => n.length > 0)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has 3–5 non-empty keywords per side, differing between sides', () => {
    for (const t of texts) {
      for (const side of [t.upright, t.reversed]) {
        expect(side.keywords.length).toBeGreaterThanOrEqual(3);
        expect(side.keywords.length).toBeLessThanOrEqual(5);
        expect(side.keywords.every((k) => k.trim().length > 0)).toBe(true);
      }
      expect([...t.reversed.keywords].sort()).not.toEqual([...t.upright.keywords].sort());
    }
  });

  it('has meanings of 2–4 sentences, all 156 distinct', () => {
    const meanings = texts.flatMap((t) => [t.upright.meaning, t.reversed.meaning]);
    for (const m of meanings) {
      const n = sentenceCount(m);
      expect({ m, ok: n >= 2 && n <= 4 }).toEqual({ m, ok: true });
    }
    expect(new Set(meanings.map((m) => m.trim())).size).toBe(156);
  });
});
