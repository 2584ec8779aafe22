/** A token bucket: `capacity` calls at once, refilled at `perSecond`; `take` says how long to wait. */
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

  /** Takes a token now if there is one (returns 0), else reserves the next and returns the wait in ms. */
  take(): number {
    this.refill();
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.perSecond) * 1000);
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
