import { callbackArgument, callbackData, callbackPattern } from './callback-data';

describe('callback data', () => {
  it('is versioned and matched by its action', () => {
    const data = callbackData('deleteme', 'yes');
    expect(data).toBe('v1:deleteme:yes');
    expect(callbackPattern('deleteme').exec(data)?.[1]).toBe('yes');
    expect(callbackPattern('deleteme').test('v0:deleteme:yes')).toBe(false);
  });

  it('refuses to build more than 64 bytes', () => {
    expect(() => callbackData('x', 'й'.repeat(40))).toThrow(/64 bytes/);
  });

  it('matches only the arguments the bot writes, where it bounds them', () => {
    expect(callbackPattern('pref').exec('v1:pref:reversals:off')?.[1]).toBe('reversals:off');
    expect(callbackPattern('pref').exec('v1:pref:language:uk')?.[1]).toBe('language:uk');
    expect(callbackPattern('pref').test('v1:pref:reversals:maybe')).toBe(false);
    expect(callbackPattern('past').exec('v1:past:3')?.[1]).toBe('3');
    expect(callbackPattern('past').test('v1:past:9999999999')).toBe(false);
    expect(callbackPattern('open').test('v1:open:-1')).toBe(false);
    expect(callbackPattern('renew').test('v1:renew:sometimes')).toBe(false);
  });

  it('reads the argument of a pressed button, and none when it carries none', () => {
    expect(callbackArgument({ callbackQuery: { data: 'v1:deck:thoth' } } as never, 'deck')).toBe('thoth');
    expect(callbackArgument({ callbackQuery: { data: 'v1:deck' } } as never, 'deck')).toBe('');
    expect(callbackArgument({ callbackQuery: { data: 'v1:pref:reversals:maybe' } } as never, 'pref')).toBe('');
  });
});
