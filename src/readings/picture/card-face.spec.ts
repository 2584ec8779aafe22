import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { CARD_TEXTS_RU } from 'src/readings/deck/card-texts.ru';
import { CARD_TEXTS_UK } from 'src/readings/deck/card-texts.uk';
import { DECKS } from 'src/readings/deck/card';
import { DECK } from 'src/readings/deck/deck';
import { cardDefinitions } from './card-art';
import { CardFace, fitName, numeralOf } from './card-face';
import { GlyphTextWriter } from './glyph-text-writer';
import { PictureFonts } from './picture-fonts';
import { sampleRequest } from './picture.fixtures';
import { measureOnPhone } from './picture-readability';
import { BUILT_IN_LAYOUTS } from './spread-layouts';
import { SpreadPicture } from './spread-picture';

const fonts = PictureFonts.load();
const measure = (line: string, size: number): number => fonts.width('name', line, size);

describe('card faces', () => {
  it('give each of the 22 major arcana an emblem of its own', () => {
    const emblems = [...cardDefinitions().matchAll(/<symbol id="art-major-(\d+)" viewBox="0 0 100 100">([\s\S]*?)<\/symbol>/g)];
    expect(emblems.map(([, n]) => Number(n))).toEqual(Array.from({ length: 22 }, (_, i) => i));
    expect(new Set(emblems.map(([, , body]) => body)).size).toBe(22);
    const face = new CardFace(new GlyphTextWriter(fonts));
    const fool = face.svg({ name: 'The Fool', arcana: 'major', suit: null, number: 0, reversed: false, positionName: 'x' });
    const world = face.svg({ name: 'The World', arcana: 'major', suit: null, number: 21, reversed: false, positionName: 'x' });
    expect(fool).toContain('href="#art-major-0"');
    expect(world).toContain('href="#art-major-21"');
  });

  it("mark aces and court cards with their rank in the user's language and deck", () => {
    const ranks = (texts: typeof CARD_TEXTS_EN, id: string, deck: (typeof DECKS)[number]) => {
      const facts = DECK.find((c) => c.id === id)!;
      return numeralOf({ arcana: facts.arcana, number: facts.number, name: texts[id].names[deck] });
    };
    expect(ranks(CARD_TEXTS_RU, 'queen_of_cups', 'rws')).toBe('Королева');
    expect(ranks(CARD_TEXTS_RU, 'page_of_wands', 'thoth')).toBe('Принцесса');
    expect(ranks(CARD_TEXTS_UK, 'knight_of_swords', 'rws')).toBe('Лицар');
    expect(ranks(CARD_TEXTS_RU, 'ace_of_pentacles', 'marseille')).toBe('Туз');
    expect(ranks(CARD_TEXTS_EN, 'king_of_cups', 'rws')).toBe('King');
    expect(ranks(CARD_TEXTS_RU, 'seven_of_cups', 'rws')).toBe('7');
    expect(ranks(CARD_TEXTS_RU, 'the_tower', 'rws')).toBe('XVI');
    for (const texts of [CARD_TEXTS_RU, CARD_TEXTS_UK]) {
      for (const card of DECK.filter((c) => c.arcana === 'minor')) for (const deck of DECKS) expect(ranks(texts, card.id, deck)).not.toMatch(/[A-Za-z]/);
    }
  });

  it.each([
    ['en', CARD_TEXTS_EN],
    ['uk', CARD_TEXTS_UK],
    ['ru', CARD_TEXTS_RU],
  ] as const)('fit every %s name of every deck by wrapping, never by cutting it short', (_language, texts) => {
    for (const card of DECK) {
      for (const deck of DECKS) {
        const name = texts[card.id].names[deck].replace(/\s*\([^)]*\)$/, '');
        const { lines, size } = fitName(name, 100, 71, measure);
        expect({ name, lines, cut: lines.some((line) => line.includes('…')) }).toEqual({ name, lines, cut: false });
        expect(lines.join(' ').replace(/- /g, '').replace(/-$/, '')).toBe(name);
        expect(size).toBeGreaterThanOrEqual(14);
      }
    }
  });
});

/**
 * Each spread's picture as Telegram for Android shows it on a phone 360 dp wide (a 252×352 dp box):
 * the smallest card name in dp. The figures are measured (bench/picture-readability.ts); these floors
 * keep them from sliding back to the 4–5 px names of the first design.
 */
const NAME_FLOOR_DP: Record<string, number> = {
  single: 15,
  daily: 15,
  three_card: 9,
  relationship: 8,
  career: 10,
  week_ahead: 7,
  monthly_guidance: 7,
  celtic_cross: 6,
  yearly_path: 6,
  life_path: 6,
};

describe('spread pictures on a 360-dp phone', () => {
  const sut = new SpreadPicture();

  it.each(BUILT_IN_LAYOUTS.map(({ key }) => key))('keep the card names of %s readable without opening the picture', (key) => {
    const smallest = Math.min(
      ...[0, 1, 2, 3].map((seed) => measureOnPhone(sut, key === 'daily' ? { ...sampleRequest('single', seed), spreadKey: 'daily' } : sampleRequest(key, seed)).name.size),
    );
    expect(smallest).toBeGreaterThanOrEqual(NAME_FLOOR_DP[key]);
  });
});
