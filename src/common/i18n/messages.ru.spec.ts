import { DECKS } from 'src/readings/deck/card';
import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { CARD_TEXTS_RU } from 'src/readings/deck/card-texts.ru';
import { DECK } from 'src/readings/deck/deck';
import { QUESTIONNAIRE_TEXTS_EN } from 'src/readings/spreads/questionnaire-texts.en';
import { QUESTIONNAIRE_TEXTS_RU } from 'src/readings/spreads/questionnaire-texts.ru';
import { SPREAD_TEXTS_EN } from 'src/readings/spreads/spread-texts.en';
import { SPREAD_TEXTS_RU } from 'src/readings/spreads/spread-texts.ru';
import type { Message } from './message';
import { en, MessageKey } from './messages.en';
import { ru } from './messages.ru';

/**
 * Keys whose Russian text may legitimately equal the English one: a language's own name, and
 * templates made only of placeholders, tags, numbers and punctuation (checked below).
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
const TELEGRAM_TAGS = new Set(['b', 'i', 'u', 's', 'a', 'code', 'pre']);
const RU_PLURAL_FORMS = ['one', 'few', 'many', 'other'] as const;

const keys = Object.keys(en) as MessageKey[];
const forms = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message).filter((f): f is string => !!f));
const placeholders = (text: string): string[] => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
const tags = (text: string): string[] => (text.match(/<\/?[a-z]+\b[^>]*>/g) ?? []).map((t) => t.replace(/\s.*>$/, '>')).sort();
const commands = (text: string): string[] => [...new Set(text.match(/(?<![\w}])\/[a-z_]+/g) ?? [])].sort();
const emoji = (text: string): string[] => [...new Set(text.match(/\p{Extended_Pictographic}/gu) ?? [])].sort();
const unionOf = (message: Message, pick: (t: string) => string[]): string[] => [...new Set(forms(message).flatMap(pick))].sort();

/** Renders like I18nService: Intl.PluralRules('ru') picks the form, parameters fill the holes. */
function render(key: MessageKey, params: Record<string, string | number>): string {
  const message = ru[key];
  const template = typeof message === 'string' ? message : (message[new Intl.PluralRules('ru').select(Number(params.count))] ?? message.other);
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

describe('Russian message catalogue', () => {
  it('has exactly the English keys', () => {
    expect(Object.keys(ru).sort()).toEqual([...keys].sort());
  });

  it('keeps the shape of every message: plain strings stay strings, plurals give one/few/many/other', () => {
    for (const key of keys) {
      if (typeof en[key] === 'string') {
        expect({ key, type: typeof ru[key] }).toEqual({ key, type: 'string' });
        continue;
      }
      const message = ru[key];
      expect({ key, type: typeof message }).toEqual({ key, type: 'object' });
      for (const form of RU_PLURAL_FORMS) {
        const text = (message as Record<string, string | undefined>)[form];
        expect({ key, form, ok: typeof text === 'string' && text.trim().length > 0 }).toEqual({ key, form, ok: true });
      }
      const { one, few, many } = message as Record<string, string>;
      expect({ key, distinct: new Set([one, few, many]).size }).toEqual({ key, distinct: 3 });
    }
  });

  it('translates everything except a small allowlist of language-neutral templates', () => {
    for (const key of keys) {
      const english = forms(en[key]);
      const same = forms(ru[key]).filter((f) => english.includes(f));
      if (SAME_AS_ENGLISH.has(key)) continue;
      expect({ key, same }).toEqual({ key, same: [] });
    }
    for (const key of SAME_AS_ENGLISH) {
      if (key.startsWith('language.')) continue;
      const words = forms(ru[key]).join(' ').replace(/\{\w+\}|<[^>]+>/g, '');
      expect({ key, letters: /\p{L}/u.test(words) }).toEqual({ key, letters: false });
    }
  });

  it('keeps every placeholder, and no others, in every form', () => {
    for (const key of keys) {
      const expected = unionOf(en[key], placeholders);
      for (const text of forms(ru[key])) expect({ key, text, found: placeholders(text) }).toEqual({ key, text, found: expected });
    }
  });

  it('keeps the HTML tags, balanced and allowed by Telegram', () => {
    for (const key of keys) {
      const expected = tags(forms(en[key])[0]);
      for (const text of forms(ru[key])) {
        expect({ key, text, tags: tags(text), balanced: balanced(text) }).toEqual({ key, text, tags: expected, balanced: true });
      }
    }
  });

  it('keeps the /commands in Latin letters and the emoji', () => {
    for (const key of keys) {
      for (const text of forms(ru[key])) {
        expect({ key, text, commands: commands(text) }).toEqual({ key, text, commands: unionOf(en[key], commands) });
        expect({ key, text, emoji: emoji(text) }).toEqual({ key, text, emoji: unionOf(en[key], emoji) });
      }
    }
  });

  it('keeps command descriptions within Telegram’s 256 characters', () => {
    for (const key of keys.filter((k) => k.startsWith('command.'))) {
      const text = ru[key] as string;
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(256);
    }
  });

  it('never puts a full stop after a date, which in Russian already ends in «г.»', () => {
    const date = new Intl.DateTimeFormat('ru', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2025, 4, 12)));
    expect(date).toMatch(/г\.$/);
    for (const key of keys) {
      for (const text of forms(ru[key])) expect({ key, text, ok: !/\{date\}\./.test(text) }).toEqual({ key, text, ok: true });
    }
  });

  it('addresses the user with a lowercase polite «вы», never «ты»', () => {
    for (const key of keys) {
      for (const text of forms(ru[key])) {
        expect({ key, text, ty: /(?<!\p{L})(ты|тебя|тебе|тобой|твой|твоя|твоё|твои)(?!\p{L})/iu.test(text) }).toEqual({ key, text, ty: false });
        expect({ key, text, capital: /(?<=\p{L}[^.!?\n]*\s)(Вы|Вас|Вам|Ваш\p{L}*)(?!\p{L})/u.test(text) }).toEqual({ key, text, capital: false });
      }
    }
  });

  it('declines «кредит» after the count in every plural form', () => {
    expect(render('balance.credits', { count: 1 })).toBe('У вас <b>1 кредит</b>.');
    expect(render('balance.credits', { count: 3 })).toBe('У вас <b>3 кредита</b>.');
    expect(render('balance.credits', { count: 5 })).toBe('У вас <b>5 кредитов</b>.');
    expect(render('balance.credits', { count: 11 })).toBe('У вас <b>11 кредитов</b>.');
    expect(render('balance.credits', { count: 21 })).toBe('У вас <b>21 кредит</b>.');
    expect(render('balance.credits', { count: 22 })).toBe('У вас <b>22 кредита</b>.');
    expect(render('balance.credits', { count: 0 })).toBe('У вас <b>0 кредитов</b>.');
    expect(render('balance.credits', { count: 1.5 })).toBe('У вас <b>1.5 кредита</b>.');
    for (const key of keys.filter((k) => typeof en[k] !== 'string')) {
      const message = ru[key] as Record<string, string>;
      expect({ key, one: /\{count\} кредит(?!\p{L})/u.test(message.one) }).toEqual({ key, one: true });
      expect({ key, few: /\{count\} кредита(?!\p{L})/u.test(message.few) }).toEqual({ key, few: true });
      expect({ key, many: /\{count\} кредитов(?!\p{L})/u.test(message.many) }).toEqual({ key, many: true });
      expect({ key, other: /\{count\} кредита(?!\p{L})/u.test(message.other) }).toEqual({ key, other: true });
    }
  });

  it('keeps an invoice title within Telegram’s 32 characters', () => {
    expect(render('buy.invoiceTitle', { count: 10000 }).length).toBeLessThanOrEqual(32);
  });
});

describe('Russian card texts', () => {
  const ids = Object.keys(CARD_TEXTS_EN);
  const sentenceCount = (text: string): number => (text.match(/[.!?]+(?=\s|$)/g) ?? []).length;

  it('has exactly the English card ids, one per card of the deck', () => {
    expect(Object.keys(CARD_TEXTS_RU).sort()).toEqual([...ids].sort());
    expect(Object.keys(CARD_TEXTS_RU)).toHaveLength(78);
    expect(Object.keys(CARD_TEXTS_RU).sort()).toEqual(DECK.map((c) => c.id).sort());
  });

  it.each(DECKS)('has non-empty, unique, Russian %s names', (style) => {
    const names = ids.map((id) => CARD_TEXTS_RU[id].names[style].trim());
    expect(names.every((n) => /^[А-ЯЁ][а-яёА-ЯЁ ()-]+$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(78);
    for (const id of ids) expect(CARD_TEXTS_RU[id].names[style]).not.toBe(CARD_TEXTS_EN[id].names[style]);
  });

  it('names the cards in each tradition', () => {
    const names = (style: (typeof DECKS)[number]) => (id: string) => CARD_TEXTS_RU[id].names[style];
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
    for (const id of ids.filter((i) => /^(two|three|four|five|six|seven|eight|nine|ten)_of_/.test(i))) {
      expect(thoth(id)).toMatch(/^\S+ \S+ \([А-ЯЁ][а-яё]+\)$/);
    }
  });

  it('has 3–5 lowercase Russian keywords per side, differing between sides', () => {
    for (const id of ids) {
      const text = CARD_TEXTS_RU[id];
      for (const side of [text.upright, text.reversed]) {
        expect(side.keywords.length).toBeGreaterThanOrEqual(3);
        expect(side.keywords.length).toBeLessThanOrEqual(5);
        for (const k of side.keywords) expect({ id, k, ok: k.trim() === k && /^[а-яё][а-яё -]*$/.test(k) }).toEqual({ id, k, ok: true });
        expect(new Set(side.keywords).size).toBe(side.keywords.length);
      }
      expect([...text.reversed.keywords].sort()).not.toEqual([...text.upright.keywords].sort());
    }
  });

  it('has Russian meanings of 2–4 sentences, all 156 distinct and none left in English', () => {
    const meanings = ids.flatMap((id) => [CARD_TEXTS_RU[id].upright.meaning, CARD_TEXTS_RU[id].reversed.meaning]);
    for (const m of meanings) {
      const n = sentenceCount(m);
      expect({ m, ok: n >= 2 && n <= 4 && !/[A-Za-z]/.test(m) }).toEqual({ m, ok: true });
    }
    expect(new Set(meanings.map((m) => m.trim())).size).toBe(156);
    for (const id of ids) {
      expect(CARD_TEXTS_RU[id].upright.meaning).not.toBe(CARD_TEXTS_EN[id].upright.meaning);
      expect(CARD_TEXTS_RU[id].reversed.meaning).not.toBe(CARD_TEXTS_EN[id].reversed.meaning);
    }
  });
});

describe('Russian spread texts', () => {
  it('has the English spreads and positions, in the same order', () => {
    expect(Object.keys(SPREAD_TEXTS_RU)).toEqual(Object.keys(SPREAD_TEXTS_EN));
    for (const [key, text] of Object.entries(SPREAD_TEXTS_EN)) {
      expect(Object.keys(SPREAD_TEXTS_RU[key].positions)).toEqual(Object.keys(text.positions));
    }
  });

  it.each(Object.entries(SPREAD_TEXTS_RU))('%s has complete, well-formed Russian texts', (key, text) => {
    const english = SPREAD_TEXTS_EN[key];
    expect(text.name.trim()).not.toBe('');
    expect(text.name).not.toBe(english.name);
    expect(text.description.trim()).not.toBe('');
    expect(text.description).not.toBe(english.description);
    expect(text.description.length).toBeLessThanOrEqual(120);
    const positions = Object.entries(text.positions);
    for (const [positionKey, position] of positions) {
      expect(position.name.trim()).not.toBe('');
      expect(position.name).not.toBe(english.positions[positionKey].name);
      expect(position.name.split(' ').length).toBeLessThanOrEqual(4);
      // Meanings follow a dash: lowercase start, no final period.
      expect(position.meaning).toMatch(/^[а-яё][^A-Za-z]*[^.]$/);
      expect(position.meaning).not.toBe(english.positions[positionKey].meaning);
      expect(position.meaning.length).toBeLessThanOrEqual(140);
    }
    const meanings = positions.map(([, position]) => position.meaning);
    expect(new Set(meanings).size).toBe(meanings.length);
    const names = positions.map(([, position]) => position.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('Russian questionnaire texts', () => {
  it('has the English questionnaires with the same number of questions', () => {
    expect(Object.keys(QUESTIONNAIRE_TEXTS_RU).sort()).toEqual(Object.keys(QUESTIONNAIRE_TEXTS_EN).sort());
    for (const [key, questions] of Object.entries(QUESTIONNAIRE_TEXTS_EN)) expect(QUESTIONNAIRE_TEXTS_RU[key]).toHaveLength(questions.length);
  });

  it.each(Object.entries(QUESTIONNAIRE_TEXTS_RU))('%s asks distinct Russian questions', (key, questions) => {
    for (const [i, question] of questions.entries()) {
      expect(question.trim()).not.toBe('');
      expect(question.endsWith('?')).toBe(true);
      expect(question).not.toMatch(/[A-Za-z]/);
      expect(question).not.toBe(QUESTIONNAIRE_TEXTS_EN[key][i]);
    }
    expect(new Set(questions).size).toBe(questions.length);
  });
});
