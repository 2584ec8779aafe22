import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from 'src/common/i18n/i18n.service';
import { READER_LANGUAGES } from './builtin-interpreter';
import type { PhraseBook } from './phrase-book';

/** Every sentence type as a list of its variants, by path: "roles.challenge.light", "guidance.advice.love.fire". */
function variants(book: object, path = ''): Record<string, number> {
  return Object.fromEntries(
    Object.entries(book).flatMap(([key, value]) =>
      Array.isArray(value) ? [[`${path}${key}`, value.length]] : value && typeof value === 'object' ? Object.entries(variants(value, `${path}${key}.`)) : [],
    ),
  );
}

describe('phrase books', () => {
  const english = variants(READER_LANGUAGES.en.phrases);

  it.each(LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE))('%s has every sentence type English has, with at least as many variants', (language) => {
    const own = variants(READER_LANGUAGES[language].phrases);
    expect(Object.keys(own).sort()).toEqual(Object.keys(english).sort());
    for (const [path, n] of Object.entries(english)) expect({ path, ok: own[path] >= n }).toEqual({ path, ok: true });
    expect(Object.keys(READER_LANGUAGES[language].phrases.theme.famousPairs).sort()).toEqual(Object.keys(READER_LANGUAGES.en.phrases.theme.famousPairs).sort());
  });

  it('gives every role and life area at least three phrasings in each mood', () => {
    for (const [path, n] of Object.entries(english).filter(([p]) => /^(roles|areas)\./.test(p))) expect({ path, ok: n >= 3 }).toEqual({ path, ok: true });
  });

  it.each<[Language, string, string, string]>([
    ['en', '“More honesty”', '“More honesty.”', '“Will it?”'],
    ['uk', '«Більше чесності»', '«Більше чесності».', '«Чи варто?»'],
    ['ru', '«Больше честности»', '«Больше честности».', '«Стоит ли?»'],
  ])('%s quotes the user in its own style', (language, mid, end, asked) => {
    const book: PhraseBook = READER_LANGUAGES[language].phrases;
    const [text, question] = language === 'en' ? ['More honesty.', 'Will it?'] : language === 'uk' ? ['Більше чесності.', 'Чи варто?'] : ['Больше честности.', 'Стоит ли?'];
    expect(book.quote(text)).toBe(mid);
    expect(book.quoteAtEnd(text)).toBe(end);
    expect(book.quoteAtEnd(question)).toBe(asked);
  });

  it('joins Ukrainian lists with "і" or "й" as euphony asks', () => {
    const { list } = READER_LANGUAGES.uk.phrases;
    expect(list(['надія', 'відновлення'])).toBe('надія й відновлення');
    expect(list(['рух', 'примирення'])).toBe('рух і примирення');
    expect(list(['Вежа', 'Зірка', 'Сонце'])).toBe('Вежа, Зірка й Сонце');
  });
});
