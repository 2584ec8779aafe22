import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig, DEDUP_WINDOW_SECONDS } from 'src/config/app-config';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { RedisScript } from 'src/redis/redis-script';
import { CacheWrites } from 'src/cache/cache-batch';
import { UserBusyError } from './user-busy.error';

/**
 * Claims and user locks are short and renewed while their holder works, so that an instance
 * that dies mid-update frees both within seconds and Telegram's next delivery is handled.
 */
const CLAIM_MS = 15_000;
const LOCK_MS = CLAIM_MS;
const RENEW_EVERY_MS = 5_000;
/** Longer than any handler should run (the LLM is not awaited by handlers); renewal stops then. */
const MAX_HOLD_MS = 180_000;
/**
 * Handled updates are remembered as 12-byte digests in one Redis set per 24th of the window (per
 * hour by default; about 50 bytes an update, against some 200 for a key of its own with a TTL);
 * a claim looks in the sets of the last window, each of which expires a window after its bucket ends.
 */
const BUCKETS_PER_WINDOW = 24;

/** How long handled updates are remembered (DEDUP_WINDOW_SECONDS), and the buckets they are kept in. */
export interface DedupWindow {
  windowMs: number;
  bucketMs: number;
  /** How many sets a claim looks in: the window's, and the one its oldest bucket started in. */
  buckets: number;
}

export function dedupWindow(seconds = DEDUP_WINDOW_SECONDS): DedupWindow {
  const windowMs = seconds * 1000;
  return { windowMs, bucketMs: windowMs / BUCKETS_PER_WINDOW, buckets: BUCKETS_PER_WINDOW + 1 };
}
const DIGEST_BYTES = 12;
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

/**
 * The claim of the common case in one round trip: KEYS = claim, user lock, peeked key, button
 * press, then the handled sets; ARGV = token, claim ms, lock ms, digest, take the lock (1/0), read
 * the peeked key (1/0), the press's id ('' for none), press ms, the placeholder to lease an empty
 * peeked key with ('' for none). The press is first unless another press of the same button holds
 * its key (ButtonPresses).
 */
const CLAIM = new RedisScript(`
for i = 5, #KEYS do
  if redis.call('sismember', KEYS[i], ARGV[4]) == 1 then return {'handled'} end
end
if not redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'in_progress'} end
local locked = 0
if ARGV[5] == '1' and redis.call('set', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[3]) then locked = 1 end
local peeked = false
local leased = 0
if ARGV[6] == '1' then
  peeked = redis.call('get', KEYS[3])
  if not peeked and ARGV[9] ~= '' then
    redis.call('set', KEYS[3], ARGV[9], 'PX', ARGV[2])
    leased = 1
  end
end
local first = 0
if ARGV[7] ~= '' and (redis.call('set', KEYS[4], ARGV[7], 'NX', 'PX', ARGV[8]) or redis.call('get', KEYS[4]) == ARGV[7]) then first = 1 end
return {'claimed', locked, peeked, first, leased}`);
/**
 * The cache writes of an update, with its last round trip: KEYS[offset + 1 ...] = the keys to
 * forget, then those to write; ARGV[offset + 1 ...] = how many to forget, the lease's placeholder,
 * then each write's value and ms to live. A value is written only where the placeholder still is.
 */
const CACHE_WRITES = `
local function cacheWrites(keyOffset, argOffset)
  local forgets = tonumber(ARGV[argOffset + 1])
  for i = keyOffset + 1, keyOffset + forgets do redis.call('unlink', KEYS[i]) end
  local arg = argOffset + 3
  for i = keyOffset + forgets + 1, #KEYS do
    if redis.call('get', KEYS[i]) == ARGV[argOffset + 2] then redis.call('set', KEYS[i], ARGV[arg], 'PX', ARGV[arg + 1]) end
    arg = arg + 2
  end
end`;
/**
 * Marks the update handled, gives back what the token holds, and makes the update's cache writes.
 * KEYS = handled set, the held keys, then the cache writes' keys; ARGV = digest, set expiry (ms
 * since the epoch), token, how many keys are held, then the cache writes' arguments.
 */
const MARK_DONE = new RedisScript(`${CACHE_WRITES}
redis.call('sadd', KEYS[1], ARGV[1])
redis.call('pexpireat', KEYS[1], ARGV[2])
local held = 1 + tonumber(ARGV[4])
for i = 2, held do
  if redis.call('get', KEYS[i]) == ARGV[3] then redis.call('del', KEYS[i]) end
end
cacheWrites(held, 4)
return 1`);
/** Deletes the keys the token holds, and makes the cache writes. KEYS = held keys, then the cache writes'; ARGV = token, how many are held, then the cache writes' arguments. */
const RELEASE_IF_OWNER = new RedisScript(`${CACHE_WRITES}
local held = tonumber(ARGV[2])
for i = 1, held do
  if redis.call('get', KEYS[i]) == ARGV[1] then redis.call('del', KEYS[i]) end
end
cacheWrites(held, 2)
return 1`);

/** The keys and arguments CACHE_WRITES takes. */
function cacheWriteArgs(writes: CacheWrites = NO_WRITES): { keys: string[]; args: string[] } {
  return {
    keys: [...writes.forget, ...writes.store.map((s) => s.key)],
    args: [String(writes.forget.length), writes.lease ?? '', ...writes.store.flatMap((s) => [s.raw, String(s.ttlMs)])],
  };
}
const NO_WRITES: CacheWrites = { forget: [], store: [] };

/** Extends the keys the token holds; returns how many it still held. */
const RENEW_IF_OWNER = new RedisScript(`
local renewed = 0
for i = 1, #KEYS do
  if redis.call('get', KEYS[i]) == ARGV[1] then renewed = renewed + redis.call('pexpire', KEYS[i], ARGV[2]) end
end
return renewed`);

const handledSet = (bucket: number) => `updates-done:${bucket}`;

/** Where a handled update is remembered: its bucket's set, its digest there, and when the set expires (ms since the epoch). */
export function handledMark(identity: string, at = Date.now(), window = dedupWindow()): { key: string; digest: Buffer; bucket: number; expiresAt: number } {
  const bucket = Math.floor(at / window.bucketMs);
  return {
    key: handledSet(bucket),
    digest: createHash('sha256').update(identity).digest().subarray(0, DIGEST_BYTES),
    bucket,
    expiresAt: Math.ceil((bucket + 1) * window.bucketMs + window.windowMs),
  };
}

/**
 * What a claim found: this instance handles the update now, it was handled before, or another
 * delivery of it is being handled (here or on another instance) and Telegram should try later.
 */
export type ClaimResult = 'claimed' | 'handled' | 'in_progress';

/** A button press, checked with the claim: the first of its key within `windowMs`, or the same press (`id`) delivered again. */
export interface PressCheck {
  key: string;
  id: string;
  windowMs: number;
}

export interface ClaimOptions {
  /**
   * The user whose lock the update will take: taken with the claim when nothing of theirs runs
   * or waits in this process and the shared lock is free (the common case), else by withUserLock.
   */
  userKey?: string;
  /** A Redis key read with the claim, under the user's lock when it was taken (the user's cached snapshot). */
  peekKey?: string | null;
  /** A button press to check for a double tap in the same round trip (ButtonPresses.pressOf). */
  press?: PressCheck;
  /** What to leave at `peekKey` when it is empty (a cache lease), so that the value read from the source can be written with `done`. */
  peekLease?: string;
}

export interface UserLockOptions {
  /** How many updates may wait behind the one running (in this process); unbounded when absent. */
  queueLimit?: number;
  /** How long to wait for the lock before giving up with UserBusyError. */
  waitMs?: number;
  /** The update's claim: its user's turn, when it was taken with the claim, is used rather than waited for. */
  claim?: UpdateClaim;
}

/** What the claim's script answered. */
interface SharedClaim {
  result: ClaimResult;
  locked: boolean;
  peeked?: string | null;
  firstPress?: boolean;
  leased?: boolean;
}

/** A user's turn taken with a claim: the in-process line, and whether the shared lock came with it. */
interface HeldTurn {
  userKey: string;
  shared: boolean;
  /** The user's updates that arrived before this one in this process: its turn comes when they are done. */
  ahead?: Promise<void>;
}

/** A place in a user's line in this process, taken when the update arrives. */
interface Place {
  /** Nothing of the user's runs or waits here: the claim may take the shared lock at once. */
  first: boolean;
  ahead?: Promise<void>;
  leave: () => void;
}

/** A claimed update: renewed until `done` or `release` is called. */
export interface UpdateClaim {
  readonly result: ClaimResult;
  /** The user's place in line, taken as the update arrived (and the shared lock with it when it was first). */
  readonly turn?: HeldTurn;
  /** The raw value of `peekKey`, when it was read with the claim (null: absent). */
  readonly peeked?: string | null;
  /** Whether the press was the first of its button within its window, when the claim checked it. */
  readonly firstPress?: boolean;
  /** Whether `peekKey` was empty and now holds `peekLease`. */
  readonly leased?: boolean;
  /**
   * Marks the update handled for the window (Telegram redelivers within it), gives the user's
   * turn back and makes the update's cache writes, in one round trip; false when the writes could
   * not be made with it (no Redis, or it failed), for the caller to make them.
   */
  done(writes?: CacheWrites): Promise<boolean>;
  /** Gives the update back after a failure, so that Telegram's next delivery is handled, and the user's turn; `writes` as in done. */
  release(writes?: CacheWrites): Promise<boolean>;
}

/**
 * Two guarantees Telegram does not give: an update is handled once even when redelivered, and
 * one user's updates are handled one at a time, in order, across every instance. Redis carries
 * both between instances; without Redis (one instance) process memory does.
 */
@Injectable()
export class UpdateGateService {
  private readonly logger = new Logger(UpdateGateService.name);
  private readonly seen = new Map<string, { done: boolean; at: number }>();
  private readonly failures = new Map<string, number>();
  private readonly queues = new Map<string, Promise<void>>();
  /** Per user, how many updates wait in this process for the one running. */
  private readonly waiting = new Map<string, number>();
  private readonly notices = new Map<string, number>();
  private readonly window: DedupWindow;

  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient | null, @Optional() config?: AppConfig) {
    this.window = dedupWindow(config?.telegram.dedupWindowSeconds);
  }

  /**
   * Claims the update for this instance, and with it (in the same Redis round trip) the user's
   * turn and `peekKey` when options ask and the user has nothing running here. Another delivery
   * of the update being handled is waited for (a while): it is then answered as handled, or
   * taken over if its holder failed or died.
   */
  async claim(identity: string, options: ClaimOptions = {}): Promise<UpdateClaim> {
    const key = `update:${identity}`;
    const { digest } = handledMark(identity, Date.now(), this.window);
    /** This delivery's token: only it renews the claim (and the lock taken with it) or gives them back. */
    const owner = randomUUID();
    const deadline = Date.now() + CLAIM_WAIT_MS;
    let found: SharedClaim;
    let inMemory = !this.redis;
    let place: Place | undefined;
    for (;;) {
      // The place is taken before anything is awaited, so a user's updates keep the order they arrived in.
      place = options.userKey !== undefined ? this.joinLine(options.userKey) : undefined;
      try {
        const shared = place?.first ? options : { press: options.press };
        found = inMemory ? { result: this.claimInMemory(identity), locked: false } : await this.claimShared(key, digest, owner, shared);
      } catch (error) {
        this.logger.warn(`Cannot check update ${identity} for redelivery (${(error as Error).message}); handling it`);
        inMemory = true;
        found = { result: this.claimInMemory(identity), locked: false };
      }
      if (found.result === 'claimed') break;
      // Not this delivery's update (yet): the user's place goes to their next update meanwhile.
      place?.leave();
      place = undefined;
      if (found.result === 'handled' || Date.now() >= deadline) break;
      await sleep(CLAIM_POLL_MS);
    }
    const result = found.result;
    if (result !== 'claimed') return { result, done: async () => false, release: async () => false };
    const lockKey = `user-lock:${options.userKey}`;
    const held = found.locked ? [key, lockKey] : [key];
    const stopRenewing = this.renewWhileHeld(held, owner, CLAIM_MS);
    const giveTurnBack = () => place?.leave();
    return {
      result,
      turn: place ? { userKey: options.userKey!, shared: found.locked, ...(place.first ? {} : { ahead: place.ahead }) } : undefined,
      peeked: found.peeked,
      firstPress: found.firstPress,
      leased: found.leased,
      done: async (writes) => {
        stopRenewing();
        if (inMemory) this.seen.set(identity, { done: true, at: Date.now() });
        this.failures.delete(identity);
        const mark = handledMark(identity, Date.now(), this.window);
        const cache = cacheWriteArgs(writes);
        const ran = await this.runScript(MARK_DONE, [mark.key, ...held, ...cache.keys], [digest, String(mark.expiresAt), owner, String(held.length), ...cache.args]);
        giveTurnBack();
        return ran;
      },
      release: async (writes) => {
        stopRenewing();
        this.seen.delete(identity);
        const cache = cacheWriteArgs(writes);
        const ran = await this.runScript(RELEASE_IF_OWNER, [...held, ...cache.keys], [owner, String(held.length), ...cache.args]);
        giveTurnBack();
        return ran;
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
      const [count] = await this.redis.multi().incr(key).pExpire(key, this.window.windowMs).exec();
      return Number(count);
    } catch {
      return local;
    }
  }

  /**
   * Runs `work` while holding the user's lock: in-process FIFO first, then the shared lock (both
   * already held when the claim took them). Throws UserBusyError, without running it, when
   * `queueLimit` updates already wait or the lock is not had within `waitMs`.
   */
  async withUserLock<T>(userKey: string, work: () => Promise<T>, options: UserLockOptions = {}): Promise<T> {
    const deadline = Date.now() + (options.waitMs ?? LOCK_WAIT_MS);
    const held = options.claim?.turn?.userKey === userKey ? options.claim.turn : undefined;
    // The claim gives the turn back once the update is marked handled (with the shared lock, in one round trip).
    if (held) {
      if (held.ahead) {
        if (options.queueLimit !== undefined && (this.waiting.get(userKey) ?? 0) >= options.queueLimit) throw new UserBusyError(userKey, 'queue_full');
        await this.waitInLine(userKey, held.ahead, deadline);
      }
      return held.shared ? work() : this.withSharedLock(userKey, work, deadline);
    }
    const previous = this.queues.get(userKey);
    const waiting = this.waiting.get(userKey) ?? 0;
    if (previous && options.queueLimit !== undefined && waiting >= options.queueLimit) throw new UserBusyError(userKey, 'queue_full');
    const release = this.enterLine(userKey);
    try {
      if (previous) await this.waitInLine(userKey, previous, deadline);
      return await this.withSharedLock(userKey, work, deadline);
    } finally {
      release();
    }
  }

  /** The user's place at the end of their line in this process; `leave` gives it back (once). */
  private joinLine(userKey: string): Place {
    const ahead = this.queues.get(userKey);
    return { first: ahead === undefined, ahead, leave: this.enterLine(userKey) };
  }

  /** Joins the end of the user's line in this process; the function gives the place back (once). */
  private enterLine(userKey: string): () => void {
    const previous = this.queues.get(userKey);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = (previous ?? Promise.resolve()).then(() => mine);
    this.queues.set(userKey, tail);
    return () => {
      // Those behind also wait for `previous`, so a turn given back early keeps their order.
      release();
      if (this.queues.get(userKey) === tail) this.queues.delete(userKey);
    };
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

  private async claimShared(key: string, digest: Buffer, owner: string, options: ClaimOptions): Promise<SharedClaim> {
    const now = Math.floor(Date.now() / this.window.bucketMs);
    const buckets = Array.from({ length: this.window.buckets }, (_, i) => handledSet(now - i));
    const lockKey = options.userKey !== undefined ? `user-lock:${options.userKey}` : key;
    const peek = options.peekKey ?? undefined;
    const press = options.press;
    const [result, locked, peeked, first, leased] = (await CLAIM.run(this.redis!, [key, lockKey, peek ?? key, press?.key ?? key, ...buckets], [
      owner,
      String(CLAIM_MS),
      String(LOCK_MS),
      digest,
      options.userKey !== undefined ? '1' : '0',
      peek !== undefined ? '1' : '0',
      press?.id ?? '',
      String(press?.windowMs ?? 0),
      (peek !== undefined && options.peekLease) || '',
    ])) as [ClaimResult, number?, (string | null)?, number?, number?];
    const claimed = result === 'claimed';
    return {
      result,
      locked: locked === 1,
      peeked: peek !== undefined && claimed ? (peeked ?? null) : undefined,
      firstPress: press && claimed ? first === 1 : undefined,
      leased: leased === 1,
    };
  }

  private claimInMemory(identity: string): ClaimResult {
    const now = Date.now();
    if (this.seen.size > 50_000) {
      for (const [id, { at }] of this.seen) if (now - at > this.window.windowMs) this.seen.delete(id);
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
    const stopRenewing = this.renewWhileHeld([key], token, LOCK_MS);
    try {
      return await work();
    } finally {
      stopRenewing();
      await this.runScript(RELEASE_IF_OWNER, [key], [token, '1', ...cacheWriteArgs().args]);
    }
  }

  /** Runs a script on Redis when there is one, best effort (a key left behind expires within seconds): whether it ran. */
  private async runScript(script: RedisScript, keys: string[], args: (string | Buffer)[]): Promise<boolean> {
    if (!this.redis) return false;
    return script.run(this.redis, keys, args).then(
      () => true,
      () => false,
    );
  }

  /**
   * Extends keys this delivery holds every few seconds, for at most MAX_HOLD_MS (a handler stuck
   * longer must not hold a user's lock for good); returns the function that stops it.
   */
  private renewWhileHeld(keys: string[], token: string, ttlMs: number): () => void {
    if (!this.redis) return () => undefined;
    const redis = this.redis;
    const until = Date.now() + MAX_HOLD_MS;
    const timer = setInterval(() => {
      if (Date.now() > until) {
        this.logger.warn(`Stopped renewing ${keys.join(', ')}: held for over ${MAX_HOLD_MS / 1000} s`);
        clearInterval(timer);
        return;
      }
      RENEW_IF_OWNER.run(redis, keys, [token, String(ttlMs)])
        .then((renewed) => {
          if (Number(renewed) < keys.length) {
            this.logger.warn(`Lost ${keys.join(' or ')} while still working (expired or taken over)`);
            clearInterval(timer);
          }
        })
        .catch(() => undefined);
    }, RENEW_EVERY_MS);
    timer.unref();
    return () => clearInterval(timer);
  }
}
