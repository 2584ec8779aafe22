// @ts-check
// Where the reader writes: the message box, the bot's command menu and its reply keyboard.
import { el, targetOf, ui } from './dom.js';
import { sendText } from './outgoing.js';
import { api } from './stand-in.js';
import { currentUser } from './users.js';

/** @typedef {import('./chat-types').BotCommand} BotCommand */
/** @typedef {import('./chat-types').ReplyKeyboard} ReplyKeyboard */

/** @type {BotCommand[]} */
let commands = [];

/** The bot's commands for the current user's language (setMyCommands), asked for again after a switch of user. */
export async function loadCommands() {
  try {
    const user = currentUser();
    const answer = /** @type {{ commands: BotCommand[] }} */ (await api(`/commands?language_code=${encodeURIComponent(user.language_code)}&user_id=${user.id}`));
    commands = answer.commands;
  } catch {
    commands = [];
  }
}

export function forgetCommands() {
  commands = [];
}

/**
 * Opens (listing the commands that start with `filter`) or closes the command menu.
 * @param {boolean} [open]
 * @param {string} [filter]
 */
export async function toggleMenu(open = ui.commandMenu.hidden, filter = '') {
  if (open && !commands.length) await loadCommands();
  const shown = commands.filter((command) => `/${command.command}`.startsWith(filter || '/'));
  ui.commandMenu.replaceChildren(
    ...shown.map((command) => {
      const item = el('li');
      item.setAttribute('role', 'option');
      const button = el('button');
      button.type = 'button';
      button.dataset.command = `/${command.command}`;
      button.append(el('span', 'command-name', `/${command.command}`), el('span', 'command-description', command.description));
      item.append(button);
      return item;
    }),
  );
  const visible = open && shown.length > 0;
  ui.commandMenu.hidden = !visible;
  ui.menuButton.setAttribute('aria-expanded', String(visible));
}

/** @param {ReplyKeyboard} [markup] the reply keyboard of the bot's latest message that has one */
export function updateReplyKeyboard(markup) {
  if (!markup || !Array.isArray(markup.keyboard)) {
    ui.replyKeyboard.hidden = true;
    ui.replyKeyboard.replaceChildren();
    return;
  }
  ui.replyKeyboard.replaceChildren(
    ...markup.keyboard.map((row) => {
      const line = el('div', 'keyboard-row');
      for (const button of row) {
        const text = typeof button === 'string' ? button : button.text;
        const node = el('button', 'key', text);
        node.type = 'button';
        node.addEventListener('click', () => {
          if (markup.one_time_keyboard) ui.replyKeyboard.hidden = true;
          sendText(text);
        });
        line.append(node);
      }
      return line;
    }),
  );
  ui.replyKeyboard.hidden = false;
}

export function wireComposer() {
  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = ui.input.value;
    ui.input.value = '';
    ui.input.style.height = '';
    toggleMenu(false);
    sendText(text);
  });
  ui.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.composer.requestSubmit();
    } else if (event.key === 'Escape') {
      toggleMenu(false);
    }
  });
  ui.input.addEventListener('input', () => {
    ui.input.style.height = 'auto';
    ui.input.style.height = `${ui.input.scrollHeight}px`;
    const value = ui.input.value;
    if (/^\/\w*$/.test(value)) toggleMenu(true, value);
    else if (!ui.commandMenu.hidden) toggleMenu(false);
  });
  ui.menuButton.addEventListener('click', () => toggleMenu());
  // Commands anywhere on the page (in the menu, in the bot's text, on the empty chat) send themselves.
  document.addEventListener('click', (event) => {
    const target = targetOf(event);
    const command = target && target.closest('[data-command]');
    if (command instanceof HTMLElement) {
      toggleMenu(false);
      ui.input.value = '';
      sendText(command.dataset.command || '');
      return;
    }
    if (!ui.commandMenu.hidden && !(target && target.closest('#command-menu, #menu-button'))) toggleMenu(false);
  });
}
