/**
 * Free text that asks for a reading, in English, Ukrainian or Russian ("can you read my cards?",
 * "зробіть мені розклад", "погадай мне"): answered with the spread menu instead of a shrug.
 * Cyrillic has no `\b` in JavaScript regular expressions, so its stems are matched as they are. A
 * bare "card" / "карта" is left out: it is as often a bank card.
 */
const REQUESTS = [
  /\b(tarot|readings?|read (?:my|me|the|for)|spread|fortune|draw (?:a|my|me|the) cards?)\b/i,
  /(таро|розклад|ворож|погада|гада[йт])/i,
  /(расклад|погада|гадан|гада[йт])/i,
];

export function looksLikeReadingRequest(text: string): boolean {
  return REQUESTS.some((pattern) => pattern.test(text));
}
