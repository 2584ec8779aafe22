/** Messages between bench/run.ts and bench/stand-in-process.ts (over the fork's IPC channel). */

/** One Bot API call the bot made, as the stand-in recorded it. */
export interface StandInCall {
  method: string;
  chat_id?: number;
  /** The message text (sendMessage), cut to 500 characters. */
  text?: string;
  ok: boolean;
  error?: string;
  /** When the call arrived at the stand-in (ms since the epoch, sub-millisecond). */
  at: number;
  /** When the stand-in had answered it. */
  done: number;
}

export type ToStandIn =
  | { type: 'registerUsers'; seq: number; users: { id: number; first_name: string }[] }
  | { type: 'registerCallback'; seq: number; queryId: string }
  /** Payments Telegram's Stars ledger holds (bench:scale's reconciliation over a full database). */
  | { type: 'seedStarTransactions'; seq: number; transactions: { chargeId: string; userId: number; stars: number; date: number; payload: string }[] }
  | { type: 'stop' };

export type ToDriver =
  | { type: 'ready'; url: string; checksConformance: boolean }
  | { type: 'calls'; calls: StandInCall[] }
  | { type: 'ack'; seq: number; error?: string }
  | { type: 'log'; line: string };
