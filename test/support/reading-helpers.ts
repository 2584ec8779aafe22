import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { CallRecord } from 'src/bot-api-stand-in/stand-in-api.types';
import { nextReply } from './bot-helpers';

export type Player = { id: number; first_name?: string; language_code?: string };

/** The bot's messages to a chat since `mark`, as texts. */
export function textsSince(standIn: BotApiStandIn, chatId: number, mark: number): string[] {
  return standIn
    .calls('sendMessage')
    .filter((c: CallRecord) => c.index >= mark && c.ok && Number(c.params.chat_id) === chatId)
    .map((c) => String(c.params.text));
}

/** Sends /read; returns the id of the menu of spreads the bot answers with. */
export async function openSpreadMenu(standIn: BotApiStandIn, user: Player): Promise<number> {
  const mark = standIn.mark();
  await standIn.sendText(user, '/read');
  const menu = await standIn.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === user.id, { after: mark });
  return (menu.result as { message_id: number }).message_id;
}

/** Opens /read and presses the spread's button; returns the bot's answer to the press. */
export async function chooseSpread(standIn: BotApiStandIn, user: Player, spread: string): Promise<string> {
  const menuId = await openSpreadMenu(standIn, user);
  const mark = standIn.mark();
  await standIn.pressButton(user, menuId, `v1:spread:${spread}`);
  return nextReply(standIn, user.id, mark);
}

/** Waits for the last message of a delivered reading (the balance line with its buttons). */
export async function waitForDelivery(standIn: BotApiStandIn, userId: number, after: number, timeoutMs = 10_000): Promise<CallRecord> {
  return standIn.waitForCall(
    (c) => c.method === 'sendMessage' && Number(c.params.chat_id) === userId && String(c.params.text).includes('credits spent'),
    { after, timeoutMs },
  );
}

/**
 * The spread pictures sent to a chat since `mark`, as a new message (sendPhoto) or in place of
 * "Shuffling…" (editMessageMedia), with their captions.
 */
export function picturesSince(standIn: BotApiStandIn, chatId: number, mark: number): (CallRecord & { caption: string })[] {
  return standIn
    .calls()
    .filter((c: CallRecord) => (c.method === 'sendPhoto' || c.method === 'editMessageMedia') && c.index >= mark && Number(c.params.chat_id) === chatId)
    .map((c) => {
      const media = typeof c.params.media === 'string' ? JSON.parse(c.params.media) : c.params.media;
      const caption = c.method === 'sendPhoto' ? c.params.caption : (media as { caption?: unknown } | undefined)?.caption;
      return { ...c, caption: String(caption ?? '') };
    });
}
