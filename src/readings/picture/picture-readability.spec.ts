import { DECKS } from 'src/readings/deck/card';
import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { CARD_TEXTS_RU } from 'src/readings/deck/card-texts.ru';
import { CARD_TEXTS_UK } from 'src/readings/deck/card-texts.uk';
import { DECK } from 'src/readings/deck/deck';
import { SPREAD_TEXTS_EN } from 'src/readings/spreads/spread-texts.en';
import { SPREAD_TEXTS_RU } from 'src/readings/spreads/spread-texts.ru';
import { SPREAD_TEXTS_UK } from 'src/readings/spreads/spread-texts.uk';
import { measureOnPhone } from './picture-readability';
import { BUILT_IN_LAYOUTS } from './spread-layouts';
import { type PictureRequest, SpreadPicture } from './spread-picture';

const LANGUAGES = [
  ['en', CARD_TEXTS_EN, SPREAD_TEXTS_EN],
  ['uk', CARD_TEXTS_UK, SPREAD_TEXTS_UK],
  ['ru', CARD_TEXTS_RU, SPREAD_TEXTS_RU],
] as const;
/** Readable in the chat without opening the picture (issue 15): font sizes in dp on a 360-dp phone. */
const NAME_FLOOR_DP = 10;
const LABEL_FLOOR_DP = 8;

/**
 * Draws of one spread that between them put every card of the deck in the picture twice, at two
 * different positions, every other one reversed; and one draw of the cards with the longest names
 * in the language and deck, all together.
 */
function everyCardIn(key: string, texts: (typeof LANGUAGES)[number], deck: (typeof DECKS)[number]): PictureRequest[] {
  const [, cards, spreads] = texts;
  const spread = spreads[key];
  const positions = Object.values(spread.positions);
  const draw = (facts: typeof DECK, reversed: (i: number) => boolean): PictureRequest => ({
    spreadKey: key,
    spreadName: spread.name,
    cards: positions.map((position, i) => ({
      name: cards[facts[i].id].names[deck],
      arcana: facts[i].arcana,
      suit: facts[i].suit,
      number: facts[i].number,
      reversed: reversed(i),
      positionName: position.name,
    })),
  });
  const draws = Math.ceil(DECK.length / positions.length);
  const longest = [...DECK].sort((a, b) => cards[b.id].names[deck].length - cards[a.id].names[deck].length);
  return [
    ...[0, 1].flatMap((pass) =>
      Array.from({ length: draws }, (_, n) =>
        draw(
          positions.map((_position, i) => DECK[(n * positions.length + i + pass * 37) % DECK.length]),
          (i) => (i + n + pass) % 2 === 1,
        ),
      ),
    ),
    draw(longest, () => false),
  ];
}

describe('spread pictures on a 360-dp phone', () => {
  const sut = new SpreadPicture();
  const cases = BUILT_IN_LAYOUTS.flatMap(({ key }) => LANGUAGES.flatMap((texts) => DECKS.map((deck) => [key, texts[0], deck, texts] as const)));

  it.each(cases)('keep every card name and position label of %s (%s, %s deck) readable without opening the picture', (key, _language, deck, texts) => {
    const measured = everyCardIn(key, texts, deck).map((request) => measureOnPhone(sut, request));

    const smallest = { name: Math.min(...measured.map((m) => m.name.size)), label: Math.min(...measured.map((m) => m.label.size)) };
    expect(smallest.name).toBeGreaterThanOrEqual(NAME_FLOOR_DP);
    expect(smallest.label).toBeGreaterThanOrEqual(LABEL_FLOOR_DP);
  });
});
