import { DECKS } from './card';
import { CASES, nameGrammar, renameInText } from './card-grammar';
import { CARD_TEXTS_RU } from './card-texts.ru';
import { CARD_TEXTS_UK } from './card-texts.uk';
import { DECK } from './deck';

describe('nameGrammar', () => {
  it.each([
    ['ru', CARD_TEXTS_RU],
    ['uk', CARD_TEXTS_UK],
  ] as const)('declines every %s card name of every deck', (language, texts) => {
    for (const card of DECK) {
      for (const deck of DECKS) {
        const name = texts[card.id].names[deck].replace(/\s*\([^)]*\)$/, '');
        const grammar = nameGrammar(language, name);
        expect({ name, declined: CASES.filter((k) => k !== 'nom' && k !== 'acc').some((k) => grammar.forms[k] !== name) }).toEqual({ name, declined: true });
      }
    }
  });

  it('knows gender and animacy', () => {
    expect(nameGrammar('ru', 'Паж Жезлов')).toMatchObject({ gender: 'm', animate: true, forms: { acc: 'Пажа Жезлов', ins: 'Пажом Жезлов' } });
    expect(nameGrammar('ru', 'Башня')).toMatchObject({ gender: 'f', forms: { acc: 'Башню', dat: 'Башне' } });
    expect(nameGrammar('ru', 'Мир')).toMatchObject({ gender: 'm', animate: false, forms: { acc: 'Мир' } });
    expect(nameGrammar('ru', 'Двойка Жезлов (Владычество)').forms.gen).toBe('Двойки Жезлов (Владычество)');
    expect(nameGrammar('uk', 'Закохані')).toMatchObject({ gender: 'p', animate: true, forms: { acc: 'Закоханих' } });
    expect(nameGrammar('uk', 'П’ятірка Мечів').forms.dat).toBe('П’ятірці Мечів');
    expect(nameGrammar('uk', 'Король Палиць').forms.ins).toBe('Королем Палиць');
    expect(nameGrammar('en', 'The Tower').forms.gen).toBe('The Tower');
  });
});

describe('renameInText', () => {
  it("speaks of a card by the chosen deck's name, in the same case", () => {
    expect(renameInText('ru', 'Шут зовёт шагнуть вперёд. Слушайте Шута.', 'Шут', 'Дурак')).toBe('Дурак зовёт шагнуть вперёд. Слушайте Дурака.');
    expect(renameInText('uk', 'Сила нагадує про терпіння; довіртеся Силі.', 'Сила', 'Хіть')).toBe('Хіть нагадує про терпіння; довіртеся Хіті.');
    expect(renameInText('en', 'The Magician asks you to act; the Magician knows.', 'The Magician', 'The Magus')).toBe('The Magus asks you to act; the Magus knows.');
    expect(renameInText('en', 'Judgement calls you.', 'Judgement', 'The Aeon')).toBe('The Aeon calls you.');
    expect(renameInText('en', 'Trust the Fool today.', 'The Fool', 'Le Mat')).toBe('Trust Le Mat today.');
  });
});
