/** Telegram's limit for a photo caption. */
export const CAPTION_LIMIT = 1024;
const MORE = '…';

/**
 * Plain-text caption for the spread picture (send it without parse_mode): the spread's name only.
 * The picture names every card and the message after it lists them with their positions, so the
 * list is said once.
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
