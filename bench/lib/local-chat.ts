/** Plays one user through the web chat's API (what the page does): /start, then a single-card reading. */
import { setTimeout as sleep } from 'node:timers/promises';

interface ChatMessage {
  side: string;
  message_id: number;
  text?: string;
  caption?: string;
  buttons?: { callback_data?: string }[][];
}

const WAIT_MS = 60_000;

export class LocalChat {
  /** Messages already matched: each step looks only at what came after. */
  private seen = 0;

  constructor(
    private readonly base: string,
    private readonly userId: number,
  ) {}

  /** A whole reading, as a newcomer does it; resolves once the last message ("credits spent") is there. */
  async reading(): Promise<void> {
    await this.say({ text: '/start', first_name: 'Bench' });
    await this.botSays(/Welcome/);
    await this.say({ text: '/read' });
    const spreads = await this.botSays(/spread/i, (m) => Boolean(m.buttons?.flat().some((b) => b.callback_data === 'v1:spread:single')));
    await this.post('callbacks', { message_id: spreads.message_id, data: 'v1:spread:single' });
    await this.botSays(/Single Card/);
    await this.say({ text: '/skip' });
    await this.botSays(/credits spent/);
  }

  private say(body: Record<string, unknown>): Promise<void> {
    return this.post('messages', body);
  }

  private async post(what: string, body: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${this.base}/web-chat/api/users/${this.userId}/${what}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${what}: ${response.status} ${await response.text()}`);
  }

  private async botSays(text: RegExp, also: (message: ChatMessage) => boolean = () => true): Promise<ChatMessage> {
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      const response = await fetch(`${this.base}/web-chat/api/users/${this.userId}/messages`);
      const { messages } = (await response.json()) as { messages: ChatMessage[] };
      const index = messages.findIndex((m, i) => i >= this.seen && m.side === 'bot' && text.test(m.text ?? m.caption ?? '') && also(m));
      if (index >= 0) {
        this.seen = index + 1;
        return messages[index];
      }
      await sleep(100);
    }
    throw new Error(`the bot did not say ${text} within ${WAIT_MS} ms`);
  }
}
