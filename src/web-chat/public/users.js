// @ts-check
// The Telegram users the page plays: three presets and any the reader adds, kept in localStorage.
import { el, ui } from './dom.js';

/** @typedef {import('./chat-types').ChatUser} ChatUser */

/** @type {ChatUser[]} */
const PRESETS = [
  { id: 1001, first_name: 'Ann', language_code: 'en' },
  { id: 1002, first_name: 'Борис', language_code: 'ru' },
  { id: 1003, first_name: 'Олена', language_code: 'uk' },
];
const USERS_KEY = 'tarot-web-chat.users';
const CURRENT_KEY = 'tarot-web-chat.current';

/** @type {ChatUser[]} */
let users = [];
/** @type {ChatUser | null} */
let current = null;

/** The user the page plays now. */
export function currentUser() {
  if (!current) throw new Error('no user selected yet');
  return current;
}

/** @param {ChatUser} user */
export function setCurrentUser(user) {
  current = user;
  saveUsers();
}

export function loadUsers() {
  /** @type {unknown} */
  let saved = [];
  try {
    saved = JSON.parse(localStorage.getItem(USERS_KEY) || '[]');
  } catch {
    saved = [];
  }
  const byId = new Map(PRESETS.map((user) => [user.id, user]));
  for (const user of Array.isArray(saved) ? saved : []) if (validUser(user)) byId.set(user.id, user);
  users = [...byId.values()];
}

/**
 * @param {any} user anything read back from localStorage
 * @returns {user is ChatUser}
 */
function validUser(user) {
  return user && Number.isSafeInteger(user.id) && user.id > 0 && typeof user.first_name === 'string' && typeof user.language_code === 'string';
}

function saveUsers() {
  try {
    localStorage.setItem(USERS_KEY, JSON.stringify(users));
    localStorage.setItem(CURRENT_KEY, String(currentUser().id));
  } catch {
    // Private windows may refuse storage; the chat still works for this visit.
  }
}

/** ?user=42&name=Ann&lang=en picks (or adds) a user, e.g. for a link to a given chat. */
export function initialUser() {
  const params = new URLSearchParams(location.search);
  const id = Number(params.get('user'));
  if (Number.isSafeInteger(id) && id > 0) {
    const known = users.find((user) => user.id === id);
    const user = {
      id,
      first_name: params.get('name') || (known && known.first_name) || `User ${id}`,
      language_code: params.get('lang') || (known && known.language_code) || 'en',
    };
    return addUser(user);
  }
  const saved = Number(localStorage.getItem(CURRENT_KEY));
  return users.find((user) => user.id === saved) || users[0];
}

/** @param {ChatUser} user */
function addUser(user) {
  users = [...users.filter((known) => known.id !== user.id), user];
  return user;
}

function openUsers() {
  ui.userList.replaceChildren(
    ...users.map((user) => {
      const item = el('li');
      const button = el('button');
      button.type = 'button';
      button.dataset.userId = String(user.id);
      button.setAttribute('aria-current', String(user.id === currentUser().id));
      const avatar = el('span', 'avatar user-avatar', [...user.first_name][0] || '?');
      const label = el('span');
      label.append(document.createTextNode(`${user.first_name} `), el('small', '', `#${user.id} · ${user.language_code}`));
      button.append(avatar, label);
      item.append(button);
      return item;
    }),
  );
  ui.userForm.reset();
  ui.userDialog.showModal();
}

/**
 * @param {SubmitEvent} event
 * @param {(user: ChatUser) => void} select
 */
function createUser(event, select) {
  if (!(event.submitter instanceof HTMLButtonElement) || event.submitter.value !== 'create') return;
  event.preventDefault();
  const form = new FormData(ui.userForm);
  const firstName = String(form.get('first_name') || '').trim();
  if (!firstName) return;
  const typedId = Number(form.get('id'));
  const id = Number.isSafeInteger(typedId) && typedId > 0 ? typedId : 100000 + Math.floor(Math.random() * 899999999);
  const user = addUser({ id, first_name: firstName, language_code: String(form.get('language_code') || 'en') });
  ui.userDialog.close();
  select(user);
}

/**
 * The user button and its dialog: pick a known user or create one.
 * @param {(user: ChatUser) => void} select what to do with the user picked
 */
export function wireUserDialog(select) {
  ui.userButton.addEventListener('click', openUsers);
  ui.userList.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-user-id]') : null;
    if (!(button instanceof HTMLElement)) return;
    ui.userDialog.close();
    const user = users.find((known) => known.id === Number(button.dataset.userId));
    if (user && user.id !== currentUser().id) select(user);
  });
  ui.userForm.addEventListener('submit', (event) => createUser(event, select));
}
