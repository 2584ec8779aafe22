import { decodePayload, encodePayload, InvoicePayload } from './invoice-payload';

describe('invoice payloads', () => {
  it('round-trips a package, a subscription and an old subscription link within 128 bytes', () => {
    const payloads: InvoicePayload[] = [
      { kind: 'package', transactionId: 2147483647, packageKey: 'credits_1500', stars: 9000, telegramUserId: '9007199254740993' },
      { kind: 'subscription', transactionId: 2147483647, tier: 'professional', stars: 5000, telegramUserId: '9007199254740993', issuedAt: null },
      { kind: 'subscription', transactionId: null, tier: 'professional', stars: 5000, telegramUserId: '9007199254740993', issuedAt: 1796000000 },
    ];
    for (const payload of payloads) {
      const text = encodePayload(payload);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(128);
      expect(decodePayload(text)).toEqual(payload);
    }
    expect(encodePayload(payloads[1]).startsWith('s2:')).toBe(true);
  });

  it('rejects anything it did not write', () => {
    for (const text of [
      '',
      'p1:1:x',
      'p1:0:credits_50:500:1',
      'p2:1:credits_50:500:1',
      's1:basic:750:1',
      's2:basic:750:1:1',
      's2:0:basic:750:1',
      'p1:1:Credits:500:1',
      'p1:1:credits_50:500:1:extra',
      // Past what the columns hold: a transaction id or Stars over 2^31-1, a user id over 2^63-1, a date past 2100.
      'p1:9999999999:credits_50:500:1',
      's2:2147483648:basic:750:1',
      'p1:1:credits_50:2147483648:1',
      'p1:1:credits_50:500:9223372036854775808',
      's1:basic:750:1:9999999999999',
    ]) {
      expect(decodePayload(text)).toBeUndefined();
    }
  });
});
