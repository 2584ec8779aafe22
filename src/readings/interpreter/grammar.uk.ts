import type { Case, Gender } from 'src/readings/deck/card-grammar';
import type { Named } from './phrase-book';

/*
 * Ukrainian grammar for the phrase files: card names decline (see deck/card-grammar.uk.ts) and
 * every word that agrees with a card (перевернутий/перевернута/перевернуте/перевернуті, the past
 * tense) takes the card's gender. Position names stay in the nominative inside «…» after
 * "позиція"; days, weeks and months take their own time expressions (у вівторок, у березні).
 */

export const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const REVERSED: Record<Gender, Record<Case, string> & { accAnimate: string }> = {
  m: { nom: 'ий', gen: 'ого', dat: 'ому', acc: 'ий', accAnimate: 'ого', ins: 'им', loc: 'ому' },
  f: { nom: 'а', gen: 'ої', dat: 'ій', acc: 'у', accAnimate: 'у', ins: 'ою', loc: 'ій' },
  n: { nom: 'е', gen: 'ого', dat: 'ому', acc: 'е', accAnimate: 'е', ins: 'им', loc: 'ому' },
  p: { nom: 'і', gen: 'их', dat: 'им', acc: 'і', accAnimate: 'их', ins: 'ими', loc: 'их' },
};

/** "перевернутого" for "перевернутого Короля", agreeing in gender, case and animacy. */
export function reversedWord(card: Named, kase: Case): string {
  const endings = REVERSED[card.grammar.gender];
  return `перевернут${kase === 'acc' && card.grammar.animate ? endings.accAnimate : endings[kase]}`;
}

/** The name in a case: "Вежу", "Короля Жезлів". */
export const bare = (card: Named, kase: Case = 'nom'): string => card.grammar.forms[kase];
/** The name with its turn: "перевернуту Вежу". */
export const card = (c: Named, kase: Case = 'nom'): string => (c.reversed ? `${reversedWord(c, kase)} ${bare(c, kase)}` : bare(c, kase));
export const Card = (c: Named, kase: Case = 'nom'): string => cap(card(c, kase));
/** A word that agrees with the card: g(card, 'ліг', 'лягла', 'лягло', 'лягли'). */
export const g = (c: Named, m: string, f: string, n: string, p: string): string => ({ m, f, n, p })[c.grammar.gender];

/** Present-tense verbs the phrase files put beside a card as its subject, with the plural a plural name takes. */
export const PLURAL_VERBS = {
  бачить: 'бачать', веде: 'ведуть', випробовує: 'випробовують', вирізняється: 'вирізняються', вказує: 'вказують', впускає: 'впускають',
  вчить: 'вчать', відкриває: 'відкривають', відлунює: 'відлунюють', відповідає: 'відповідають', вінчає: 'вінчають', говорить: 'говорять',
  дає: 'дають', додає: 'додають', діє: 'діють', забарвлює: 'забарвлюють', задає: 'задають', застерігає: 'застерігають', звучить: 'звучать',
  змальовує: 'змальовують', каже: 'кажуть', кличе: 'кличуть', лежить: 'лежать', малює: 'малюють', має: 'мають', нагадує: 'нагадують',
  називає: 'називають', належить: 'належать', несе: 'несуть', обнадіює: 'обнадіюють', обіцяє: 'обіцяють', описує: 'описують', освітлює: 'освітлюють',
  перетинає: 'перетинають', питає: 'питають', позначає: 'позначають', показує: 'показують', попереджає: 'попереджають', починає: 'починають',
  пояснює: 'пояснюють', працює: 'працюють', приносить: 'приносять', просить: 'просять', підказує: 'підказують', підкреслює: 'підкреслюють',
  підтверджує: 'підтверджують', підтримує: 'підтримують', радить: 'радять', розкриває: 'розкривають', ставить: 'ставлять', стане: 'стануть',
  стоїть: 'стоять', тримає: 'тримають', тримається: 'тримаються', фарбує: 'фарбують', цінує: 'цінують', чекає: 'чекають', читає: 'читають',
  читається: 'читаються', іде: 'ідуть',
} as const;
export type CardVerb = keyof typeof PLURAL_VERBS;
/** A verb agreeing in number with its card: verb(card, 'показує') is "показують" for the Lovers. */
export const verb = (c: Named, singular: CardVerb): string => (c.grammar.gender === 'p' ? PLURAL_VERBS[singular] : singular);

const VOWELS = 'аеєиіїоуюя';
/** "і" or "й" by euphony: "й" after a vowel (not before й, є, ї, ю, я), "і" after a consonant. */
function and(before: string, after: string): string {
  const last = before.replace(/[»”“"')\]]+$/u, '').slice(-1).toLowerCase();
  const first = after.replace(/^[«„“"'(\[]+/u, '').charAt(0).toLowerCase();
  if ('йєїюя'.includes(first)) return 'і';
  return VOWELS.includes(last) ? 'й' : 'і';
}
export const list = (items: readonly string[]): string => {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1];
  const head = items.slice(0, -1);
  return `${head.join(', ')} ${and(head[head.length - 1], last)} ${last}`;
};
const nested = (text: string): string => text.replace(/«/g, '„').replace(/»/g, '“');
export const quote = (text: string): string => `«${nested(text).replace(/(?<!\.)\.$/, '')}»`;
export const quoteAtEnd = (text: string): string => {
  const inner = nested(text);
  if (/(?<!\.)\.$/.test(inner)) return `«${inner.slice(0, -1)}».`;
  return /(?:[?!…]|\.\.\.)["'”“»)]*$/.test(inner) ? `«${inner}»` : `«${inner}».`;
};

const FEMININE = ['жодна', 'одна', 'дві', 'три', 'чотири', 'п’ять', 'шість', 'сім', 'вісім', 'дев’ять', 'десять', 'одинадцять', 'дванадцять', 'тринадцять', 'чотирнадцять', 'п’ятнадцять'];
const GENITIVE = ['жодної', 'однієї', 'двох', 'трьох', 'чотирьох', 'п’яти', 'шести', 'семи', 'восьми', 'дев’яти', 'десяти', 'одинадцяти', 'дванадцяти', 'тринадцяти', 'чотирнадцяти', 'п’ятнадцяти'];
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
/** "одна карта", "три карти", "п’ять карт". */
export const cards = (n: number): string => `${count(n)} ${plural(n, 'карта', 'карти', 'карт')}`;

const DAYS: Record<string, string> = {
  Понеділок: 'у понеділок',
  Вівторок: 'у вівторок',
  Середа: 'у середу',
  Четвер: 'у четвер',
  'П’ятниця': 'у п’ятницю',
  Субота: 'у суботу',
  Неділя: 'у неділю',
};
const WEEKS: Record<string, string> = {
  'Перший тиждень': 'першого тижня',
  'Другий тиждень': 'другого тижня',
  'Третій тиждень': 'третього тижня',
  'Четвертий тиждень': 'четвертого тижня',
};
const MONTHS: Record<string, string> = {
  Січень: 'у січні',
  Лютий: 'у лютому',
  Березень: 'у березні',
  Квітень: 'у квітні',
  Травень: 'у травні',
  Червень: 'у червні',
  Липень: 'у липні',
  Серпень: 'у серпні',
  Вересень: 'у вересні',
  Жовтень: 'у жовтні',
  Листопад: 'у листопаді',
  Грудень: 'у грудні',
};

/** "у вівторок", "третього тижня", "у березні", "у позиції «Виклик»". */
export function place(name: string, period?: string): string {
  const table = period === 'day' ? DAYS : period === 'week' ? WEEKS : period === 'month' ? MONTHS : {};
  return Object.hasOwn(table, name) ? table[name] : `у позиції «${name}»`;
}
