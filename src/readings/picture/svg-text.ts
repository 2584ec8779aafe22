const ELLIPSIS = '…';
// Control characters are not allowed in XML 1.0 and could break the document.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Greedy word wrap to `maxWidth`, breaking words longer than a line; past `maxLines`
 * the last line ends with an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, measure: (line: string) => number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (measure(line) > maxWidth && [...line].length > 1) {
      const [head, rest] = splitToFit(line, maxWidth, measure);
      lines.push(head);
      line = rest;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1]} ${lines[maxLines]}`, maxWidth, measure);
  return kept;
}

/** The text itself if it fits, else as much as fits followed by an ellipsis. */
export function ellipsize(text: string, maxWidth: number, measure: (line: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length && measure(`${chars.join('').trimEnd()}${ELLIPSIS}`) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}${ELLIPSIS}`;
}

const VOWELS = /[aeiouyаеёиоуыэюяіїєAEIOUYАЕЁИОУЫЭЮЯІЇЄ]/;
/** Letters that never start a syllable (the soft and hard signs, й, the apostrophe). */
const NO_START = /^[ьъйЬЪЙ’'`]/;

/**
 * The longest head of a word that fits with its hyphen, cut where a syllable may end: both parts
 * keep a vowel and at least two letters, and the tail starts with a letter that can begin a
 * syllable. Falls back to any cut when the word offers no such place.
 */
function splitToFit(word: string, maxWidth: number, measure: (line: string) => number): [string, string] {
  const chars = [...word];
  for (let cut = chars.length - 2; cut >= 2; cut -= 1) {
    const head = chars.slice(0, cut).join('');
    const tail = chars.slice(cut).join('');
    const syllable = VOWELS.test(head) && VOWELS.test(tail) && !NO_START.test(tail) && (VOWELS.test(head.slice(-1)) || !VOWELS.test(tail.charAt(0)));
    if (syllable && measure(`${head}-`) <= maxWidth) return [`${head}-`, tail];
  }
  let cut = chars.length - 1;
  while (cut > 1 && measure(`${chars.slice(0, cut).join('')}-`) > maxWidth) cut -= 1;
  return [`${chars.slice(0, cut).join('')}-`, chars.slice(cut).join('')];
}
