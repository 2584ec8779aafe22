// @ts-check
// The page's elements and the small things every part of the chat does with them.

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{ new (): T }} type what index.html holds under that id
 * @returns {T}
 */
function byId(id, type) {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`index.html has no ${type.name} #${id}`);
  return node;
}

export const ui = {
  botName: byId('bot-name', HTMLElement),
  status: byId('bot-status', HTMLElement),
  userButton: byId('user-button', HTMLButtonElement),
  userAvatar: byId('user-avatar', HTMLElement),
  userName: byId('user-name', HTMLElement),
  empty: byId('empty', HTMLElement),
  messages: byId('messages', HTMLOListElement),
  commandMenu: byId('command-menu', HTMLUListElement),
  replyKeyboard: byId('reply-keyboard', HTMLElement),
  composer: byId('composer', HTMLFormElement),
  menuButton: byId('menu-button', HTMLButtonElement),
  input: byId('input', HTMLTextAreaElement),
  payDialog: byId('pay-dialog', HTMLDialogElement),
  payItem: byId('pay-item', HTMLElement),
  payDescription: byId('pay-description', HTMLElement),
  payAmount: byId('pay-amount', HTMLElement),
  payResult: byId('pay-result', HTMLElement),
  payConfirm: byId('pay-confirm', HTMLButtonElement),
  payCancel: byId('pay-cancel', HTMLButtonElement),
  userDialog: byId('user-dialog', HTMLDialogElement),
  userForm: byId('user-form', HTMLFormElement),
  userList: byId('user-list', HTMLUListElement),
  noticeDialog: byId('notice-dialog', HTMLDialogElement),
  noticeText: byId('notice-text', HTMLElement),
  toast: byId('toast', HTMLElement),
};

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The element an event happened on, when it is one (clicks on text nodes bubble from their element). */
export function targetOf(/** @type {Event} */ event) {
  return event.target instanceof Element ? event.target : null;
}

let toastTimer = 0;

/** @param {string} text */
export function toast(text) {
  ui.toast.textContent = text;
  ui.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    ui.toast.hidden = true;
  }, 3200);
}

/** @param {string} text */
export function notice(text) {
  ui.noticeText.textContent = text;
  ui.noticeDialog.showModal();
}
