/**
 * Failed REST authentications per client address, in this process's memory: past the limit in
 * a window the address is refused (even with a right token) until the window ends, so guessing
 * tokens costs a minute per few dozen guesses.
 */
export class AuthFailures {
  private readonly windows = new Map<string, { failures: number; endsAt: number }>();

  constructor(
    private readonly limit = 20,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the address may try again; 0 when it is not blocked. */
  retryAfter(address: string): number {
    const window = this.current(address);
    return window && window.failures >= this.limit ? Math.ceil((window.endsAt - this.now()) / 1000) : 0;
  }

  fail(address: string): void {
    const window = this.current(address);
    if (window) window.failures++;
    else {
      this.prune();
      this.windows.set(address, { failures: 1, endsAt: this.now() + this.windowMs });
    }
  }

  private current(address: string): { failures: number; endsAt: number } | undefined {
    const window = this.windows.get(address);
    return window && window.endsAt > this.now() ? window : undefined;
  }

  /** Drops ended windows, so that many addresses never grow the map without bound. */
  private prune(): void {
    if (this.windows.size < 1_000) return;
    for (const [address, window] of this.windows) if (window.endsAt <= this.now()) this.windows.delete(address);
  }
}
