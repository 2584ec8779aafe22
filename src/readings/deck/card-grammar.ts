import { isLanguage, type Language } from 'src/common/i18n/i18n.service';
import { MAJOR_FORMS_RU, RANK_FORMS_RU } from './card-grammar.ru';
import { MAJOR_FORMS_UK, RANK_FORMS_UK } from './card-grammar.uk';

export type Gender = 'm' | 'f' | 'n' | 'p';
export const CASES = ['nom', 'gen', 'dat', 'acc', 'ins', 'loc'] as const;
export type Case = (typeof CASES)[number];

/** How a card's name behaves in a sentence: its gender (p for plural names) and its six cases. */
export interface NameGrammar {
  gender: Gender;
  /** Masculine and plural names: whether the accusative takes the genitive (Короля, Шута, Закоханих). */
  animate: boolean;
  forms: Record<Case, string>;
}

/** [gender, genitive, dative, accusative, instrumental, locative] of a nominative name. */
export type FormRow = [Gender, string, string, string, string, string];

/** How each language declines card names; undefined for a language whose names never change (English). */
const TABLES: Record<Language, { majors: Record<string, FormRow>; ranks: Record<string, FormRow> } | undefined> = {
  en: undefined,
  ru: { majors: MAJOR_FORMS_RU, ranks: RANK_FORMS_RU },
  uk: { majors: MAJOR_FORMS_UK, ranks: RANK_FORMS_UK },
};

function fromRow(nom: string, [gender, gen, dat, acc, ins, loc]: FormRow): NameGrammar {
  return { gender, animate: (gender === 'm' || gender === 'p') && acc === gen, forms: { nom, gen, dat, acc, ins, loc } };
}

const invariant = (name: string, gender: Gender): NameGrammar => ({
  gender,
  animate: false,
  forms: { nom: name, gen: name, dat: name, acc: name, ins: name, loc: name },
});

/**
 * The grammar of a card name as shown in a deck, in a language that declines names (uk, ru).
 * A minor's rank is its first word and declines; the suit (already genitive) and a Thoth title in
 * brackets stay as they are. English and names nobody has declined yet come back unchanged.
 */
export function nameGrammar(language: string, name: string): NameGrammar {
  const table = isLanguage(language) ? TABLES[language] : undefined;
  if (!table) return invariant(name, 'n');
  if (Object.hasOwn(table.majors, name)) return fromRow(name, table.majors[name]);
  const [rank, ...rest] = name.split(' ');
  if (rest.length > 0 && Object.hasOwn(table.ranks, rank)) {
    const row = table.ranks[rank];
    const tail = ` ${rest.join(' ')}`;
    const [gender, ...forms] = row;
    return fromRow(name, [gender, ...(forms.map((f) => f + tail) as [string, string, string, string, string])]);
  }
  return invariant(name, /[аяь]$/.test(name) ? 'f' : /[оеє]$/.test(name) ? 'n' : 'm');
}

/**
 * A card's own text speaks of it by its Rider–Waite–Smith name; in another deck the same text
 * uses that deck's name, in the same case.
 */
export function renameInText(language: string, text: string, from: string, to: string): string {
  if (from === to) return text;
  if (language === 'en') {
    const bare = from.replace(/^The /, '');
    const target = to.replace(/^The /, '');
    const needsArticle = /^The /.test(to) || to.includes(' of ');
    return text.replace(new RegExp(`(?:\\b(The|the) )?\\b${escapeRegExp(bare)}\\b`, 'g'), (_whole, the: string | undefined, offset: number) => {
      if (!needsArticle) return target;
      const startsSentence = offset === 0 || /[.!?]\s*$/.test(text.slice(0, offset));
      return `${the === 'The' || (!the && startsSentence) ? 'The' : 'the'} ${target}`;
    });
  }
  const source = nameGrammar(language, from);
  const target = nameGrammar(language, to);
  const byLength = [...new Set(Object.values(source.forms))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const form of byLength) {
    const kase = (Object.keys(source.forms) as Case[]).find((k) => source.forms[k] === form) ?? 'nom';
    out = out.replace(new RegExp(`(?<![\\p{L}’'])${escapeRegExp(form)}(?![\\p{L}’'])`, 'gu'), target.forms[kase]);
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
