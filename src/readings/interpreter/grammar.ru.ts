import type { Case, Gender } from 'src/readings/deck/card-grammar';
import type { Named } from './phrase-book';

/*
 * Russian grammar for the phrase files: card names decline (see deck/card-grammar.ru.ts) and every
 * word that agrees with a card (перевёрнутый/перевёрнутая/перевёрнутое/перевёрнутые, the past
 * tense) takes the card's gender. Position names stay in the nominative inside «…» after
 * "позиция"; days, weeks and months take their own time expressions (во вторник, в марте).
 */

export const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const REVERSED: Record<Gender, Record<Case, string> & { accAnimate: string }> = {
  m: { nom: 'ый', gen: 'ого', dat: 'ому', acc: 'ый', accAnimate: 'ого', ins: 'ым', loc: 'ом' },
  f: { nom: 'ая', gen: 'ой', dat: 'ой', acc: 'ую', accAnimate: 'ую', ins: 'ой', loc: 'ой' },
  n: { nom: 'ое', gen: 'ого', dat: 'ому', acc: 'ое', accAnimate: 'ое', ins: 'ым', loc: 'ом' },
  p: { nom: 'ые', gen: 'ых', dat: 'ым', acc: 'ые', accAnimate: 'ых', ins: 'ыми', loc: 'ых' },
};

/** "перевёрнутого" for "перевёрнутого Короля", agreeing in gender, case and animacy. */
export function reversedWord(card: Named, kase: Case): string {
  const endings = REVERSED[card.grammar.gender];
  return `перевёрнут${kase === 'acc' && card.grammar.animate ? endings.accAnimate : endings[kase]}`;
}

export const bare = (card: Named, kase: Case = 'nom'): string => card.grammar.forms[kase];
/** The name with its turn: "перевёрнутую Башню". */
export const card = (c: Named, kase: Case = 'nom'): string => (c.reversed ? `${reversedWord(c, kase)} ${bare(c, kase)}` : bare(c, kase));
export const Card = (c: Named, kase: Case = 'nom'): string => cap(card(c, kase));
/** A word that agrees with the card: g(card, 'лёг', 'легла', 'легло', 'легли'). */
export const g = (c: Named, m: string, f: string, n: string, p: string): string => ({ m, f, n, p })[c.grammar.gender];

/** Present-tense verbs the phrase files put beside a card as its subject, with the plural a plural name takes. */
export const PLURAL_VERBS = {
  ведёт: 'ведут', венчает: 'венчают', видит: 'видят', впускает: 'впускают', выделяется: 'выделяются', говорит: 'говорят', даёт: 'дают',
  действует: 'действуют', держит: 'держат', держится: 'держатся', добавляет: 'добавляют', ждёт: 'ждут', задаёт: 'задают', звучит: 'звучат',
  зовёт: 'зовут', идёт: 'идут', имеет: 'имеют', испытывает: 'испытывают', лежит: 'лежат', называет: 'называют', напоминает: 'напоминают',
  начинает: 'начинают', несёт: 'несут', обещает: 'обещают', обнадёживает: 'обнадёживают', объясняет: 'объясняют', окрашивает: 'окрашивают',
  описывает: 'описывают', освещает: 'освещают', отвечает: 'отвечают', отзывается: 'отзываются', открывает: 'открывают', отмечает: 'отмечают',
  перекрывает: 'перекрывают', поддерживает: 'поддерживают', подсказывает: 'подсказывают', подтверждает: 'подтверждают', подчёркивает: 'подчёркивают',
  показывает: 'показывают', предостерегает: 'предостерегают', предупреждает: 'предупреждают', принадлежит: 'принадлежат', приносит: 'приносят',
  просит: 'просят', работает: 'работают', раскрывает: 'раскрывают', рисует: 'рисуют', советует: 'советуют', спрашивает: 'спрашивают',
  ставит: 'ставят', станет: 'станут', стоит: 'стоят', указывает: 'указывают', учит: 'учат', ценит: 'ценят', читает: 'читают', читается: 'читаются',
} as const;
export type CardVerb = keyof typeof PLURAL_VERBS;
/** A verb agreeing in number with its card: verb(card, 'показывает') is "показывают" for the Lovers. */
export const verb = (c: Named, singular: CardVerb): string => (c.grammar.gender === 'p' ? PLURAL_VERBS[singular] : singular);

export const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} и ${items[items.length - 1]}`;
const nested = (text: string): string => text.replace(/«/g, '„').replace(/»/g, '“');
export const quote = (text: string): string => `«${nested(text).replace(/(?<!\.)\.$/, '')}»`;
/** A question or exclamation mark stays inside and ends the sentence; a full stop goes after the closing quote. */
export const quoteAtEnd = (text: string): string => {
  const inner = nested(text);
  if (/(?<!\.)\.$/.test(inner)) return `«${inner.slice(0, -1)}».`;
  return /(?:[?!…]|\.\.\.)["'”“»)]*$/.test(inner) ? `«${inner}»` : `«${inner}».`;
};

const FEMININE = ['ни одна', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять', 'десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать'];
const GENITIVE = ['ни одной', 'одной', 'двух', 'трёх', 'четырёх', 'пяти', 'шести', 'семи', 'восьми', 'девяти', 'десяти', 'одиннадцати', 'двенадцати', 'тринадцати', 'четырнадцати', 'пятнадцати'];
export function pluralForm(n: number): 'one' | 'few' | 'many' {
  const units = n % 10;
  const tens = n % 100;
  if (units === 1 && tens !== 11) return 'one';
  if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return 'few';
  return 'many';
}
export const plural = (n: number, one: string, few: string, many: string): string => ({ one, few, many })[pluralForm(n)];
export const count = (n: number): string => FEMININE[n] ?? String(n);
export const countGen = (n: number): string => GENITIVE[n] ?? String(n);
/** "одна карта", "три карты", "пять карт". */
export const cards = (n: number): string => `${count(n)} ${plural(n, 'карта', 'карты', 'карт')}`;

const DAYS: Record<string, string> = {
  Понедельник: 'в понедельник',
  Вторник: 'во вторник',
  Среда: 'в среду',
  Четверг: 'в четверг',
  Пятница: 'в пятницу',
  Суббота: 'в субботу',
  Воскресенье: 'в воскресенье',
};
const WEEKS: Record<string, string> = {
  'Первая неделя': 'на первой неделе',
  'Вторая неделя': 'на второй неделе',
  'Третья неделя': 'на третьей неделе',
  'Четвёртая неделя': 'на четвёртой неделе',
};
const MONTHS: Record<string, string> = {
  Январь: 'в январе',
  Февраль: 'в феврале',
  Март: 'в марте',
  Апрель: 'в апреле',
  Май: 'в мае',
  Июнь: 'в июне',
  Июль: 'в июле',
  Август: 'в августе',
  Сентябрь: 'в сентябре',
  Октябрь: 'в октябре',
  Ноябрь: 'в ноябре',
  Декабрь: 'в декабре',
};

/** "во вторник", "на третьей неделе", "в марте", "в позиции «Препятствие»". */
export function place(name: string, period?: string): string {
  const table = period === 'day' ? DAYS : period === 'week' ? WEEKS : period === 'month' ? MONTHS : {};
  return Object.hasOwn(table, name) ? table[name] : `в позиции «${name}»`;
}
