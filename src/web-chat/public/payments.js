// @ts-check
// Links and payments: invoice links and Pay buttons open a payment dialog the stand-in settles.
import { toast, ui } from './dom.js';
import { api, reasonOf } from './stand-in.js';
import { currentUser } from './users.js';

/** @typedef {import('./chat-types').Invoice} Invoice */
/** @typedef {import('./chat-types').PaymentAnswer} PaymentAnswer */

export const INVOICE_LINK = /^https:\/\/t\.me\/(?:\$|invoice\/)[A-Za-z0-9_-]+\/?$/;
export const SAFE_LINK = /^(https?:|mailto:|tel:|tg:)/i;

/** @type {{ messageId?: number, link?: string } | null} */
let payment = null;

/**
 * @param {number} amount
 * @param {string} currency
 */
export function price(amount, currency) {
  return currency === 'XTR' ? `${amount} ⭐` : `${amount} ${currency}`;
}

/** @param {string} url */
export async function openLink(url) {
  if (!INVOICE_LINK.test(url)) {
    if (SAFE_LINK.test(url)) window.open(url, '_blank', 'noopener');
    else toast(`Not opened: ${url}`);
    return;
  }
  try {
    const { invoice } = /** @type {{ invoice: Invoice }} */ (await api(`/invoice?link=${encodeURIComponent(url)}`));
    openPayment({ link: url, invoice });
  } catch (error) {
    toast(reasonOf(error));
  }
}

/** @param {{ messageId?: number, link?: string, invoice: Invoice }} what the invoice message or link to pay */
export function openPayment({ messageId, link: invoiceLink, invoice }) {
  payment = { messageId, link: invoiceLink };
  ui.payItem.textContent = invoice.title;
  ui.payDescription.textContent = invoice.description;
  ui.payAmount.textContent = price(invoice.total_amount, invoice.currency);
  ui.payConfirm.textContent = `Pay ${price(invoice.total_amount, invoice.currency)}`;
  ui.payConfirm.hidden = false;
  ui.payConfirm.disabled = false;
  ui.payCancel.textContent = 'Cancel';
  ui.payResult.hidden = true;
  ui.payDialog.showModal();
}

/** @param {Event} event */
async function pay(event) {
  event.preventDefault();
  if (!payment) return;
  ui.payConfirm.disabled = true;
  ui.payConfirm.textContent = 'Paying…';
  try {
    const body = payment.messageId !== undefined ? { message_id: payment.messageId } : { link: payment.link };
    const result = /** @type {PaymentAnswer} */ (await api(`/users/${currentUser().id}/pay`, body));
    if (result.ok) {
      ui.payDialog.close();
      toast('Payment done ✓');
      return;
    }
    showPaymentFailure(
      result.reason === 'refused'
        ? `The bot declined: ${result.error_message || 'no reason given'}`
        : result.reason === 'timeout'
          ? 'The bot did not confirm the payment in time. Nothing was charged.'
          : `Payment failed (${result.reason || 'unknown'}).`,
    );
  } catch (error) {
    showPaymentFailure(reasonOf(error));
  }
}

/** @param {string} text */
function showPaymentFailure(text) {
  ui.payResult.textContent = text;
  ui.payResult.className = 'pay-result failed';
  ui.payResult.hidden = false;
  ui.payConfirm.hidden = true;
  ui.payCancel.textContent = 'Close';
}

export function wirePayments() {
  ui.payConfirm.addEventListener('click', pay);
}
