import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { PaymentResult } from 'src/bot-api-stand-in/stand-in-api.types';
import { Player } from './reading-helpers';

/** /buy, then a tap on the package: returns the invoice message id. */
export async function requestInvoice(standIn: BotApiStandIn, user: Player, packageKey: string): Promise<number> {
  let mark = standIn.mark();
  await standIn.sendText(user, '/buy');
  const menu = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
  mark = standIn.mark();
  await standIn.pressButton(user, (menu.result as { message_id: number }).message_id, `v1:buy:${packageKey}`);
  const invoice = await standIn.waitForCall((c) => c.method === 'sendInvoice' && Number(c.params.chat_id) === user.id, { after: mark });
  return (invoice.result as { message_id: number }).message_id;
}

/** Pays and waits until the bot has answered the successful payment with a message. */
export async function payAndWait(
  standIn: BotApiStandIn,
  user: Player,
  ref: number | string,
  options?: { fromChatOf?: number },
): Promise<{ payment: PaymentResult; reply?: string }> {
  const mark = standIn.mark();
  const payment = await standIn.payInvoice(user, ref, options);
  if (!payment.ok) return { payment };
  const reply = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
  return { payment, reply: String(reply.params.text) };
}

/** /subscribe, then a tap on the tier: the bot's answer, and the invoice link it made (if it made one). */
export async function pressTier(standIn: BotApiStandIn, user: Player, tier: string): Promise<{ text: string; link?: string }> {
  let mark = standIn.mark();
  await standIn.sendText(user, '/subscribe');
  const menu = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
  mark = standIn.mark();
  await standIn.pressButton(user, (menu.result as { message_id: number }).message_id, `v1:sub:${tier}`);
  const reply = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
  const link = standIn.calls('createInvoiceLink').find((c) => c.index >= mark);
  return { text: String(reply.params.text), link: link ? String(link.result) : undefined };
}
