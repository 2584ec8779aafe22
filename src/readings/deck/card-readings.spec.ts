import { CARD_READINGS_EN } from './card-readings.en';
import { CARD_READINGS_RU } from './card-readings.ru';
import { CARD_READINGS_UK } from './card-readings.uk';
import { DECK } from './deck';
import { LORE_CARD_IDS } from './card-lore';

const LANGUAGES = [
  ['en', CARD_READINGS_EN],
  ['uk', CARD_READINGS_UK],
  ['ru', CARD_READINGS_RU],
] as const;
const SENTENCE_PARTS = ['person', 'love', 'work', 'money', 'self'] as const;

describe.each(LANGUAGES)('%s card readings', (language, readings) => {
  it('read every card of the deck, both sides', () => {
    expect(Object.keys(readings).sort()).toEqual(DECK.map((c) => c.id).sort());
  });

  it('give each side a gist to set in a sentence and whole sentences for the rest', () => {
    for (const [id, reading] of Object.entries(readings)) {
      for (const side of [reading.upright, reading.reversed]) {
        expect({ id, essence: side.essence, ok: /^[\p{Ll}]/u.test(side.essence) && !/[.:;!?]$/.test(side.essence) && !side.essence.includes(':') }).toEqual({ id, essence: side.essence, ok: true });
        for (const part of SENTENCE_PARTS) {
          expect({ id, part, text: side[part], ok: /^[\p{Lu}]/u.test(side[part]) && /[.!?]$/.test(side[part]) }).toEqual({ id, part, text: side[part], ok: true });
        }
      }
      expect(/^[\p{Lu}].*[.!?]$/u.test(reading.upright.shadow)).toBe(true);
      if (language !== 'en') expect([...Object.values(reading.upright), ...Object.values(reading.reversed)].join(' ')).not.toMatch(/[A-Za-z]/);
    }
  });

  it('say something of its own for each card, never repeating another card', () => {
    const texts = Object.values(readings).flatMap((r) => [r.upright.essence, r.reversed.essence, r.upright.shadow, r.upright.person, r.upright.love, r.upright.work]);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('card lore', () => {
  it('knows every card of the deck', () => {
    expect([...LORE_CARD_IDS].sort()).toEqual(DECK.map((c) => c.id).sort());
  });
});
