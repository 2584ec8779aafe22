import { BotApiError } from './bot-api-error';

export type PreCheckoutOutcome =
  | { kind: 'answered'; ok: boolean; errorMessage?: string }
  | { kind: 'timeout' }
  | { kind: 'stopped' };

interface OpenQuery {
  resolve: (outcome: PreCheckoutOutcome) => void;
  timer: NodeJS.Timeout;
}

/** Pre-checkout queries waiting for answerPreCheckoutQuery; an answer after the deadline is refused like Telegram does. */
export class PreCheckoutRegistry {
  private readonly open = new Map<string, OpenQuery>();

  /** Call before the update is delivered: the bot may answer before delivery returns. */
  wait(id: string, timeoutMs: number): Promise<PreCheckoutOutcome> {
    return new Promise<PreCheckoutOutcome>((resolve) => {
      const timer = setTimeout(() => this.close(id, { kind: 'timeout' }), timeoutMs);
      timer.unref();
      this.open.set(id, { resolve, timer });
    });
  }

  answer(id: string, ok: boolean, errorMessage?: string): void {
    if (!this.open.has(id)) throw BotApiError.queryTooOld();
    this.close(id, { kind: 'answered', ok, errorMessage });
  }

  releaseAll(): void {
    for (const id of [...this.open.keys()]) this.close(id, { kind: 'stopped' });
  }

  private close(id: string, outcome: PreCheckoutOutcome): void {
    const query = this.open.get(id);
    if (!query) return;
    this.open.delete(id);
    clearTimeout(query.timer);
    query.resolve(outcome);
  }
}
