import type { PictureCard } from './spread-picture';

/** Telegram's limit for a photo caption. */
export const CAPTION_LIMIT = 1024;
const MORE = '…';

/**
 * Plain-text caption for the spread picture (send it without parse_mode): the spread's name, then
 * "n. position — card", reversed cards marked. Positions that do not fit in 1,024 characters are
 * left out and an ellipsis says so.
 */
export function pictureCaption(spreadName: string, cards: PictureCard[], reversedWord: (card: PictureCard) => string): string {
  const header = cut(spreadName.trim(), CAPTION_LIMIT - MORE.length - 1);
  const lines = cards.map((card, i) => {
    const name = card.reversed ? `${card.name} (${reversedWord(card)})` : card.name;
    return `${i + 1}. ${card.positionName} — ${name}`;
  });
  let caption = header;
  for (const [i, line] of lines.entries()) {
    const next = `${caption}\n${line}`;
    const roomForMore = i === lines.length - 1 ? 0 : MORE.length + 1;
    if (next.length + roomForMore > CAPTION_LIMIT) return `${caption}\n${MORE}`;
    caption = next;
  }
  return caption;
}

/** At most `limit` UTF-16 units, never splitting a surrogate pair. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - MORE.length;
  if (/[\ud800-\udbff]/.test(text[end - 1])) end -= 1;
  return `${text.slice(0, end)}${MORE}`;
}
