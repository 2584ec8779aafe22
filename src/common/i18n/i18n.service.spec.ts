import { I18nService } from './i18n.service';

describe('I18nService', () => {
  const sut = new I18nService();

  it('picks the plural form by count', () => {
    expect(sut.t('en', 'balance.credits', { count: 1 })).toBe('You have <b>1 credit</b>.');
    expect(sut.t('en', 'balance.credits', { count: 0 })).toBe('You have <b>0 credits</b>.');
    expect(sut.t('en', 'balance.credits', { count: 21 })).toBe('You have <b>21 credits</b>.');
  });

  it('escapes HTML in parameters', () => {
    expect(sut.t('en', 'start.returning', { name: '<b>Eve</b> & co', count: 2 })).toContain('&lt;b&gt;Eve&lt;/b&gt; &amp; co');
  });

  it('falls back to English for an unsupported language and reads regional codes', () => {
    expect(sut.resolveLanguage('en-GB')).toBe('en');
    expect(sut.resolveLanguage('xx')).toBe('en');
    expect(sut.resolveLanguage(undefined)).toBe('en');
    expect(sut.t('xx', 'cancel.nothing')).toBe('There is nothing to cancel.');
  });

  it('writes a moment in UTC: the time alone today, with the date on another day, in the language', () => {
    const now = new Date('2026-12-05T10:20:00Z');
    expect(sut.moment('en', new Date('2026-12-05T11:00:00Z'), now)).toBe('11:00');
    expect(sut.moment('en', new Date('2026-12-06T00:00:00Z'), now)).toMatch(/^December 6\D+00:00$/);
    expect(sut.moment('uk', new Date('2026-12-06T09:05:00Z'), now)).toMatch(/^6 грудня\D+09:05$/);
    expect(sut.moment('ru', new Date('2026-12-06T09:05:00Z'), now)).toMatch(/^6 декабря\D+09:05$/);
  });
});
