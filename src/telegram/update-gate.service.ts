import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { UserBusyError } from './user-busy.error';

/**
 * Claims and user locks are short and renewed while their holder works, so that an instance
 * that dies mid-update frees both within seconds and Telegram's next delivery is handled.
 */
const CLAIM_MS = 15_000;
const LOCK_MS = 15_000;
const RENEW_EVERY_MS = 5_000;
/** Longer than any handler should run (the LLM is not awaited by handlers); renewal stops then. */
const MAX_HOLD_MS = 180_000;
const DONE_MS = 24 * 3600_000;
/** How long a delivery waits for another delivery of the same update (Telegram waits longer for an answer). */
const CLAIM_WAIT_MS = 20_000;
const CLAIM_POLL_MS = 50;
/**
 * How long an update waits for its user's lock, in all: well under Telegraf's 90 s handler
 * timeout, so that the webhook answers within seconds whatever one user sends.
 */
export const LOCK_WAIT_MS = 10_000;
const LOCK_POLL_MS = 10;
/** How long a user who was told to slow down is not told again. */
const NOTICE_WINDOW_MS = 60_000;
const DONE = 'done';
const RELEASE_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * What a claim found: this instance handles the update now, it was handled before, or another
 * delivery of it is being handled (here or on another instance) and Telegram should try later.
 */
export type ClaimResult = 'claimed' | 'handled' | 'in_progress';

export interface UserLockOptions {
  /** How many updates may wait behind the one running (in this process); unbounded when absent. */
  queueLimit?: number;
  /** How long to wait for the lock before giving up with UserBusyError. */
  waitMs?: number;
}

/** A claimed update: renewed until `done` or `release` is called. */
export interface UpdateClaim {
  readonly result: ClaimResult;
  /** Marks the update handled for a day (Telegram redelivers within that). */
  done(): Promise<void>;
  /** Gives the update back after a failure, so that Telegram's next delivery is handled. */
  release(): Promise<void>;
}

/**
 * Two guarantees Telegram does not give: an update is handled once even when redelivered, and
 * one user's updates are handled one at a time, in order, across every instance. Redis carries
 * both between instances; without Redis (one instance) process memory does.
 */
@Injectable()
export class UpdateGate {
  private readonly logger = new Logger(UpdateGate.name);
  private readonly seen = new Map<string, { done: boolean; at: number }>();
  private readonly failures = new Map<string, number>();
  private readonly queues = new Map<string, Promise<void>>();
  /** Per user, how many updates wait in this process for the one running. */
  private readonly waiting = new Map<string, number>();
  private readonly notices = new Map<string, number>();

  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient | null) {}

  /**
   * Claims the update for this instance. Another delivery of it being handled is waited for (a
   * while): it is then answered as handled, or taken over if its holder failed or died.
   */
  async claim(identity: string): Promise<UpdateClaim> {
    const key = `update:${identity}`;
    /** This delivery's token: only it renews the claim or gives it back. */
    const owner = randomUUID();
    const deadline = Date.now() + CLAIM_WAIT_MS;
    let result: ClaimResult;
    let inMemory = !this.redis;
    for (;;) {
      try {
        result = inMemory ? this.claimInMemory(identity) : await this.claimShared(key, owner);
      } catch (error) {
        this.logger.warn(`Cannot check update ${identity} for redelivery (${(error as Error).message}); handling it`);
        inMemory = true;
        result = this.claimInMemory(identity);
      }
      if (result !== 'in_progress' || Date.now() >= deadline) break;
      await sleep(CLAIM_POLL_MS);
    }
    if (result !== 'claimed') return { result, done: async () => undefined, release: async () => undefined };
    const stopRenewing = this.renewWhileHeld(key, owner, CLAIM_MS);
    return {
      result,
      done: async () => {
        stopRenewing();
        if (inMemory) this.seen.set(identity, { done: true, at: Date.now() });
        this.failures.delete(identity);
        await this.redis?.set(key, DONE, { PX: DONE_MS }).catch(() => undefined);
      },
      release: async () => {
        stopRenewing();
        this.seen.delete(identity);
        await this.redis?.eval(RELEASE_IF_OWNER, { keys: [key], arguments: [owner] }).catch(() => undefined);
      },
    };
  }

  /** Counts a failed attempt at the update (across instances) and returns how many there were. */
  async countFailure(identity: string): Promise<number> {
    const local = (this.failures.get(identity) ?? 0) + 1;
    // Entries of updates that went on to succeed elsewhere are never deleted here: bounded instead.
    if (this.failures.size >= 10_000) this.failures.clear();
    this.failures.set(identity, local);
    if (!this.redis) return local;
    const key = `update-failures:${identity}`;
    try {
      const [count] = await this.redis.multi().incr(key).pExpire(key, DONE_MS).exec();
      return Number(count);
    } catch {
      return local;
    }
  }

  /**
   * Runs `work` while holding the user's lock: in-process FIFO first, then the shared lock.
   * Throws UserBusyError, without running it, when `queueLimit` updates already wait or the lock
   * is not had within `waitMs`.
   */
  async withUserLock<T>(userKey: string, work: () => Promise<T>, options: UserLockOptions = {}): Promise<T> {
    const deadline = Date.now() + (options.waitMs ?? LOCK_WAIT_MS);
    const previous = this.queues.get(userKey);
    const waiting = this.waiting.get(userKey) ?? 0;
    if (previous && options.queueLimit !== undefined && waiting >= options.queueLimit) throw new UserBusyError(userKey, 'queue_full');
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = (previous ?? Promise.resolve()).then(() => mine);
    this.queues.set(userKey, tail);
    try {
      if (previous) await this.waitInLine(userKey, previous, deadline);
      return await this.withSharedLock(userKey, work, deadline);
    } finally {
      // Those behind also wait for `previous`, so a turn given back early keeps their order.
      release();
      if (this.queues.get(userKey) === tail) this.queues.delete(userKey);
    }
  }

  /**
   * True the first time it is asked about a user within a minute (across instances): whether to
   * tell them to slow down. Without Redis, this process's memory decides.
   */
  async firstNotice(userKey: string): Promise<boolean> {
    if (this.redis) {
      try {
        return (await this.redis.set(`slow-down:${userKey}`, '1', { NX: true, PX: NOTICE_WINDOW_MS })) === 'OK';
      } catch {
        // Redis is down: this process's memory decides.
      }
    }
    const now = Date.now();
    if (this.notices.size >= 10_000) for (const [key, at] of this.notices) if (now - at > NOTICE_WINDOW_MS) this.notices.delete(key);
    const last = this.notices.get(userKey);
    if (last !== undefined && now - last < NOTICE_WINDOW_MS) return false;
    this.notices.set(userKey, now);
    return true;
  }

  private async waitInLine(userKey: string, turn: Promise<void>, deadline: number): Promise<void> {
    this.waiting.set(userKey, (this.waiting.get(userKey) ?? 0) + 1);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new UserBusyError(userKey, 'wait_timeout')), Math.max(0, deadline - Date.now()));
    });
    try {
      await Promise.race([turn, timeout]);
    } finally {
      clearTimeout(timer);
      const left = (this.waiting.get(userKey) ?? 1) - 1;
      if (left > 0) this.waiting.set(userKey, left);
      else this.waiting.delete(userKey);
    }
  }

  private async claimShared(key: string, owner: string): Promise<ClaimResult> {
    if ((await this.redis!.set(key, owner, { NX: true, PX: CLAIM_MS })) === 'OK') return 'claimed';
    return (await this.redis!.get(key)) === DONE ? 'handled' : 'in_progress';
  }

  private claimInMemory(identity: string): ClaimResult {
    const now = Date.now();
    if (this.seen.size > 50_000) {
      for (const [id, { at }] of this.seen) if (now - at > DONE_MS) this.seen.delete(id);
    }
    const known = this.seen.get(identity);
    if (known) return known.done ? 'handled' : 'in_progress';
    this.seen.set(identity, { done: false, at: now });
    return 'claimed';
  }

  private async withSharedLock<T>(userKey: string, work: () => Promise<T>, deadline: number): Promise<T> {
    if (!this.redis) return work();
    const key = `user-lock:${userKey}`;
    const token = randomUUID();
    let held = false;
    while (!held) {
      try {
        held = (await this.redis.set(key, token, { NX: true, PX: LOCK_MS })) === 'OK';
      } catch (error) {
        this.logger.warn(`User lock unavailable (${(error as Error).message}); going on with the local lock only`);
        return work();
      }
      if (!held) {
        if (Date.now() > deadline) throw new UserBusyError(userKey, 'wait_timeout');
        await sleep(LOCK_POLL_MS);
      }
    }
    const stopRenewing = this.renewWhileHeld(key, token, LOCK_MS);
    try {
      return await work();
    } finally {
      stopRenewing();
      await this.redis.eval(RELEASE_IF_OWNER, { keys: [key], arguments: [token] }).catch(() => undefined);
    }
  }

  /**
   * Extends a key this delivery holds every few seconds, for at most MAX_HOLD_MS (a handler stuck
   * longer must not hold a user's lock for good); returns the function that stops it.
   */
  private renewWhileHeld(key: string, token: string, ttlMs: number): () => void {
    if (!this.redis) return () => undefined;
    const redis = this.redis;
    const until = Date.now() + MAX_HOLD_MS;
    const timer = setInterval(() => {
      if (Date.now() > until) {
        this.logger.warn(`Stopped renewing ${key}: held for over ${MAX_HOLD_MS / 1000} s`);
        clearInterval(timer);
        return;
      }
      redis
        .eval(RENEW_IF_OWNER, { keys: [key], arguments: [token, String(ttlMs)] })
        .then((renewed) => {
          if (renewed === 0) {
            this.logger.warn(`Lost ${key} while still working (it expired or was taken over)`);
            clearInterval(timer);
          }
        })
        .catch(() => undefined);
    }, RENEW_EVERY_MS);
    timer.unref();
    return () => clearInterval(timer);
  }
}
