import type { Update } from 'telegraf/types';

/**
 * What makes a delivery "the same update" for de-duplication: the bot it came to, its
 * update_id, and the ids of what it carries (a message in a chat, a button press, a
 * pre-checkout query). Telegram delivers an update again with the same content; an update_id
 * reused for something else (two bots on one Redis, a Bot API server whose ids restart, the
 * random ids Telegram picks after a quiet week) is a different update and is handled.
 */
export function updateIdentity(botId: number | undefined, update: Update): string {
  return `${botId ?? 0}:${update.update_id}:${contentId(update as unknown as Record<string, Record<string, unknown> | undefined>)}`;
}

function contentId(update: Record<string, Record<string, unknown> | undefined>): string {
  for (const [type, body] of Object.entries(update)) {
    if (type === 'update_id' || !body || typeof body !== 'object') continue;
    if (typeof body.id === 'string' || typeof body.id === 'number') return `${type}:${body.id}`;
    const chat = body.chat as { id?: unknown } | undefined;
    if (typeof body.message_id === 'number') return `${type}:${String(chat?.id)}:${body.message_id}`;
    return `${type}:${String(chat?.id)}:${String(body.date)}`;
  }
  return 'empty';
}
