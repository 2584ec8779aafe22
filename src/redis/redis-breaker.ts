/**
 * Stops calling a failing Redis for a while: after `threshold` failures in a row Redis is
 * skipped for `coolDownMs`, then tried again. Updates never queue behind a dead Redis.
 */
export class RedisBreaker {
  private failures = 0;
  private openUntil = 0;

  constructor(
    private readonly threshold = 3,
    private readonly coolDownMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  get open(): boolean {
    return this.now() < this.openUntil;
  }

  success(): void {
    this.failures = 0;
  }

  failure(): void {
    this.failures++;
    if (this.failures >= this.threshold) {
      this.openUntil = this.now() + this.coolDownMs;
      this.failures = 0;
    }
  }
}
