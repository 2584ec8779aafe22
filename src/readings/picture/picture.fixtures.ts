import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { DECK } from 'src/readings/deck/deck';
import { SPREAD_TEXTS_EN } from 'src/readings/spreads/spread-texts.en';
import type { PictureCard, PictureRequest } from './spread-picture';

/** A spread's picture request drawn from the real deck and English texts, deterministically (every third card reversed). */
export function sampleRequest(spreadKey: string, seed = 0): PictureRequest {
  const spread = SPREAD_TEXTS_EN[spreadKey];
  if (!spread) throw new Error(`no English texts for spread ${spreadKey}`);
  const cards = Object.values(spread.positions).map((position, i): PictureCard => {
    const facts = DECK[(seed * 13 + i * 29 + 5) % DECK.length];
    return {
      name: CARD_TEXTS_EN[facts.id].names.rws,
      arcana: facts.arcana,
      suit: facts.suit,
      number: facts.number,
      reversed: i % 3 === 1,
      positionName: position.name,
    };
  });
  return { spreadKey, spreadName: spread.name, cards };
}

export const CYRILLIC_REQUEST: PictureRequest = {
  spreadKey: 'three_card',
  spreadName: 'Прошлое · Настоящее · Будущее',
  cards: [
    { name: 'Шут', arcana: 'major', suit: null, number: 0, reversed: false, positionName: 'Прошлое' },
    { name: 'Королева Кубков', arcana: 'minor', suit: 'cups', number: 13, reversed: true, positionName: 'Настоящее' },
    { name: 'Десятка Пентаклей', arcana: 'minor', suit: 'pentacles', number: 10, reversed: false, positionName: 'Будущее і ґанок' },
  ],
};
