/** Telegram's limit for a photo caption. */
export const CAPTION_LIMIT = 1024;
const MORE = '…';

/**
 * Plain-text caption for a spread picture shown again (/past, /today; send it without
 * parse_mode): the spread's name only, as the message after it lists the cards with their
 * positions, so the list is said once. A fresh reading lists them in the caption instead
 * (ReadingDeliveryService).
 */
export function pictureCaption(spreadName: string): string {
  return cut(spreadName.trim(), CAPTION_LIMIT);
}

/** At most `limit` UTF-16 units, never splitting a surrogate pair. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - MORE.length;
  if (/[\ud800-\udbff]/.test(text[end - 1])) end -= 1;
  return `${text.slice(0, end)}${MORE}`;
}
