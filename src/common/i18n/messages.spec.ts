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

/** A translation of the message catalogue (the reading texts are checked in readings/reading-texts.spec.ts). */
interface Translation {
  name: string;
  messages: Record<MessageKey, Message>;
  plurals: [number, Intl.LDMLPluralRule][];
}

/** Every language but English; a new language fails to compile here until its texts are listed. */
const TRANSLATIONS: Record<Exclude<Language, 'en'>, Translation> = {
  uk: {
    name: 'Ukrainian',
    messages: MESSAGES_UK,
    plurals: EAST_SLAVIC_PLURALS,
  },
  ru: {
    name: 'Russian',
    messages: MESSAGES_RU,
    plurals: EAST_SLAVIC_PLURALS,
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
  const { name, messages, plurals } = TRANSLATIONS[language];

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

});

describe('Ukrainian grammar', () => {
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

});

describe('Russian grammar', () => {
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
});
