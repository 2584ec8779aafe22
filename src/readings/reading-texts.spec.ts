import type { Language } from 'src/common/i18n/i18n.service';
import { DECKS, type CardText, type DeckStyle, type Suit } from './deck/card';
import { CARD_TEXTS_EN } from './deck/card-texts.en';
import { CARD_TEXTS_RU } from './deck/card-texts.ru';
import { CARD_TEXTS_UK } from './deck/card-texts.uk';
import { DECK } from './deck/deck';
import { QUESTIONNAIRE_TEXTS_EN } from './spreads/questionnaire-texts.en';
import { QUESTIONNAIRE_TEXTS_RU } from './spreads/questionnaire-texts.ru';
import { QUESTIONNAIRE_TEXTS_UK } from './spreads/questionnaire-texts.uk';
import type { QuestionnaireText, SpreadText } from './spreads/spread-text';
import { SPREAD_TEXTS_EN } from './spreads/spread-texts.en';
import { SPREAD_TEXTS_RU } from './spreads/spread-texts.ru';
import { SPREAD_TEXTS_UK } from './spreads/spread-texts.uk';

/** A translation of the reading texts English has (the catalogue's messages are checked in common/i18n/messages.spec.ts). */
interface Translation {
  name: string;
  cards: Record<string, CardText>;
  spreads: Record<string, SpreadText>;
  questionnaires: Record<string, QuestionnaireText>;
  /** A card name as the deck shows it. */
  cardName: RegExp;
  /** A keyword of a card's side (already trimmed and lower-cased). */
  keyword: RegExp;
}

/** Every language but English; a new language fails to compile here until its texts are listed. */
const TRANSLATIONS: Record<Exclude<Language, 'en'>, Translation> = {
  uk: {
    name: 'Ukrainian',
    cards: CARD_TEXTS_UK,
    spreads: SPREAD_TEXTS_UK,
    questionnaires: QUESTIONNAIRE_TEXTS_UK,
    cardName: /^[^A-Za-z]+$/,
    keyword: /^[^A-Za-z]+$/,
  },
  ru: {
    name: 'Russian',
    cards: CARD_TEXTS_RU,
    spreads: SPREAD_TEXTS_RU,
    questionnaires: QUESTIONNAIRE_TEXTS_RU,
    cardName: /^[А-ЯЁ][а-яёА-ЯЁ ()-]+$/,
    keyword: /^[а-яё][а-яё -]*$/,
  },
};
const LANGUAGES = Object.keys(TRANSLATIONS) as (keyof typeof TRANSLATIONS)[];

const sentenceCount = (text: string): number => (text.match(/[.!?]+(?=\s|$)/g) ?? []).length;

describe.each(LANGUAGES)('%s', (language) => {
  const { name, cards, spreads, questionnaires, cardName, keyword } = TRANSLATIONS[language];

  describe(`${name} card texts`, () => {
    const ids = DECK.map((c) => c.id);

    it('has exactly the English card ids, one per card of the deck', () => {
      expect(Object.keys(cards).sort()).toEqual(Object.keys(CARD_TEXTS_EN).sort());
      expect(Object.keys(cards).sort()).toEqual([...ids].sort());
    });

    it.each(DECKS)(`has non-empty, unique, ${name} %s names`, (style) => {
      const names = ids.map((id) => cards[id].names[style].trim());
      for (const n of names) expect({ n, ok: cardName.test(n) }).toEqual({ n, ok: true });
      expect(new Set(names).size).toBe(ids.length);
      for (const id of ids) expect(cards[id].names[style]).not.toBe(CARD_TEXTS_EN[id].names[style]);
    });

    it(`has 3–5 distinct lower-case ${name} keywords per side, differing between sides`, () => {
      for (const id of ids) {
        const text = cards[id];
        for (const side of [text.upright, text.reversed]) {
          expect(side.keywords.length).toBeGreaterThanOrEqual(3);
          expect(side.keywords.length).toBeLessThanOrEqual(5);
          for (const k of side.keywords) {
            const ok = k.trim() === k && k !== '' && k === k.toLocaleLowerCase(language) && keyword.test(k);
            expect({ id, k, ok }).toEqual({ id, k, ok: true });
          }
          expect(new Set(side.keywords).size).toBe(side.keywords.length);
        }
        expect([...text.reversed.keywords].sort()).not.toEqual([...text.upright.keywords].sort());
      }
    });

    it(`has ${name} meanings of 2–4 sentences, all 156 distinct and none left in English`, () => {
      const meanings = ids.flatMap((id) => [cards[id].upright.meaning, cards[id].reversed.meaning]);
      for (const m of meanings) {
        const n = sentenceCount(m);
        expect({ m, ok: n >= 2 && n <= 4 && !/[A-Za-z']/.test(m) }).toEqual({ m, ok: true });
      }
      expect(new Set(meanings.map((m) => m.trim())).size).toBe(156);
      const english = new Set(Object.values(CARD_TEXTS_EN).flatMap((t) => [t.upright.meaning, t.reversed.meaning]));
      expect(meanings.filter((m) => english.has(m))).toEqual([]);
    });
  });

  describe(`${name} spread texts`, () => {
    it('has the English spreads and positions, in the same order', () => {
      expect(Object.keys(spreads)).toEqual(Object.keys(SPREAD_TEXTS_EN));
      for (const [key, text] of Object.entries(SPREAD_TEXTS_EN)) {
        expect({ key, positions: Object.keys(spreads[key].positions) }).toEqual({ key, positions: Object.keys(text.positions) });
      }
    });

    it.each(Object.entries(spreads))(`%s has complete, well-formed ${name} texts`, (key, text) => {
      const english = SPREAD_TEXTS_EN[key];
      expect(text.name.trim()).not.toBe('');
      expect(text.name).not.toBe(english.name);
      expect(text.description.trim()).not.toBe('');
      expect(text.description).not.toBe(english.description);
      expect(text.description.length).toBeLessThanOrEqual(120);
      expect(`${text.name} ${text.description}`).not.toMatch(/[A-Za-z']/);
      const positions = Object.entries(text.positions);
      for (const [positionKey, position] of positions) {
        const englishPosition = english.positions[positionKey];
        expect(position.name.trim()).not.toBe('');
        expect(position.name.split(' ').length).toBeLessThanOrEqual(4);
        expect(position.name).not.toBe(englishPosition.name);
        // Meanings follow a dash: lower-case start, no final full stop.
        expect(position.meaning).toMatch(/^\p{Ll}.*[^.]$/u);
        expect(position.meaning.length).toBeLessThanOrEqual(140);
        expect(position.meaning).not.toBe(englishPosition.meaning);
        expect(`${position.name} ${position.meaning}`).not.toMatch(/[A-Za-z']/);
      }
      const meanings = positions.map(([, position]) => position.meaning);
      expect(new Set(meanings).size).toBe(meanings.length);
      const names = positions.map(([, position]) => position.name);
      expect(new Set(names).size).toBe(names.length);
    });
  });

  describe(`${name} questionnaire texts`, () => {
    it('has the English questionnaires with the same number of questions', () => {
      expect(Object.keys(questionnaires)).toEqual(Object.keys(QUESTIONNAIRE_TEXTS_EN));
      for (const [key, questions] of Object.entries(QUESTIONNAIRE_TEXTS_EN)) {
        expect({ key, count: questionnaires[key].length }).toEqual({ key, count: questions.length });
      }
    });

    it.each(Object.entries(questionnaires))(`%s asks distinct ${name} questions`, (key, questions) => {
      questions.forEach((question, i) => {
        expect(question.trim()).not.toBe('');
        expect(question.endsWith('?')).toBe(true);
        expect(question).not.toMatch(/[A-Za-z']/);
        expect(question).not.toBe(QUESTIONNAIRE_TEXTS_EN[key][i]);
      });
      expect(new Set(questions).size).toBe(questions.length);
    });
  });
});

describe('Ukrainian card names', () => {
  it('uses the usual Rider–Waite–Smith names of the major arcana', () => {
    expect(DECK.slice(0, 22).map((c) => CARD_TEXTS_UK[c.id].names.rws)).toEqual([
      'Блазень', 'Маг', 'Верховна Жриця', 'Імператриця', 'Імператор', 'Ієрофант', 'Закохані', 'Колісниця', 'Сила',
      'Відлюдник', 'Колесо Фортуни', 'Справедливість', 'Повішений', 'Смерть', 'Помірність', 'Диявол', 'Вежа', 'Зірка',
      'Місяць', 'Сонце', 'Суд', 'Світ',
    ]);
    expect(CARD_TEXTS_UK.strength.names.thoth).toBe('Хіть');
    expect(CARD_TEXTS_UK.justice.names.thoth).toBe('Регулювання');
    expect(CARD_TEXTS_UK.temperance.names.thoth).toBe('Мистецтво');
    expect(CARD_TEXTS_UK.judgement.names.thoth).toBe('Еон');
    expect(CARD_TEXTS_UK.the_world.names.thoth).toBe('Всесвіт');
    expect(CARD_TEXTS_UK.death.names.marseille).toBe('Аркан без імені');
  });

  it('names the minor arcana by each tradition’s ranks and suits', () => {
    const ranks = ['', 'Туз', 'Двійка', 'Трійка', 'Четвірка', 'П’ятірка', 'Шістка', 'Сімка', 'Вісімка', 'Дев’ятка', 'Десятка'];
    const courts: Record<DeckStyle, string[]> = {
      rws: ['Паж', 'Лицар', 'Королева', 'Король'],
      thoth: ['Принцеса', 'Принц', 'Королева', 'Лицар'],
      marseille: ['Валет', 'Лицар', 'Королева', 'Король'],
    };
    const suits: Record<DeckStyle, Record<Suit, string>> = {
      rws: { wands: 'Жезлів', cups: 'Кубків', swords: 'Мечів', pentacles: 'Пентаклів' },
      thoth: { wands: 'Жезлів', cups: 'Чаш', swords: 'Мечів', pentacles: 'Дисків' },
      marseille: { wands: 'Палиць', cups: 'Кубків', swords: 'Мечів', pentacles: 'Денаріїв' },
    };
    for (const card of DECK.filter((c) => c.suit)) {
      for (const style of DECKS) {
        const rank = card.number <= 10 ? ranks[card.number] : courts[style][card.number - 11];
        const name = CARD_TEXTS_UK[card.id].names[style];
        const base = `${rank} ${suits[style][card.suit!]}`;
        // Thoth's numbered minors carry their title, as in English: "Двійка Жезлів (Володарювання)".
        if (style === 'thoth' && card.number >= 2 && card.number <= 10) expect(name).toMatch(new RegExp(`^${base} \\(\\p{Lu}[\\p{Ll}’]+\\)$`, 'u'));
        else expect(name).toBe(base);
      }
    }
  });
});

describe('Russian card names', () => {
  it('names the cards in each tradition', () => {
    const names = (style: DeckStyle) => (id: string) => CARD_TEXTS_RU[id].names[style];
    const rws = names('rws');
    const thoth = names('thoth');
    const marseille = names('marseille');
    expect(['the_fool', 'the_high_priestess', 'the_lovers', 'wheel_of_fortune', 'judgement', 'the_world'].map(rws)).toEqual([
      'Шут', 'Верховная Жрица', 'Влюблённые', 'Колесо Фортуны', 'Суд', 'Мир',
    ]);
    expect(['ace_of_wands', 'two_of_cups', 'ten_of_swords', 'page_of_pentacles', 'knight_of_cups', 'king_of_swords'].map(rws)).toEqual([
      'Туз Жезлов', 'Двойка Кубков', 'Десятка Мечей', 'Паж Пентаклей', 'Рыцарь Кубков', 'Король Мечей',
    ]);
    expect(['the_magician', 'strength', 'justice', 'temperance', 'judgement', 'the_world'].map(thoth)).toEqual([
      'Маг', 'Вожделение', 'Регулирование', 'Искусство', 'Эон', 'Вселенная',
    ]);
    expect(['two_of_wands', 'ace_of_pentacles', 'page_of_cups', 'knight_of_swords', 'king_of_pentacles'].map(thoth)).toEqual([
      'Двойка Жезлов (Владычество)', 'Туз Дисков', 'Принцесса Чаш', 'Принц Мечей', 'Рыцарь Дисков',
    ]);
    expect(['the_fool', 'the_magician', 'the_high_priestess', 'the_hierophant', 'death', 'the_tower'].map(marseille)).toEqual([
      'Дурак', 'Фокусник', 'Папесса', 'Папа', 'Аркан без имени', 'Божий Дом',
    ]);
    expect(['ace_of_wands', 'page_of_cups', 'queen_of_swords', 'king_of_pentacles'].map(marseille)).toEqual([
      'Туз Палиц', 'Валет Кубков', 'Королева Мечей', 'Король Денариев',
    ]);
    for (const id of Object.keys(CARD_TEXTS_RU).filter((i) => /^(two|three|four|five|six|seven|eight|nine|ten)_of_/.test(i))) {
      expect(thoth(id)).toMatch(/^\S+ \S+ \([А-ЯЁ][а-яё]+\)$/);
    }
  });
});
