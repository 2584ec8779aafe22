import { DECKS, type DeckStyle, type Suit } from 'src/readings/deck/card';
import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { CARD_TEXTS_UK } from 'src/readings/deck/card-texts.uk';
import { DECK } from 'src/readings/deck/deck';
import { QUESTIONNAIRE_TEXTS_EN } from 'src/readings/spreads/questionnaire-texts.en';
import { QUESTIONNAIRE_TEXTS_UK } from 'src/readings/spreads/questionnaire-texts.uk';
import { SPREAD_TEXTS_EN } from 'src/readings/spreads/spread-texts.en';
import { SPREAD_TEXTS_UK } from 'src/readings/spreads/spread-texts.uk';
import type { Message } from './message';
import { en, type MessageKey } from './messages.en';
import { uk } from './messages.uk';

const UK_PLURAL_FORMS = ['one', 'few', 'many', 'other'] as const;
/** Telegram's HTML parse mode allows only these tags. */
const TELEGRAM_TAGS = new Set(['b', 'i', 'u', 's', 'a', 'code', 'pre']);
/**
 * Keys whose Ukrainian text may equal the English one: language names are endonyms, the same in
 * every catalogue, and the rest are made only of placeholders, tags, digits and punctuation.
 */
const SAME_AS_ENGLISH = new Set<string>([
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
/** Latin words a Ukrainian text may keep: product names, the time zone, the helpline site. */
const LATIN_ALLOWED = /Telegram|Stars|UTC|\bid\b|findahelpline\.com/g;

const keys = Object.keys(en) as MessageKey[];
const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.values(message).filter((v): v is string => typeof v === 'string');
const placeholders = (text: string): string[] => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
const tags = (text: string): string[] => (text.match(/<\/?[a-z]+(?:\s[^>]*)?>/g) ?? []).map((t) => t.replace(/\s.*>$/, '>'));
const commands = (text: string): string[] => (text.match(/(?<![\w}])\/[a-z]+/g) ?? []).sort();
const emoji = (text: string): string[] => (text.match(/\p{Extended_Pictographic}/gu) ?? []).sort();
const latinLeft = (text: string): string =>
  text
    .replace(/\{\w+\}/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/(?<![\w}])\/[a-z]+/g, '')
    .replace(LATIN_ALLOWED, '')
    .replace(/[^A-Za-z]/g, '');
const sentenceCount = (text: string): number => (text.match(/[.!?]+(?=\s|$)/g) ?? []).length;

function balanced(text: string): boolean {
  const stack: string[] = [];
  for (const tag of tags(text)) {
    const name = tag.replace(/[</>]/g, '');
    if (tag.startsWith('</')) {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
}

describe('uk message catalogue', () => {
  it('has exactly the English keys', () => {
    expect(Object.keys(uk).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s has the shape of the English message', (key) => {
    const english = en[key] as Message;
    const ukrainian = uk[key];
    if (typeof english === 'string') {
      expect(typeof ukrainian).toBe('string');
    } else {
      expect(typeof ukrainian).toBe('object');
      expect(Object.keys(ukrainian).sort()).toEqual([...UK_PLURAL_FORMS].sort());
    }
    for (const form of forms(ukrainian)) expect(form.trim()).not.toBe('');
  });

  it('uses the plural categories Intl.PluralRules("uk") selects', () => {
    const rules = new Intl.PluralRules('uk');
    const expected: [number, string][] = [
      [0, 'many'], [1, 'one'], [2, 'few'], [4, 'few'], [5, 'many'], [11, 'many'], [12, 'many'],
      [14, 'many'], [21, 'one'], [22, 'few'], [25, 'many'], [101, 'one'], [111, 'many'], [1.5, 'other'],
    ];
    for (const [n, category] of expected) expect({ n, category: rules.select(n) }).toEqual({ n, category });
    for (const key of keys) {
      const message = uk[key];
      if (typeof message === 'string') continue;
      for (const [n] of expected) expect(message[rules.select(n)]).toEqual(expect.any(String));
    }
  });

  it('differs from English, except for an explicit allowlist', () => {
    for (const key of keys) {
      if (SAME_AS_ENGLISH.has(key)) continue;
      expect({ key, same: JSON.stringify(uk[key]) === JSON.stringify(en[key]) }).toEqual({ key, same: false });
    }
    for (const key of keys.filter((k) => SAME_AS_ENGLISH.has(k) && !k.startsWith('language.'))) {
      const words = forms(uk[key]).map((f) => f.replace(/\{\w+\}/g, '').replace(/<[^>]+>/g, '').replace(/[^\p{L}]/gu, ''));
      expect({ key, words }).toEqual({ key, words: forms(uk[key]).map(() => '') });
    }
  });

  it.each(keys)('%s keeps every placeholder of the English message, in every form', (key) => {
    const expected = [...new Set(forms(en[key]).flatMap(placeholders))].sort();
    for (const form of forms(uk[key])) expect(placeholders(form)).toEqual(expected);
  });

  it.each(keys)('%s keeps the Telegram HTML tags of the English message, balanced', (key) => {
    const expected = tags(forms(en[key])[0]).sort();
    for (const form of forms(uk[key])) {
      expect(tags(form).sort()).toEqual(expected);
      expect(balanced(form)).toBe(true);
      for (const tag of tags(form)) expect(TELEGRAM_TAGS.has(tag.replace(/[</>]/g, ''))).toBe(true);
    }
  });

  it.each(keys)('%s keeps the commands and emoji of the English message', (key) => {
    const english = forms(en[key])[0];
    for (const form of forms(uk[key])) {
      expect(commands(form)).toEqual(commands(english));
      expect(emoji(form)).toEqual(emoji(english));
    }
  });

  it('has command descriptions Telegram accepts (1–256 characters)', () => {
    for (const key of keys.filter((k) => k.startsWith('command.'))) {
      const text = uk[key] as string;
      expect({ key, ok: text.trim().length >= 1 && text.length <= 256 }).toEqual({ key, ok: true });
    }
  });

  it('leaves no English words behind', () => {
    for (const key of keys.filter((k) => !k.startsWith('language.'))) {
      for (const form of forms(uk[key])) expect({ key, latin: latinLeft(form) }).toEqual({ key, latin: '' });
    }
  });

  it('addresses the user with a lower-case "ви" except at the start of a sentence', () => {
    for (const key of keys) {
      for (const form of forms(uk[key])) {
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
});

describe('CARD_TEXTS_UK', () => {
  const ids = DECK.map((c) => c.id);
  const texts = ids.map((id) => CARD_TEXTS_UK[id]);

  it('has exactly the English card ids', () => {
    expect(Object.keys(CARD_TEXTS_UK).sort()).toEqual(Object.keys(CARD_TEXTS_EN).sort());
    expect(Object.keys(CARD_TEXTS_UK).sort()).toEqual([...ids].sort());
  });

  it.each(DECKS)('has non-empty, unique, Ukrainian %s names', (style) => {
    const names = texts.map((t) => t.names[style].trim());
    expect(names.every((n) => n.length > 0 && !/[A-Za-z]/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    ids.forEach((id, i) => expect(names[i]).not.toBe(CARD_TEXTS_EN[id].names[style]));
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

  it('has 3–5 lower-case Ukrainian keywords per side, differing between sides', () => {
    for (const t of texts) {
      for (const side of [t.upright, t.reversed]) {
        expect(side.keywords.length).toBeGreaterThanOrEqual(3);
        expect(side.keywords.length).toBeLessThanOrEqual(5);
        for (const k of side.keywords) {
          expect(k.trim()).not.toBe('');
          expect(k).toBe(k.toLocaleLowerCase('uk'));
          expect(k).not.toMatch(/[A-Za-z]/);
        }
      }
      expect([...t.reversed.keywords].sort()).not.toEqual([...t.upright.keywords].sort());
    }
  });

  it('has Ukrainian meanings of 2–4 sentences, all 156 distinct and none equal to English', () => {
    const meanings = texts.flatMap((t) => [t.upright.meaning, t.reversed.meaning]);
    for (const m of meanings) {
      const n = sentenceCount(m);
      expect({ m, ok: n >= 2 && n <= 4 && !/[A-Za-z']/.test(m) }).toEqual({ m, ok: true });
    }
    expect(new Set(meanings.map((m) => m.trim())).size).toBe(156);
    const english = new Set(Object.values(CARD_TEXTS_EN).flatMap((t) => [t.upright.meaning, t.reversed.meaning]));
    expect(meanings.filter((m) => english.has(m))).toEqual([]);
  });
});

describe('SPREAD_TEXTS_UK', () => {
  it('has the English spreads and positions, in the same order', () => {
    expect(Object.keys(SPREAD_TEXTS_UK)).toEqual(Object.keys(SPREAD_TEXTS_EN));
    for (const [key, text] of Object.entries(SPREAD_TEXTS_EN)) {
      expect({ key, positions: Object.keys(SPREAD_TEXTS_UK[key].positions) }).toEqual({ key, positions: Object.keys(text.positions) });
    }
  });

  it.each(Object.entries(SPREAD_TEXTS_UK))('%s has complete, well-formed Ukrainian texts', (key, text) => {
    const english = SPREAD_TEXTS_EN[key];
    expect(text.name.trim()).not.toBe('');
    expect(text.name).not.toBe(english.name);
    expect(text.description.trim()).not.toBe('');
    expect(text.description).not.toBe(english.description);
    expect(text.description.length).toBeLessThanOrEqual(120);
    expect(`${text.name} ${text.description}`).not.toMatch(/[A-Za-z']/);
    for (const [positionKey, position] of Object.entries(text.positions)) {
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
    const meanings = Object.values(text.positions).map((p) => p.meaning);
    expect(new Set(meanings).size).toBe(meanings.length);
  });
});

describe('QUESTIONNAIRE_TEXTS_UK', () => {
  it('has the English questionnaires with the same number of questions', () => {
    expect(Object.keys(QUESTIONNAIRE_TEXTS_UK)).toEqual(Object.keys(QUESTIONNAIRE_TEXTS_EN));
    for (const [key, questions] of Object.entries(QUESTIONNAIRE_TEXTS_EN)) {
      expect({ key, count: QUESTIONNAIRE_TEXTS_UK[key].length }).toEqual({ key, count: questions.length });
    }
  });

  it.each(Object.entries(QUESTIONNAIRE_TEXTS_UK))('%s asks distinct Ukrainian questions', (key, questions) => {
    questions.forEach((question, i) => {
      expect(question.trim()).not.toBe('');
      expect(question.endsWith('?')).toBe(true);
      expect(question).not.toMatch(/[A-Za-z']/);
      expect(question).not.toBe(QUESTIONNAIRE_TEXTS_EN[key][i]);
    });
    expect(new Set(questions).size).toBe(questions.length);
  });
});
