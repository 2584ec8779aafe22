/**
 * User-provided text goes into a reading as given, but on one line and within a length that
 * keeps the paragraph readable. Cuts at a word boundary when one is close, never inside a
 * surrogate pair.
 */
export function trimUserText(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  const body = space > cut.length * 0.7 ? cut.slice(0, space) : cut;
  return `${body.replace(/[\s,;:.-]+$/, '')}…`;
}
