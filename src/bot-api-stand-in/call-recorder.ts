import type { CallMatcher, CallRecord, WaitForCallOptions } from './stand-in-api.types';

interface CallWaiter {
  matches: (call: CallRecord) => boolean;
  after: number;
  resolve: (call: CallRecord) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const DEFAULT_WAIT_MS = 5000;
const CALLS_SHOWN_ON_TIMEOUT = 10;

/**
 * Every Bot API call the bot made, in arrival order, with a way to wait for one. A long-running
 * stand-in (local mode) keeps only the latest `keep`: calls carry uploaded pictures.
 */
export class CallRecorder {
  private records: CallRecord[] = [];
  private dropped = 0;
  private waiters = new Set<CallWaiter>();

  constructor(private readonly keep = Number.POSITIVE_INFINITY) {}

  record(call: Omit<CallRecord, 'index'>): CallRecord {
    const record: CallRecord = { ...call, index: this.mark() };
    this.records.push(record);
    if (this.records.length > this.keep) {
      const excess = this.records.length - this.keep;
      this.records.splice(0, excess);
      this.dropped += excess;
    }
    for (const waiter of [...this.waiters]) {
      if (record.index >= waiter.after && waiter.matches(record)) this.settle(waiter, record);
    }
    return record;
  }

  calls(method?: string): CallRecord[] {
    return this.records.filter((call) => !method || call.method === method);
  }

  /** The index the next call will get: pass it as `after` to wait only for later calls. */
  mark(): number {
    return this.dropped + this.records.length;
  }

  clear(): void {
    this.records = [];
    this.dropped = 0;
  }

  waitFor(matcher: CallMatcher, options: WaitForCallOptions = {}): Promise<CallRecord> {
    const matches = typeof matcher === 'string' ? (call: CallRecord) => call.method === matcher : matcher;
    const after = options.after ?? 0;
    const existing = this.records.find((call) => call.index >= after && matches(call));
    if (existing) return Promise.resolve(existing);
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return new Promise<CallRecord>((resolve, reject) => {
      const waiter: CallWaiter = {
        matches,
        after,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`waitForCall(${describe(matcher)}) timed out after ${timeoutMs} ms; ${this.recentCalls()}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  rejectWaiters(reason: string): void {
    for (const waiter of [...this.waiters]) {
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.reject(new Error(`waitForCall aborted: ${reason}`));
    }
  }

  private settle(waiter: CallWaiter, call: CallRecord): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    waiter.resolve(call);
  }

  private recentCalls(): string {
    const recent = this.records.filter((call) => call.method !== 'getUpdates').slice(-CALLS_SHOWN_ON_TIMEOUT);
    if (!recent.length) return 'no calls were recorded (getUpdates aside)';
    const lines = recent.map((call) => {
      const outcome = call.ok ? 'ok' : `${call.errorCode} ${call.description ?? ''}`;
      return `  #${call.index} ${call.method} ${outcome} ${truncate(JSON.stringify(call.params), 160)}`;
    });
    return `last calls (getUpdates aside):\n${lines.join('\n')}`;
  }
}

function describe(matcher: CallMatcher): string {
  return typeof matcher === 'string' ? `"${matcher}"` : 'predicate';
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
