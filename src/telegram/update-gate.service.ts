import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { REDIS_CLIENT, RedisClient } from 'src/cache/redis.provider';

const CLAIM_MS = 120_000;
const DONE_MS = 24 * 3600_000;
const LOCK_MS = 30_000;
const LOCK_WAIT_MS = 25_000;
const LOCK_POLL_MS = 10;
const RELEASE_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Two guarantees Telegram does not give: an update is handled once even when redelivered, and
 * one user's updates are handled one at a time, in order, across every instance. Redis carries
 * both between instances; without Redis (one instance) process memory does.
 */
@Injectable()
export class UpdateGate {
  private readonly logger = new Logger(UpdateGate.name);
  private readonly seen = new Map<number, number>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient | null) {}

  /** True if this instance may handle the update; false if it is, or was, handled elsewhere. */
  async claim(updateId: number): Promise<boolean> {
    if (!this.redis) return this.claimInMemory(updateId);
    try {
      return (await this.redis.set(`update:${updateId}`, 'claimed', { NX: true, PX: CLAIM_MS })) === 'OK';
    } catch (error) {
      this.logger.warn(`Cannot check update ${updateId} for redelivery (${(error as Error).message}); handling it`);
      return this.claimInMemory(updateId);
    }
  }

  /** Marks a claimed update handled for a day (Telegram redelivers within that). */
  async done(updateId: number): Promise<void> {
    await this.redis?.set(`update:${updateId}`, 'done', { PX: DONE_MS }).catch(() => undefined);
  }

  /** Gives a claimed update back after a failure, so Telegram's redelivery is handled. */
  async release(updateId: number): Promise<void> {
    this.seen.delete(updateId);
    await this.redis?.del(`update:${updateId}`).catch(() => undefined);
  }

  /** Runs `work` while holding the user's lock: in-process FIFO first, then the shared lock. */
  async withUserLock<T>(userKey: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(userKey) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.queues.set(userKey, tail);
    await previous;
    try {
      return await this.withSharedLock(userKey, work);
    } finally {
      release();
      if (this.queues.get(userKey) === tail) this.queues.delete(userKey);
    }
  }

  private async withSharedLock<T>(userKey: string, work: () => Promise<T>): Promise<T> {
    if (!this.redis) return work();
    const key = `user-lock:${userKey}`;
    const token = randomUUID();
    const deadline = Date.now() + LOCK_WAIT_MS;
    let held = false;
    while (!held) {
      try {
        held = (await this.redis.set(key, token, { NX: true, PX: LOCK_MS })) === 'OK';
      } catch (error) {
        this.logger.warn(`User lock unavailable (${(error as Error).message}); going on with the local lock only`);
        return work();
      }
      if (!held) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for the lock of user ${userKey}`);
        await sleep(LOCK_POLL_MS);
      }
    }
    try {
      return await work();
    } finally {
      await this.redis.eval(RELEASE_IF_OWNER, { keys: [key], arguments: [token] }).catch(() => undefined);
    }
  }

  private claimInMemory(updateId: number): boolean {
    const now = Date.now();
    if (this.seen.size > 50_000) {
      for (const [id, at] of this.seen) if (now - at > DONE_MS) this.seen.delete(id);
    }
    if (this.seen.has(updateId)) return false;
    this.seen.set(updateId, now);
    return true;
  }
}
