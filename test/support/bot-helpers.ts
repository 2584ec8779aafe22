import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { CallRecord } from 'src/bot-api-stand-in/stand-in-api.types';

/** The text of the bot's next sendMessage to `chatId` after the call mark `after`. */
export async function nextReply(standIn: BotApiStandIn, chatId: number, after: number, timeoutMs = 5000): Promise<string> {
  const call = await standIn.waitForCall(
    (c: CallRecord) => c.method === 'sendMessage' && Number(c.params.chat_id) === chatId && c.ok,
    { after, timeoutMs },
  );
  return String(call.params.text);
}

/** Sends `text` as the user and returns the bot's reply text. */
export async function say(standIn: BotApiStandIn, user: { id: number; first_name?: string; language_code?: string }, text: string): Promise<string> {
  const mark = standIn.mark();
  await standIn.sendText(user, text);
  return nextReply(standIn, user.id, mark);
}
