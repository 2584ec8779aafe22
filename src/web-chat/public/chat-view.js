// @ts-check
// The chat on screen: its messages in order, the draft the bot is writing, and the bot's status line.
import { updateReplyKeyboard } from './composer.js';
import { el, ui } from './dom.js';
import { renderMessage } from './render.js';
import { richText } from './rich-text.js';

/** @typedef {import('./chat-types').MessageView} MessageView */
/** @typedef {import('./chat-types').Draft} Draft */

const ACTION_MS = 5500;
// Telegram shows a draft (sendMessageDraft) as a preview this long after its last update.
const DRAFT_MS = 30000;
/** @type {Record<string, string>} */
const ACTIONS = {
  typing: 'typing',
  upload_photo: 'sending a photo',
  upload_document: 'sending a file',
  choose_sticker: 'choosing a sticker',
};

/** @type {Map<number, { view: MessageView, node: HTMLElement }>} */
const messages = new Map();
/** @type {HTMLElement | null} */
let draft = null;
let draftTimer = 0;
let actionTimer = 0;
let connected = false;

export function clearChat() {
  removeDraft();
  messages.clear();
  ui.messages.replaceChildren();
  ui.empty.hidden = false;
  showReplyKeyboard();
}

/** A new message, or a new version of one on screen. */
export function showMessage(/** @type {MessageView} */ view) {
  const node = renderMessage(view);
  const known = messages.get(view.message_id);
  if (known) known.node.replaceWith(node);
  else if (draft) draft.before(node);
  else ui.messages.append(node);
  messages.set(view.message_id, { view, node });
  ui.empty.hidden = messages.size > 0;
  showReplyKeyboard();
}

export function removeMessage(/** @type {number} */ messageId) {
  const known = messages.get(messageId);
  if (!known) return;
  known.node.remove();
  messages.delete(messageId);
  ui.empty.hidden = messages.size > 0;
  showReplyKeyboard();
}

/** The reply keyboard of the bot's latest message that has one. */
function showReplyKeyboard() {
  const latest = [...messages.values()].reverse().find(({ view }) => view.side === 'bot' && view.reply_keyboard);
  updateReplyKeyboard(latest && latest.view.reply_keyboard);
}

// A message the bot is still writing: one bubble at the end of the chat, its text growing with
// each draft, "thinking" while it is empty; gone when the bot sends a message or after 30 s.
export function showDraft(/** @type {Draft} */ update) {
  stopAction();
  const item = el('li', 'message bot draft');
  item.dataset.draftId = String(update.draft_id);
  const bubble = el('div', 'bubble');
  if (update.text) bubble.append(richText(update.text, update.entities));
  else bubble.append(el('div', 'text thinking', 'Thinking'));
  const texts = bubble.querySelectorAll('.text');
  texts[texts.length - 1].append(el('span', 'meta', 'writing…'));
  const stack = el('div', 'stack');
  stack.append(bubble);
  item.append(stack);
  if (draft) draft.replaceWith(item);
  else ui.messages.append(item);
  draft = item;
  ui.empty.hidden = true;
  clearTimeout(draftTimer);
  draftTimer = setTimeout(removeDraft, DRAFT_MS);
}

export function removeDraft() {
  clearTimeout(draftTimer);
  if (!draft) return;
  draft.remove();
  draft = null;
  ui.empty.hidden = messages.size > 0;
}

/**
 * @param {string} text
 * @param {boolean} [active]
 */
export function setStatus(text, active = false) {
  ui.status.textContent = text;
  ui.status.classList.toggle('active', active);
}

/** Whether the event stream is up: the status line says "bot" or "connecting…". */
export function setConnected(/** @type {boolean} */ up) {
  connected = up;
  setStatus(up ? 'bot' : 'connecting…');
}

/** What the bot is doing (sendChatAction), shown for a few seconds. */
export function showAction(/** @type {string} */ action) {
  clearTimeout(actionTimer);
  setStatus(ACTIONS[action] || action.replace(/_/g, ' '), true);
  actionTimer = setTimeout(stopAction, ACTION_MS);
}

export function stopAction() {
  clearTimeout(actionTimer);
  setStatus(connected ? 'bot' : 'connecting…');
}
