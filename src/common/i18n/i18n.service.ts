import { Injectable } from '@nestjs/common';
import { Message, PluralForms } from './message';
import { MESSAGES_EN, MessageKey } from './messages.en';
import { MESSAGES_RU } from './messages.ru';
import { MESSAGES_UK } from './messages.uk';

/**
 * The one list of the languages the bot speaks, each with its English name (the LLM is told to
 * write in it). Every per-language table is a Record<Language, …>, so a language added here
 * fails to compile until each has it: the steps are in src/common/i18n/README.md.
 */
export const LANGUAGE_NAMES = { en: 'English', uk: 'Ukrainian', ru: 'Russian' } as const;
export type Language = keyof typeof LANGUAGE_NAMES;
export const LANGUAGES = Object.keys(LANGUAGE_NAMES) as readonly Language[];
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(code: string): code is Language {
  return Object.hasOwn(LANGUAGE_NAMES, code);
}

export type MessageParams = Record<string, string | number>;

const CATALOGUES: Record<Language, Record<MessageKey, Message>> = { en: MESSAGES_EN, uk: MESSAGES_UK, ru: MESSAGES_RU };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Translates message keys into the user's language, with plural forms and escaped parameters. */
@Injectable()
export class I18nService {
  private readonly pluralRules = new Map<Language, Intl.PluralRules>();

  /** The supported language closest to Telegram's `language_code` (e.g. `en-GB` → `en`). */
  resolveLanguage(code: string | undefined | null): Language {
    const base = code?.toLowerCase().split('-')[0];
    return base !== undefined && isLanguage(base) ? base : DEFAULT_LANGUAGE;
  }

  t(language: string | undefined, key: MessageKey, params: MessageParams = {}): string {
    const lang = this.resolveLanguage(language);
    const message = CATALOGUES[lang][key] ?? CATALOGUES[DEFAULT_LANGUAGE][key];
    const template = typeof message === 'string' ? message : this.pluralForm(lang, message, params.count);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? escapeHtml(String(params[name])) : whole,
    );
  }

  /** A moment in UTC as the language writes it: the time alone when it falls on today's date, else the date too. */
  moment(language: string | undefined, at: Date, now = new Date()): string {
    const lang = this.resolveLanguage(language);
    const sameDay = at.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
    const format = new Intl.DateTimeFormat(lang, {
      ...(sameDay ? {} : { day: 'numeric', month: 'long' }),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    });
    return format.format(at);
  }

  private pluralForm(lang: Language, forms: PluralForms, count: string | number | undefined): string {
    let rules = this.pluralRules.get(lang);
    if (!rules) {
      rules = new Intl.PluralRules(lang);
      this.pluralRules.set(lang, rules);
    }
    return forms[rules.select(Number(count ?? 0))] ?? forms.other;
  }
}
