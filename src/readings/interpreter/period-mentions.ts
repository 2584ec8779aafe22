// Days and months as a user may write them, in English, Ukrainian and Russian, with their case endings.
const END = '(?![\\p{L}])';
const START = '(?<![\\p{L}\\p{N}])';

const PERIOD_WORDS: Record<string, string[]> = {
  monday: ['monday', 'понеділ\\p{L}*', 'понедельн\\p{L}*'],
  tuesday: ['tuesday', 'вівтор\\p{L}*', 'вторник\\p{L}*'],
  wednesday: ['wednesday', 'серед[ау]', 'сред[аыу]', 'средой'],
  thursday: ['thursday', 'четвер(?:г|га|гу|гом|ги)?'],
  friday: ['friday', 'п[’\'ʼ]?ятниц\\p{L}*', 'пятниц\\p{L}*'],
  saturday: ['saturday', 'субот\\p{L}*', 'суббот\\p{L}*'],
  sunday: ['sunday', 'неділ\\p{L}*', 'воскресень\\p{L}*', 'воскресенье'],
  january: ['january', 'січ(?:ень|ня|ні)', 'январ\\p{L}*'],
  february: ['february', 'лют(?:ий|ого|ому)', 'феврал\\p{L}*'],
  march: ['march', 'берез(?:ень|ня|ні)', 'март[аеу]?'],
  april: ['april', 'квіт(?:ень|ня|ні)', 'апрел\\p{L}*'],
  may: ['трав(?:ень|ня|ні)', 'ма[йяе]'],
  june: ['june', 'чер(?:вень|вня|вні)', 'июн\\p{L}*'],
  july: ['july', 'лип(?:ень|ня|ні)', 'июл\\p{L}*'],
  august: ['august', 'сер(?:пень|пня|пні)', 'август\\p{L}*'],
  september: ['september', 'вер(?:есень|есня|есні)', 'сентябр\\p{L}*'],
  october: ['october', 'жов(?:тень|тня|тні)', 'октябр\\p{L}*'],
  november: ['november', 'листопад\\p{L}*', 'ноябр\\p{L}*'],
  december: ['december', 'гру(?:день|дня|дні)', 'декабр\\p{L}*'],
};

const PATTERNS: (readonly [string, RegExp])[] = [
  ...Object.entries(PERIOD_WORDS).map(([key, forms]) => [key, new RegExp(`${START}(?:${forms.join('|')})${END}`, 'iu')] as const),
  // "may" is also a verb: only a capitalised May after a preposition or beside a date counts.
  ['may', /\b(?:(?:[Ii]n|[Bb]y|[Uu]ntil|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id)[ -]May|May \d|\d{1,2}(?:st|nd|rd|th)? May)\b/u],
];

/**
 * The position a user's words point at when they name a day or a month the spread has a card for
 * ("a hard talk with my sister on Thursday"); the first such mention wins.
 */
export function mentionedPeriod(text: string, positionKeys: readonly string[]): string | null {
  let found: { key: string; at: number } | null = null;
  for (const [key, pattern] of PATTERNS) {
    if (!positionKeys.includes(key)) continue;
    const at = text.search(pattern);
    if (at >= 0 && (!found || at < found.at)) found = { key, at };
  }
  return found?.key ?? null;
}
