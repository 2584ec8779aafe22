/*
 * How readable each spread picture is on a phone 360 dp wide, without opening it:
 * npx ts-node -r tsconfig-paths/register bench/picture-readability.ts
 * For every spread and language (a few draws each, Thoth names included, the longest there are)
 * it prints the picture's size, how much Telegram shrinks it, and the smallest card name and
 * position label as font size and capital height in dp.
 */
import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { CARD_TEXTS_RU } from 'src/readings/deck/card-texts.ru';
import { CARD_TEXTS_UK } from 'src/readings/deck/card-texts.uk';
import { DECKS } from 'src/readings/deck/card';
import { DECK } from 'src/readings/deck/deck';
import { measureOnPhone, PHOTO_BOX } from 'src/readings/picture/picture-readability';
import { BUILT_IN_LAYOUTS } from 'src/readings/picture/spread-layouts';
import { SpreadPicture } from 'src/readings/picture/spread-picture';
import { SPREAD_TEXTS_EN } from 'src/readings/spreads/spread-texts.en';
import { SPREAD_TEXTS_RU } from 'src/readings/spreads/spread-texts.ru';
import { SPREAD_TEXTS_UK } from 'src/readings/spreads/spread-texts.uk';

const LANGUAGES = { en: [CARD_TEXTS_EN, SPREAD_TEXTS_EN], uk: [CARD_TEXTS_UK, SPREAD_TEXTS_UK], ru: [CARD_TEXTS_RU, SPREAD_TEXTS_RU] } as const;
const DRAWS = 12;
const sut = new SpreadPicture();
console.log(`photo box on a 360-dp phone: ${PHOTO_BOX.width}×${PHOTO_BOX.height} dp; smallest over ${DRAWS} draws × 3 decks`);
console.log('spread             lang  picture     shown at  name size/cap  label size/cap');
for (const { key } of BUILT_IN_LAYOUTS.filter((layout) => SPREAD_TEXTS_EN[layout.key])) {
  for (const [language, [cards, spreads]] of Object.entries(LANGUAGES)) {
    const spread = spreads[key];
    let worst: ReturnType<typeof measureOnPhone> | undefined;
    for (let seed = 0; seed < DRAWS; seed += 1) {
      for (const deck of DECKS) {
        const request = {
          spreadKey: key,
          spreadName: spread.name,
          cards: Object.values(spread.positions).map((position, i) => {
            const facts = DECK[(seed * 17 + i * 29 + 3) % DECK.length];
            return { name: cards[facts.id].names[deck], arcana: facts.arcana, suit: facts.suit, number: facts.number, reversed: (i + seed) % 3 === 1, positionName: position.name };
          }),
        };
        const measured = measureOnPhone(sut, request);
        if (!worst || measured.name.size < worst.name.size) worst = measured;
      }
    }
    if (!worst) continue;
    console.log(
      [
        key.padEnd(18),
        language.padEnd(4),
        `${worst.width}×${worst.height}`.padEnd(11),
        `${Math.round(worst.scale * 100)} %`.padStart(8),
        `${worst.name.size} / ${worst.name.capHeight} dp`.padStart(14),
        `${worst.label.size} / ${worst.label.capHeight} dp`.padStart(15),
      ].join(' '),
    );
  }
}
