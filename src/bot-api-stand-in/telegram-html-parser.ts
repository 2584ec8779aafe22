import type { TgMessageEntity } from './telegram-objects.types';

export type HtmlParseResult =
  | { ok: true; text: string; entities: TgMessageEntity[] }
  | { ok: false; error: string };

interface OpenTag {
  name: string;
  offset: number;
  entity: Omit<TgMessageEntity, 'offset' | 'length'> | null;
}

const SIMPLE_ENTITY_TYPES: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  code: 'code',
  pre: 'pre',
};
const SUPPORTED_TAGS = new Set([...Object.keys(SIMPLE_ENTITY_TYPES), 'a', 'span', 'blockquote', 'tg-emoji']);
const NAMED_CHARACTERS: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
const TAG_NAME = /^[a-zA-Z][a-zA-Z0-9-]*/;
const ATTRIBUTE_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*/;
const CHARACTER_REFERENCE = /^&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);/;

/**
 * Parses text in Telegram's HTML parse mode into plain text and entities, failing with
 * Telegram's "can't parse entities" reasons for unsupported or unbalanced tags.
 */
export class TelegramHtmlParser {
  parse(html: string): HtmlParseResult {
    let text = '';
    const entities: TgMessageEntity[] = [];
    const stack: OpenTag[] = [];
    let index = 0;
    const byteOffset = (at: number) => Buffer.byteLength(html.slice(0, at), 'utf8');
    const fail = (error: string): HtmlParseResult => ({ ok: false, error });

    while (index < html.length) {
      const char = html[index];
      if (char === '&') {
        const reference = CHARACTER_REFERENCE.exec(html.slice(index, index + 12));
        const decoded = reference ? decodeReference(reference[1]) : undefined;
        if (reference && decoded !== undefined) {
          text += decoded;
          index += reference[0].length;
        } else {
          text += char;
          index++;
        }
        continue;
      }
      if (char !== '<') {
        text += char;
        index++;
        continue;
      }

      if (html[index + 1] === '/') {
        const close = html.indexOf('>', index + 2);
        if (close < 0) return fail(`Unclosed end tag at byte offset ${byteOffset(index)}`);
        const name = html.slice(index + 2, close).trim().toLowerCase();
        const open = stack.pop();
        if (!open) return fail(`Unexpected end tag at byte offset ${byteOffset(index)}`);
        if (open.name !== name) {
          return fail(
            `Unmatched end tag at byte offset ${byteOffset(index)}, expected "</${open.name}>", found "</${name}>"`,
          );
        }
        if (open.entity && text.length > open.offset) {
          entities.push({ ...open.entity, offset: open.offset, length: text.length - open.offset });
        }
        index = close + 1;
        continue;
      }

      const tagStart = index;
      const nameMatch = TAG_NAME.exec(html.slice(index + 1));
      if (!nameMatch) return fail(`Unsupported start tag "" at byte offset ${byteOffset(tagStart)}`);
      const name = nameMatch[0].toLowerCase();
      if (!SUPPORTED_TAGS.has(name)) return fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(tagStart)}`);
      index += 1 + nameMatch[0].length;

      const attributes = new Map<string, string>();
      let closed = false;
      while (index < html.length) {
        const current = html[index];
        if (/\s|\//.test(current)) {
          index++;
          continue;
        }
        if (current === '>') {
          closed = true;
          index++;
          break;
        }
        const attribute = ATTRIBUTE_NAME.exec(html.slice(index));
        if (!attribute) {
          return fail(`Unexpected character "${current}" in tag "${name}" at byte offset ${byteOffset(index)}`);
        }
        index += attribute[0].length;
        let value = '';
        while (html[index] === ' ') index++;
        if (html[index] === '=') {
          index++;
          while (html[index] === ' ') index++;
          const quote = html[index];
          if (quote === '"' || quote === "'") {
            const end = html.indexOf(quote, index + 1);
            if (end < 0) return fail(`Unclosed start tag at byte offset ${byteOffset(tagStart)}`);
            value = html.slice(index + 1, end);
            index = end + 1;
          } else {
            const unquoted = /^[^\s>]*/.exec(html.slice(index))?.[0] ?? '';
            value = unquoted;
            index += unquoted.length;
          }
        }
        attributes.set(attribute[0].toLowerCase(), decodeAttribute(value));
      }
      if (!closed) return fail(`Unclosed start tag at byte offset ${byteOffset(tagStart)}`);

      const entity = this.entityFor(name, attributes, stack);
      if (typeof entity === 'string') return fail(`${entity} at byte offset ${byteOffset(tagStart)}`);
      stack.push({ name, offset: text.length, entity });
    }

    if (stack.length) return fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1].name}"`);
    entities.sort((left, right) => left.offset - right.offset || right.length - left.length);
    return { ok: true, text, entities };
  }

  /** The entity a start tag opens, null for none, or a string with the reason the tag is refused. */
  private entityFor(name: string, attributes: Map<string, string>, stack: OpenTag[]): OpenTag['entity'] | string {
    switch (name) {
      case 'a': {
        const href = attributes.get('href');
        return href ? { type: 'text_link', url: href } : null;
      }
      case 'span':
        if (attributes.get('class') !== 'tg-spoiler') return 'Tag "span" must have class "tg-spoiler"';
        return { type: 'spoiler' };
      case 'blockquote':
        return { type: attributes.has('expandable') ? 'expandable_blockquote' : 'blockquote' };
      case 'tg-emoji': {
        const emojiId = attributes.get('emoji-id');
        if (!emojiId) return 'Tag "tg-emoji" must have attribute "emoji-id"';
        return { type: 'custom_emoji', custom_emoji_id: emojiId };
      }
      case 'code': {
        const language = /^language-(.+)$/.exec(attributes.get('class') ?? '')?.[1];
        const parent = stack[stack.length - 1];
        if (language && parent?.name === 'pre' && parent.entity) {
          parent.entity = { ...parent.entity, language };
          return null;
        }
        return { type: 'code' };
      }
      default:
        return { type: SIMPLE_ENTITY_TYPES[name] };
    }
  }
}

function decodeReference(reference: string): string | undefined {
  if (reference.startsWith('#')) {
    const codePoint = reference[1] === 'x' ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined;
  }
  return NAMED_CHARACTERS[reference];
}

function decodeAttribute(value: string): string {
  return value.replace(/&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, (whole, reference: string) => {
    return decodeReference(reference) ?? whole;
  });
}
