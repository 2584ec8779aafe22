export const TELEGRAM_TEXT_LIMIT = 4096;

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

/** How long Telegram counts HTML once its tags are parsed away (its limits are on this): UTF-16 units. */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]+>/g, '').replace(/&(lt|gt|amp|quot|#39);/g, (entity) => ENTITIES[entity]).length;
}

/**
 * Joins consecutive messages (with a blank line between) while the result stays within `limit`:
 * the fewest messages, in the same order, none over the limit that was not over it already.
 */
export function joinMessages(messages: string[], limit = TELEGRAM_TEXT_LIMIT): string[] {
  const joined: string[] = [];
  for (const message of messages) {
    const last = joined.at(-1);
    if (last !== undefined && visibleLength(last) + 2 + visibleLength(message) <= limit) joined[joined.length - 1] = `${last}\n\n${message}`;
    else joined.push(message);
  }
  return joined;
}

/**
 * Splits HTML made of paragraphs (separated by blank lines, each with balanced tags) into
 * messages of at most `limit` characters, breaking only between paragraphs, so every part is
 * valid HTML. A paragraph longer than the limit is broken at a sentence or word boundary
 * (such paragraphs are plain text with escaped entities, never split inside an entity).
 */
export function splitMessage(html: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const paragraphs = html.split(/\n{2,}/).flatMap((p) => (p.length > limit ? breakLong(p, limit) : [p]));
  const parts: string[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    const candidate = current ? `${current}\n\n${paragraph}` : paragraph;
    if (candidate.length <= limit) {
      current = candidate;
    } else {
      if (current) parts.push(current);
      current = paragraph;
    }
  }
  if (current) parts.push(current);
  return parts;
}

function breakLong(paragraph: string, limit: number): string[] {
  const plain = paragraph.replace(/<[^>]+>/g, '');
  const pieces: string[] = [];
  let rest = plain;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'));
    if (cut < limit / 2) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = limit;
    const entity = window.lastIndexOf('&', cut);
    if (entity > window.lastIndexOf(';', cut)) cut = entity;
    pieces.push(rest.slice(0, cut + (rest[cut] === '.' ? 1 : 0)).trim());
    rest = rest.slice(cut + (rest[cut] === '.' ? 1 : 0)).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
