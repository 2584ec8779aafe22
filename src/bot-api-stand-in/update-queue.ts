import { BotApiError } from './bot-api-error';
import type { TgUpdate } from './telegram-objects.types';

interface PendingPoll {
  limit: number;
  resolve: (updates: TgUpdate[]) => void;
  reject: (error: BotApiError) => void;
  timer: NodeJS.Timeout;
}

export interface TakeRequest {
  offset?: number;
  limit: number;
  timeoutSeconds: number;
}

/** Updates waiting for getUpdates, with Telegram's offset confirmation and long polling. */
export class UpdateQueue {
  private pending: TgUpdate[] = [];
  private poll: PendingPoll | null = null;

  get size(): number {
    return this.pending.length;
  }

  push(update: TgUpdate): void {
    this.pending.push(update);
    if (this.poll) this.settle(this.poll, this.pending.slice(0, this.poll.limit));
  }

  /** Confirms updates below offset, then returns what is left, holding the request up to timeoutSeconds if nothing is. */
  take(request: TakeRequest): Promise<TgUpdate[]> {
    this.confirm(request.offset);
    const available = this.pending.slice(0, request.limit);
    if (available.length || request.timeoutSeconds <= 0) return Promise.resolve(available);
    if (this.poll) {
      const previous = this.poll;
      this.poll = null;
      clearTimeout(previous.timer);
      previous.reject(
        BotApiError.conflict('terminated by other getUpdates request; make sure that only one bot instance is running'),
      );
    }
    return new Promise<TgUpdate[]>((resolve, reject) => {
      const poll: PendingPoll = {
        limit: request.limit,
        resolve,
        reject,
        timer: setTimeout(() => this.settle(poll, []), request.timeoutSeconds * 1000),
      };
      poll.timer.unref();
      this.poll = poll;
    });
  }

  /** Removes and returns every pending update (used when a webhook takes over). */
  drain(): TgUpdate[] {
    const drained = this.pending;
    this.pending = [];
    return drained;
  }

  clear(): void {
    this.pending = [];
  }

  /** Answers a held long poll with an empty result. */
  release(): void {
    if (this.poll) this.settle(this.poll, []);
  }

  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset < 0) this.pending = this.pending.slice(offset);
    else this.pending = this.pending.filter((update) => update.update_id >= offset);
  }

  private settle(poll: PendingPoll, updates: TgUpdate[]): void {
    if (this.poll !== poll) return;
    this.poll = null;
    clearTimeout(poll.timer);
    poll.resolve(updates);
  }
}
