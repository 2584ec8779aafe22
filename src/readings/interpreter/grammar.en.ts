import type { Named } from './phrase-book';

/** English grammar shared by the English phrase files. */
export const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
export const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const TERMINAL = /[.!?…]["'”»)]*$/;
/** Mid-sentence, a quotation drops its own closing full stop (never a question mark or ellipsis). */
export const quote = (text: string): string => `“${text.replace(/(?<!\.)\.$/, '')}”`;
/** A quotation that ends the sentence keeps its own full stop or question mark. */
export const quoteAtEnd = (text: string): string => (TERMINAL.test(text) ? `“${text}”` : `“${text}”.`);
/** "the Tower", "Strength", "the Three of Cups", "Le Mat". */
export const the = (card: Named): string => {
  if (/^The /.test(card.name)) return `the ${card.name.slice(4)}`;
  return / of /.test(card.name) ? `the ${card.name}` : card.name;
};
/** "the Tower reversed". */
export const turned = (card: Named): string => `${the(card)}${card.reversed ? ' reversed' : ''}`;
export const Turned = (card: Named): string => cap(turned(card));
export const The = (card: Named): string => cap(the(card));
/** A position's name mid-sentence: "the Challenge", "Past". */
export const position = (name: string): string => (/^The /.test(name) ? `the ${name.slice(4)}` : name);
