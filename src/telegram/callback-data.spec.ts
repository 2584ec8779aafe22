import { callbackData, callbackPattern } from './callback-data';

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
});
