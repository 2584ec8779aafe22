/**
 * A token bucket: `capacity` calls at once, refilled at `perSecond`; `take` says how long to
 * wait. A take never reserves further ahead than the caller allows, so a chat over its budget
 * cannot push its next messages out without end.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /**
   * Takes a token now if there is one (returns 0), else reserves the next and returns the wait
   * in ms; undefined, reserving nothing, when that wait would be over `maxWaitMs`.
   */
  take(maxWaitMs = Number.POSITIVE_INFINITY): number | undefined {
    this.refill();
    const wait = this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
    if (wait > maxWaitMs) return undefined;
    this.tokens -= 1;
    return wait;
  }

  /** Takes a token only if one is there now with `keep` more left over; never waits or reserves. */
  tryTake(keep = 0): boolean {
    this.refill();
    if (this.tokens < 1 + keep) return false;
    this.tokens -= 1;
    return true;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
  }

  /** True when the bucket is full again (nothing to remember). */
  get idle(): boolean {
    return this.tokens + ((this.now() - this.updatedAt) / 1000) * this.perSecond >= this.capacity;
  }
}
