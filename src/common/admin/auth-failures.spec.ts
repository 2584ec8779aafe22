import { AuthFailures } from './auth-failures';

describe('AuthFailures', () => {
  it('blocks an address at the limit until its window ends, and only that address', () => {
    let now = 1_000;
    const sut = new AuthFailures(3, 60_000, () => now);
    sut.fail('10.0.0.1');
    sut.fail('10.0.0.1');
    expect(sut.retryAfter('10.0.0.1')).toBe(0);
    sut.fail('10.0.0.1');
    expect(sut.retryAfter('10.0.0.1')).toBe(60);
    expect(sut.retryAfter('10.0.0.2')).toBe(0);
    now += 59_500;
    expect(sut.retryAfter('10.0.0.1')).toBe(1);
    now += 500;
    expect(sut.retryAfter('10.0.0.1')).toBe(0);
  });
});
