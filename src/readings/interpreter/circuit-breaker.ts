export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /**
   * Consecutive timeouts that open it, fewer than other failures: every call that times out has
   * kept a user waiting for the whole timeout.
   */
  timeoutThreshold?: number;
  /** How long the circuit stays open before one trial call is let through. */
  resetMs: number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * Closed: calls pass and failures are counted. Open: calls are refused until `resetMs` has
 * passed. Half-open: exactly one trial call passes; its success closes the circuit, its
 * failure opens it again for another `resetMs`.
 */
export class CircuitBreaker {
  private failures = 0;
  private timeouts = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(
    private readonly options: CircuitBreakerOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.trialInFlight || this.now() - this.openedAt >= this.options.resetMs ? 'half-open' : 'open';
  }

  /** Whether a call may go ahead; in half-open, claims the single trial. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.timeouts = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  /** Returns true when this failure opened the circuit (it was closed or half-open). */
  recordFailure(kind: 'error' | 'timeout' = 'error'): boolean {
    const wasOpen = this.state === 'open';
    this.failures += 1;
    if (kind === 'timeout') this.timeouts += 1;
    const timeoutsEnough = this.timeouts >= (this.options.timeoutThreshold ?? this.options.failureThreshold);
    if (this.trialInFlight || this.failures >= this.options.failureThreshold || timeoutsEnough) {
      this.openedAt = this.now();
    }
    this.trialInFlight = false;
    return !wasOpen && this.openedAt !== null;
  }
}
