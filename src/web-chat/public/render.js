// @ts-check
// A message of the chat as a list item: its bubble (photo, invoice, text, time) and its buttons.
import { el, toast } from './dom.js';
import { press } from './outgoing.js';
import { openLink, openPayment, price } from './payments.js';
import { richText } from './rich-text.js';
import { API } from './stand-in.js';

/** @typedef {import('./chat-types').MessageView} MessageView */
/** @typedef {import('./chat-types').InlineButton} InlineButton */
/** @typedef {import('./chat-types').Invoice} Invoice */

/** @param {MessageView} view */
export function renderMessage(view) {
  const item = el('li', `message ${view.side}`);
  item.dataset.messageId = String(view.message_id);
  if (view.successful_payment || view.refunded_payment) {
    item.className = 'service';
    item.textContent = serviceText(view);
    return item;
  }
  const stack = el('div', 'stack');
  const bubble = el('div', 'bubble');
  if (view.photo_file_id) {
    bubble.classList.add('media');
    bubble.append(renderPhoto(view.photo_file_id, view.caption));
  }
  if (view.invoice) bubble.append(renderInvoice(view.invoice));
  if (view.text !== undefined) bubble.append(richText(view.text, view.entities));
  if (view.caption) bubble.append(richText(view.caption, view.caption_entities));
  if (view.photo && !view.photo_file_id) bubble.append(el('div', 'text', '🖼 photo'));
  // Inside the last line of text, floated right, the time sits at the end of it when there is room, as in Telegram.
  const texts = bubble.querySelectorAll('.text');
  (texts.length ? texts[texts.length - 1] : bubble).append(renderMeta(view));
  stack.append(bubble);
  const keyboard = renderKeyboard(view);
  if (keyboard) {
    stack.classList.add('has-keyboard');
    stack.append(keyboard);
  }
  item.append(stack);
  return item;
}

/** @param {MessageView} view */
function renderMeta(view) {
  const time = new Date(view.date * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return el('span', 'meta', view.edit_date ? `edited ${time}` : time);
}

/**
 * @param {string} fileId
 * @param {string} [caption]
 */
function renderPhoto(fileId, caption) {
  const url = `${API}/files/${encodeURIComponent(fileId)}`;
  const figure = el('figure', 'photo');
  const link = el('a');
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener';
  const image = el('img');
  image.src = url;
  image.alt = caption ? caption.split('\n')[0] : 'Photo from the bot';
  link.append(image);
  figure.append(link);
  return figure;
}

/** @param {Invoice} invoice */
function renderInvoice(invoice) {
  const card = el('div', 'invoice');
  card.append(
    el('span', 'invoice-label', 'Invoice'),
    el('span', 'invoice-title', invoice.title),
    el('p', 'invoice-description', invoice.description),
    el('span', 'invoice-amount', price(invoice.total_amount, invoice.currency)),
  );
  return card;
}

/** @param {MessageView} view */
function renderKeyboard(view) {
  const rows = (view.buttons || []).map((row) => row.slice());
  if (view.invoice && !rows.some((row) => row.some((button) => button.pay))) {
    rows.unshift([{ text: `Pay ${price(view.invoice.total_amount, view.invoice.currency)}`, pay: true }]);
  }
  if (!rows.length) return null;
  const keyboard = el('div', 'keyboard');
  keyboard.setAttribute('role', 'group');
  keyboard.setAttribute('aria-label', 'Buttons');
  for (const row of rows) {
    const line = el('div', 'keyboard-row');
    for (const button of row) line.append(renderButton(view, button));
    keyboard.append(line);
  }
  return keyboard;
}

/**
 * @param {MessageView} view
 * @param {InlineButton} button
 */
function renderButton(view, button) {
  const node = el('button', 'key', button.text);
  node.type = 'button';
  const { invoice } = view;
  const { url, copy_text: copy } = button;
  if (button.pay && invoice) {
    node.classList.add('pay');
    node.addEventListener('click', () => openPayment({ messageId: view.message_id, invoice }));
  } else if (button.callback_data !== undefined) {
    node.addEventListener('click', () => press(view.message_id, button, node));
  } else if (url) {
    node.classList.add('link');
    node.title = url;
    node.addEventListener('click', () => openLink(url));
  } else if (copy) {
    node.addEventListener('click', () => navigator.clipboard.writeText(copy.text).then(() => toast('Copied')));
  } else {
    node.disabled = true;
    node.title = 'Not available in the local chat';
  }
  return node;
}

/** @param {MessageView} view */
function serviceText(view) {
  if (view.successful_payment) {
    const payment = view.successful_payment;
    return `You paid ${price(payment.total_amount, payment.currency)}${payment.is_recurring ? ' (subscription)' : ''}`;
  }
  const refund = /** @type {import('./chat-types').Payment} */ (view.refunded_payment);
  return `${price(refund.total_amount, refund.currency)} refunded`;
}
