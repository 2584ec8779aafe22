import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { CARD_TEXTS_RU } from 'src/readings/deck/card-texts.ru';
import { CARD_TEXTS_UK } from 'src/readings/deck/card-texts.uk';
import { DECKS } from 'src/readings/deck/card';
import { DECK } from 'src/readings/deck/deck';
import { cardDefinitions } from './card-art';
import { CardFace, fitName, numeralOf } from './card-face';
import { GlyphTextWriter } from './glyph-text-writer';
import { PictureFonts } from './picture-fonts';

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

