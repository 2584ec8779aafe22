import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  let now: number;
  let sut: CircuitBreaker;

  beforeEach(() => {
    now = 1_000;
    sut = new CircuitBreaker({ failureThreshold: 3, resetMs: 10_000 }, () => now);
  });

  const fail = (times: number) => {
    for (let i = 0; i < times; i++) {
      expect(sut.tryAcquire()).toBe(true);
      sut.recordFailure();
    }
  };

  it('reports the failure that opens the circuit, once', () => {
    fail(2);
    sut.tryAcquire();
    expect(sut.recordFailure()).toBe(true);
    expect(sut.recordFailure()).toBe(false);
  });

  it('stays closed below the threshold', () => {
    fail(2);
    expect(sut.state).toBe('closed');
    expect(sut.tryAcquire()).toBe(true);
  });

  it('counts only consecutive failures', () => {
    fail(2);
    sut.recordSuccess();
    fail(2);
    expect(sut.state).toBe('closed');
  });

  it('opens after the threshold and refuses calls until the reset time', () => {
    fail(3);
    expect(sut.state).toBe('open');
    expect(sut.tryAcquire()).toBe(false);
    now += 9_999;
    expect(sut.tryAcquire()).toBe(false);
  });

  it('lets exactly one trial through when half-open', () => {
    fail(3);
    now += 10_000;
    expect(sut.state).toBe('half-open');
    expect(sut.tryAcquire()).toBe(true);
    expect(sut.tryAcquire()).toBe(false);
  });

  it('closes when the trial succeeds', () => {
    fail(3);
    now += 10_000;
    sut.tryAcquire();
    sut.recordSuccess();
    expect(sut.state).toBe('closed');
    expect(sut.tryAcquire()).toBe(true);
    expect(sut.tryAcquire()).toBe(true);
  });

  it('opens again for a full period when the trial fails', () => {
    fail(3);
    now += 10_000;
    sut.tryAcquire();
    sut.recordFailure();
    expect(sut.state).toBe('open');
    now += 9_999;
    expect(sut.tryAcquire()).toBe(false);
    now += 1;
    expect(sut.tryAcquire()).toBe(true);
  });
});
