// @ts-check
// Formatted text from Telegram's entities, built with DOM nodes: bot text is never parsed as HTML.
import { el } from './dom.js';
import { INVOICE_LINK, openLink, SAFE_LINK } from './payments.js';

/** @typedef {import('./chat-types').MessageEntity} MessageEntity */

const AUTO_LINKS = /(?<![\w/])\/[A-Za-z0-9_]{1,32}(?:@\w+)?(?![\w/])|https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;
/** @type {Record<string, keyof HTMLElementTagNameMap>} */
const SIMPLE = { bold: 'b', italic: 'i', underline: 'u', strikethrough: 's', code: 'code' };

/**
 * @param {string} text
 * @param {MessageEntity[]} [entities]
 */
export function richText(text, entities) {
  const box = el('div', 'text');
  const sorted = (entities || [])
    .filter((entity) => entity.length > 0)
    .slice()
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  build(box, text, 0, text.length, sorted);
  return box;
}

/**
 * Entities nest (Telegram guarantees it for parsed HTML); one that only overlaps a sibling is skipped.
 * @param {HTMLElement} parent
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @param {MessageEntity[]} entities
 */
function build(parent, text, start, end, entities) {
  let cursor = start;
  let i = 0;
  while (i < entities.length) {
    const entity = entities[i];
    const from = Math.max(entity.offset, start);
    const to = Math.min(entity.offset + entity.length, end);
    if (from < cursor || from >= to) {
      i += 1;
      continue;
    }
    if (from > cursor) plain(parent, text.slice(cursor, from));
    let j = i + 1;
    while (j < entities.length && entities[j].offset < to) j += 1;
    const [outer, inner] = entityNode(entity, text.slice(from, to));
    build(inner, text, from, to, entities.slice(i + 1, j));
    parent.append(outer);
    cursor = to;
    i = j;
  }
  if (cursor < end) plain(parent, text.slice(cursor, end));
}

/**
 * The node an entity becomes, and the node its content goes in (the same but for `pre`).
 * @param {MessageEntity} entity
 * @param {string} content
 * @returns {[HTMLElement, HTMLElement]}
 */
function entityNode(entity, content) {
  const simple = SIMPLE[entity.type];
  if (simple) return pair(el(simple));
  switch (entity.type) {
    case 'pre': {
      const pre = el('pre');
      const code = el('code');
      if (entity.language) code.className = `language-${entity.language}`;
      pre.append(code);
      return [pre, code];
    }
    case 'spoiler': {
      const span = el('span', 'tg-spoiler');
      span.addEventListener('click', () => span.classList.add('revealed'));
      return pair(span);
    }
    case 'blockquote':
    case 'expandable_blockquote': {
      const quote = el('blockquote', entity.type === 'expandable_blockquote' ? 'expandable' : '');
      if (entity.type === 'expandable_blockquote') quote.addEventListener('click', () => quote.classList.add('open'));
      return pair(quote);
    }
    case 'text_link':
      return pair(entity.url && SAFE_LINK.test(entity.url) ? link(entity.url) : el('span'));
    case 'url': {
      const url = /^[a-z][a-z0-9+.-]*:/i.test(content) ? content : `http://${content}`;
      return pair(SAFE_LINK.test(url) ? link(url) : el('span'));
    }
    case 'email':
      return pair(link(`mailto:${content}`));
    case 'phone_number':
      return pair(link(`tel:${content.replace(/[^\d+]/g, '')}`));
    case 'bot_command':
      return pair(commandButton(content));
    default:
      return pair(el('span', entity.type));
  }
}

/**
 * @param {HTMLElement} node
 * @returns {[HTMLElement, HTMLElement]}
 */
function pair(node) {
  return [node, node];
}

/**
 * Plain text, with bot commands and links made tappable as Telegram does.
 * @param {HTMLElement} parent
 * @param {string} text
 */
function plain(parent, text) {
  let last = 0;
  for (const match of text.matchAll(AUTO_LINKS)) {
    const index = /** @type {number} */ (match.index);
    if (index > last) parent.append(text.slice(last, index));
    const found = match[0];
    if (found.startsWith('/')) {
      const command = commandButton(found);
      command.textContent = found;
      parent.append(command);
    } else {
      const anchor = link(found);
      anchor.textContent = found;
      parent.append(anchor);
    }
    last = index + found.length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

/** @param {string} url */
function link(url) {
  const anchor = el('a');
  anchor.href = url;
  anchor.target = '_blank';
  anchor.rel = 'noopener noreferrer';
  if (INVOICE_LINK.test(url)) {
    anchor.addEventListener('click', (event) => {
      event.preventDefault();
      openLink(url);
    });
  }
  return anchor;
}

/** A bot command: tapping it sends it (the page listens for clicks on `[data-command]`). */
function commandButton(/** @type {string} */ command) {
  const node = el('button', 'command');
  node.type = 'button';
  node.dataset.command = command.replace(/@\w+$/, '');
  return node;
}
