import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { I18nService } from 'src/common/i18n/i18n.service';
import { UserSnapshot } from 'src/users/user-snapshot';
import { RateLimited, RateLimitGuard } from './rate-limit.guard';
import { RateLimitService } from './rate-limit.service';
import { RateVerdict } from './rate-windows';

class Handlers {
  @RateLimited('reading')
  read(): void {}

  free(): void {}
}

function contextFor(handler: () => void, ctx: object): ExecutionContext {
  return {
    getHandler: () => handler,
    getClass: () => Handlers,
    getArgs: () => [ctx, () => undefined],
    getArgByIndex: (i: number) => [ctx, () => undefined][i],
    getType: () => 'telegraf',
    switchToHttp: () => { throw new Error('not http'); },
    switchToRpc: () => { throw new Error('not rpc'); },
    switchToWs: () => { throw new Error('not ws'); },
  } as unknown as ExecutionContext;
}

describe('RateLimitGuard', () => {
  const user = { id: 7, subscriptionTier: null, subscriptionExpiresAt: null } as UserSnapshot;
  const replies: string[] = [];
  const ctx = { state: { user, lang: 'en' }, reply: async (text: string) => void replies.push(text) };
  let verdict: RateVerdict;
  const actions: string[] = [];
  const limits = { hit: async (_: UserSnapshot, action: string) => (actions.push(action), verdict) } as unknown as RateLimitService;
  const sut = new RateLimitGuard(new Reflector(), limits, new I18nService());

  beforeEach(() => {
    replies.length = 0;
    actions.length = 0;
  });

  it('counts a declared handler under its action and lets it through within the limit', async () => {
    verdict = { allowed: true };
    await expect(sut.canActivate(contextFor(Handlers.prototype.read, ctx))).resolves.toBe(true);
    expect(actions).toEqual(['reading']);
  });

  it('ignores handlers without the decorator', async () => {
    await expect(sut.canActivate(contextFor(Handlers.prototype.free, ctx))).resolves.toBe(true);
    expect(actions).toEqual([]);
  });

  it('refuses over the limit with a quiet RATE001 and tells the user when to come back, every time', async () => {
    const retryAt = new Date('2026-11-29T14:00:00Z');
    verdict = { allowed: false, retryAt, firstRefusal: true };
    await expect(sut.canActivate(contextFor(Handlers.prototype.read, ctx))).rejects.toMatchObject({ code: ErrorCode.RateLimited });
    verdict = { allowed: false, retryAt, firstRefusal: false };
    await expect(sut.canActivate(contextFor(Handlers.prototype.read, ctx))).rejects.toBeInstanceOf(DomainException);
    const time = new I18nService().moment('en', retryAt);
    expect(replies).toEqual([0, 1].map(() => `You are going a little fast. Please try again after ${time} UTC.`));
  });
});
