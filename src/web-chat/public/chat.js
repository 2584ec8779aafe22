// @ts-check
// The local web chat: plays Telegram for the bot through the Bot API stand-in, proxied under /web-chat/api.
// No framework and no build step: ES modules served as they are, type-checked from their JSDoc
// (tsconfig.json here, run by `npm run typecheck`). Bot text is built with DOM nodes from Telegram's
// entities, never parsed as HTML.
//
//   chat.js        this: picks the user and wires the page
//   stand-in.js    requests to the stand-in          live.js       its event stream
//   chat-view.js   the messages, draft and status    render.js     one message as DOM
//   rich-text.js   text with Telegram's entities     outgoing.js   text and button presses sent
//   composer.js    message box, commands, reply keyboard
//   payments.js    invoice links and the Pay dialog  users.js      the users the page plays
//   follow.js      following the end of the chat     dom.js        elements, toast, notice
import { clearChat } from './chat-view.js';
import { forgetCommands, loadCommands, toggleMenu, wireComposer } from './composer.js';
import { ui } from './dom.js';
import { wireFollowing } from './follow.js';
import { connect } from './live.js';
import { wirePayments } from './payments.js';
import { api } from './stand-in.js';
import { initialUser, loadUsers, setCurrentUser, wireUserDialog } from './users.js';

/** @param {import('./chat-types').ChatUser} user */
function selectUser(user) {
  setCurrentUser(user);
  ui.userName.textContent = user.first_name;
  ui.userAvatar.textContent = [...user.first_name][0] || '?';
  ui.userButton.title = `Playing ${user.first_name} (id ${user.id}, ${user.language_code}); click to switch`;
  forgetCommands();
  toggleMenu(false);
  clearChat();
  connect();
  loadCommands();
}

wireComposer();
wirePayments();
wireUserDialog(selectUser);
wireFollowing();

api('/bot')
  .then((answer) => {
    const { bot } = /** @type {{ bot: { first_name: string } }} */ (answer);
    ui.botName.textContent = bot.first_name;
    document.title = `${bot.first_name} · local chat`;
  })
  .catch(() => undefined);
loadUsers();
selectUser(initialUser());
