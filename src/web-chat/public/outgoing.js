// @ts-check
// What the reader sends the bot: text, and presses of inline buttons with the bot's answers to them.
import { notice, toast } from './dom.js';
import { scrollToBottom } from './follow.js';
import { api, reasonOf } from './stand-in.js';
import { currentUser } from './users.js';

/** @typedef {import('./chat-types').CallbackAnswer} CallbackAnswer */
/** @typedef {import('./chat-types').InlineButton} InlineButton */

const PRESS_TIMEOUT_MS = 10000;

/** Buttons pressed and waiting for the bot's answer, by callback query id. */
const presses = new Map();
/** Answers that came over the event stream before the press's own request returned. */
const earlyAnswers = new Map();

/** @param {string} raw */
export async function sendText(raw) {
  const text = raw.trim();
  if (!text) return;
  const user = currentUser();
  try {
    await api(`/users/${user.id}/messages`, { text, first_name: user.first_name, language_code: user.language_code });
    scrollToBottom();
  } catch (error) {
    toast(`Not sent: ${reasonOf(error)}`);
  }
}

/**
 * @param {number} messageId
 * @param {InlineButton} button
 * @param {HTMLElement} node
 */
export async function press(messageId, button, node) {
  node.classList.add('busy');
  try {
    const result = /** @type {{ callback_query_id: string }} */ (await api(`/users/${currentUser().id}/callbacks`, { message_id: messageId, data: button.callback_data }));
    const early = earlyAnswers.get(result.callback_query_id);
    if (early) {
      earlyAnswers.delete(result.callback_query_id);
      answered(node, early);
      return;
    }
    presses.set(result.callback_query_id, node);
    setTimeout(() => {
      if (presses.get(result.callback_query_id) === node) {
        presses.delete(result.callback_query_id);
        node.classList.remove('busy');
      }
    }, PRESS_TIMEOUT_MS);
  } catch (error) {
    node.classList.remove('busy');
    toast(reasonOf(error));
  }
}

/** @param {CallbackAnswer} answer */
export function onCallbackAnswer(answer) {
  const node = presses.get(answer.callback_query_id);
  if (!node) {
    earlyAnswers.set(answer.callback_query_id, answer);
    return;
  }
  presses.delete(answer.callback_query_id);
  answered(node, answer);
}

/**
 * @param {HTMLElement} node
 * @param {CallbackAnswer} answer
 */
function answered(node, answer) {
  node.classList.remove('busy');
  if (!answer.text) return;
  if (answer.show_alert) notice(answer.text);
  else toast(answer.text);
}
