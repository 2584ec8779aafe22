import { DECKS, type CardText, type DeckStyle, type Suit } from 'src/readings/deck/card';
import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { CARD_TEXTS_RU } from 'src/readings/deck/card-texts.ru';
import { CARD_TEXTS_UK } from 'src/readings/deck/card-texts.uk';
import { DECK } from 'src/readings/deck/deck';
import { QUESTIONNAIRE_TEXTS_EN } from 'src/readings/spreads/questionnaire-texts.en';
import { QUESTIONNAIRE_TEXTS_RU } from 'src/readings/spreads/questionnaire-texts.ru';
import { QUESTIONNAIRE_TEXTS_UK } from 'src/readings/spreads/questionnaire-texts.uk';
import type { QuestionnaireText, SpreadText } from 'src/readings/spreads/spread-text';
import { SPREAD_TEXTS_EN } from 'src/readings/spreads/spread-texts.en';
import { SPREAD_TEXTS_RU } from 'src/readings/spreads/spread-texts.ru';
import { SPREAD_TEXTS_UK } from 'src/readings/spreads/spread-texts.uk';
import type { Language } from './i18n.service';
import type { Message } from './message';
import { MESSAGES_EN, type MessageKey } from './messages.en';
import { MESSAGES_RU } from './messages.ru';
import { MESSAGES_UK } from './messages.uk';

/** Numbers and the plural category Intl.PluralRules gives them in Ukrainian and Russian alike. */
const EAST_SLAVIC_PLURALS: [number, Intl.LDMLPluralRule][] = [
  [0, 'many'], [1, 'one'], [2, 'few'], [4, 'few'], [5, 'many'], [11, 'many'], [12, 'many'],
  [14, 'many'], [21, 'one'], [22, 'few'], [25, 'many'], [101, 'one'], [111, 'many'], [1.5, 'other'],
];

/** A translation of everything English has: the messages and the reading texts, with what its words look like. */
interface Translation {
  name: string;
  messages: Record<MessageKey, Message>;
  cards: Record<string, CardText>;
  spreads: Record<string, SpreadText>;
  questionnaires: Record<string, QuestionnaireText>;
  plurals: [number, Intl.LDMLPluralRule][];
  /** A card name as the deck shows it. */
  cardName: RegExp;
  /** A keyword of a card's side (already trimmed and lower-cased). */
  keyword: RegExp;
}

/** Every language but English; a new language fails to compile here until its texts are listed. */
const TRANSLATIONS: Record<Exclude<Language, 'en'>, Translation> = {
  uk: {
    name: 'Ukrainian',
    messages: MESSAGES_UK,
    cards: CARD_TEXTS_UK,
    spreads: SPREAD_TEXTS_UK,
    questionnaires: QUESTIONNAIRE_TEXTS_UK,
    plurals: EAST_SLAVIC_PLURALS,
    cardName: /^[^A-Za-z]+$/,
    keyword: /^[^A-Za-z]+$/,
  },
  ru: {
    name: 'Russian',
    messages: MESSAGES_RU,
    cards: CARD_TEXTS_RU,
    spreads: SPREAD_TEXTS_RU,
    questionnaires: QUESTIONNAIRE_TEXTS_RU,
    plurals: EAST_SLAVIC_PLURALS,
    cardName: /^[А-ЯЁ][а-яёА-ЯЁ ()-]+$/,
    keyword: /^[а-яё][а-яё -]*$/,
  },
};
const LANGUAGES = Object.keys(TRANSLATIONS) as (keyof typeof TRANSLATIONS)[];

/** Telegram's HTML parse mode allows only these tags. */
const TELEGRAM_TAGS = new Set(['b', 'i', 'u', 's', 'a', 'code', 'pre']);
/**
 * Keys whose text may equal the English one: language names are endonyms, the same in every
 * catalogue, and the rest are made only of placeholders, tags, digits and punctuation (checked below).
 */
const SAME_AS_ENGLISH = new Set<MessageKey>([
  'language.en',
  'language.uk',
  'language.ru',
  'read.questionnaireStep',
  'read.cardsHeader',
  'read.cardLineReversed',
  'read.chapterHeader',
  'read.cardLine',
  'read.journeyCard',
  'past.item',
  'past.itemAbout',
  'past.itemUnfinished',
]);
/** Latin words a translation may keep: product names, the time zone, "id"/"ID", the helpline site. */
const LATIN_ALLOWED = /Telegram|Stars|UTC|\bid\b|\bID\b|findahelpline\.com/g;

const keys = Object.keys(MESSAGES_EN) as MessageKey[];
const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.values(message).filter((v): v is string => typeof v === 'string');
const placeholders = (text: string): string[] => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
const tags = (text: string): string[] => (text.match(/<\/?[a-z]+\b[^>]*>/g) ?? []).map((t) => t.replace(/\s.*>$/, '>')).sort();
const commands = (text: string): string[] => [...new Set(text.match(/(?<![\w}])\/[a-z_]+/g) ?? [])].sort();
const emoji = (text: string): string[] => [...new Set(text.match(/\p{Extended_Pictographic}/gu) ?? [])].sort();
const unionOf = (message: Message, pick: (t: string) => string[]): string[] => [...new Set(forms(message).flatMap(pick))].sort();
const latinLeft = (text: string): string =>
  text
    .replace(/\{\w+\}/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/(?<![\w}])\/[a-z]+/g, '')
    .replace(LATIN_ALLOWED, '')
    .replace(/[^A-Za-z]/g, '');
const sentenceCount = (text: string): number => (text.match(/[.!?]+(?=\s|$)/g) ?? []).length;

/** Renders like I18nService: Intl.PluralRules picks the form, parameters fill the holes. */
function render(language: keyof typeof TRANSLATIONS, key: MessageKey, params: Record<string, string | number>): string {
  const message = TRANSLATIONS[language].messages[key];
  const template = typeof message === 'string' ? message : (message[new Intl.PluralRules(language).select(Number(params.count))] ?? message.other);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function balanced(text: string): boolean {
  const stack: string[] = [];
  for (const [, closing, name] of text.matchAll(/<(\/?)([a-z]+)\b[^>]*>/g)) {
    if (!TELEGRAM_TAGS.has(name)) return false;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe.each(LANGUAGES)('%s', (language) => {
  const { name, messages, cards, spreads, questionnaires, plurals, cardName, keyword } = TRANSLATIONS[language];

  describe(`${name} message catalogue`, () => {
    it('has exactly the English keys', () => {
      expect(Object.keys(messages).sort()).toEqual([...keys].sort());
    });

    it('keeps the shape of every message: strings stay strings, plurals give every form the language has, distinct', () => {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const key of keys) {
        const message = messages[key];
        if (typeof MESSAGES_EN[key] === 'string') {
          expect({ key, type: typeof message }).toEqual({ key, type: 'string' });
          expect({ key, blank: (message as string).trim() === '' }).toEqual({ key, blank: false });
          continue;
        }
        expect({ key, type: typeof message }).toEqual({ key, type: 'object' });
        expect({ key, forms: Object.keys(message).sort() }).toEqual({ key, forms: [...categories].sort() });
        for (const form of forms(message)) expect({ key, blank: form.trim() === '' }).toEqual({ key, blank: false });
        const integerForms = categories.filter((c) => c !== 'other').map((c) => (message as Record<string, string>)[c]);
        expect({ key, distinct: new Set(integerForms).size }).toEqual({ key, distinct: integerForms.length });
      }
    });

    it(`uses the plural categories Intl.PluralRules("${language}") selects`, () => {
      const rules = new Intl.PluralRules(language);
      for (const [n, category] of plurals) expect({ n, category: rules.select(n) }).toEqual({ n, category });
      for (const key of keys) {
        const message = messages[key];
        if (typeof message === 'string') continue;
        for (const [n] of plurals) expect({ key, n, form: message[rules.select(n)] }).toEqual({ key, n, form: expect.any(String) });
      }
    });

    it('translates everything except a small allowlist of language-neutral templates', () => {
      for (const key of keys) {
        if (SAME_AS_ENGLISH.has(key)) continue;
        const english = forms(MESSAGES_EN[key]);
        expect({ key, same: forms(messages[key]).filter((f) => english.includes(f)) }).toEqual({ key, same: [] });
      }
      for (const key of SAME_AS_ENGLISH) {
        if (key.startsWith('language.')) continue;
        const words = forms(messages[key]).join(' ').replace(/\{\w+\}|<[^>]+>/g, '');
        expect({ key, letters: /\p{L}/u.test(words) }).toEqual({ key, letters: false });
      }
    });

    it('keeps every placeholder, and no others, in every form', () => {
      for (const key of keys) {
        const expected = unionOf(MESSAGES_EN[key], placeholders);
        for (const text of forms(messages[key])) expect({ key, text, found: placeholders(text) }).toEqual({ key, text, found: expected });
      }
    });

    it('keeps the HTML tags, balanced and allowed by Telegram', () => {
      for (const key of keys) {
        const expected = tags(forms(MESSAGES_EN[key])[0]);
        for (const text of forms(messages[key])) {
          expect({ key, text, tags: tags(text), balanced: balanced(text) }).toEqual({ key, text, tags: expected, balanced: true });
        }
      }
    });

    it('keeps the /commands in Latin letters and the emoji', () => {
      for (const key of keys) {
        for (const text of forms(messages[key])) {
          expect({ key, text, commands: commands(text) }).toEqual({ key, text, commands: unionOf(MESSAGES_EN[key], commands) });
          expect({ key, text, emoji: emoji(text) }).toEqual({ key, text, emoji: unionOf(MESSAGES_EN[key], emoji) });
        }
      }
    });

    it('keeps command descriptions within Telegram’s 1–256 characters', () => {
      for (const key of keys.filter((k) => k.startsWith('command.'))) {
        const text = messages[key] as string;
        expect({ key, ok: text.trim().length >= 1 && text.length <= 256 }).toEqual({ key, ok: true });
      }
    });

    it('leaves no English words behind', () => {
      for (const key of keys.filter((k) => !k.startsWith('language.'))) {
        for (const form of forms(messages[key])) expect({ key, latin: latinLeft(form) }).toEqual({ key, latin: '' });
      }
    });

    it('keeps an invoice title within Telegram’s 32 characters', () => {
      expect(render(language, 'buy.invoiceTitle', { count: 10000 }).length).toBeLessThanOrEqual(32);
    });
  });

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

describe('Ukrainian grammar and names', () => {
  it('addresses the user with a lower-case "ви" except at the start of a sentence', () => {
    for (const key of keys) {
      for (const form of forms(MESSAGES_UK[key])) {
        const text = form.replace(/<[^>]+>/g, '');
        for (const match of text.matchAll(/(?<!\p{L})(Ви|Вас|Вам|Вами|Ваш\p{L}*)(?!\p{L})/gu)) {
          const before = text.slice(0, match.index).replace(/[ \t\p{Extended_Pictographic}\uFE0F]+$/u, '');
          expect({ key, word: match[0], sentenceStart: before === '' || /[.!?…\n]$/.test(before) }).toEqual({
            key,
            word: match[0],
            sentenceStart: true,
          });
        }
      }
    }
  });

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

describe('Russian grammar and names', () => {
  it('never puts a full stop after a date, which in Russian already ends in «г.»', () => {
    const date = new Intl.DateTimeFormat('ru', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2025, 4, 12)));
    expect(date).toMatch(/г\.$/);
    for (const key of keys) {
      for (const text of forms(MESSAGES_RU[key])) expect({ key, text, ok: !/\{date\}\./.test(text) }).toEqual({ key, text, ok: true });
    }
  });

  it('addresses the user with a lowercase polite «вы», never «ты»', () => {
    for (const key of keys) {
      for (const text of forms(MESSAGES_RU[key])) {
        expect({ key, text, ty: /(?<!\p{L})(ты|тебя|тебе|тобой|твой|твоя|твоё|твои)(?!\p{L})/iu.test(text) }).toEqual({ key, text, ty: false });
        expect({ key, text, capital: /(?<=\p{L}[^.!?\n]*\s)(Вы|Вас|Вам|Ваш\p{L}*)(?!\p{L})/u.test(text) }).toEqual({ key, text, capital: false });
      }
    }
  });

  it('declines «кредит» after the count in every plural form', () => {
    expect(render('ru', 'balance.credits', { count: 1 })).toBe('У вас <b>1 кредит</b>.');
    expect(render('ru', 'balance.credits', { count: 3 })).toBe('У вас <b>3 кредита</b>.');
    expect(render('ru', 'balance.credits', { count: 5 })).toBe('У вас <b>5 кредитов</b>.');
    expect(render('ru', 'balance.credits', { count: 11 })).toBe('У вас <b>11 кредитов</b>.');
    expect(render('ru', 'balance.credits', { count: 21 })).toBe('У вас <b>21 кредит</b>.');
    expect(render('ru', 'balance.credits', { count: 22 })).toBe('У вас <b>22 кредита</b>.');
    expect(render('ru', 'balance.credits', { count: 0 })).toBe('У вас <b>0 кредитов</b>.');
    expect(render('ru', 'balance.credits', { count: 1.5 })).toBe('У вас <b>1.5 кредита</b>.');
    for (const key of keys.filter((k) => typeof MESSAGES_EN[k] !== 'string')) {
      const message = MESSAGES_RU[key] as Record<string, string>;
      expect({ key, one: /\{count\} кредит(?!\p{L})/u.test(message.one) }).toEqual({ key, one: true });
      expect({ key, few: /\{count\} кредита(?!\p{L})/u.test(message.few) }).toEqual({ key, few: true });
      expect({ key, many: /\{count\} кредитов(?!\p{L})/u.test(message.many) }).toEqual({ key, many: true });
      expect({ key, other: /\{count\} кредита(?!\p{L})/u.test(message.other) }).toEqual({ key, other: true });
    }
  });

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
