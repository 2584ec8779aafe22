/**
 * Invoice payloads (at most 128 bytes) name what is sold, for how many Stars, to whom:
 *   package:      `p1:<transactionId>:<packageKey>:<stars>:<telegramUserId>`
 *   subscription: `s1:<tier>:<stars>:<telegramUserId>:<issuedAtSeconds>`
 */
export type InvoicePayload =
  | { kind: 'package'; transactionId: number; packageKey: string; stars: number; telegramUserId: string }
  | { kind: 'subscription'; tier: string; stars: number; telegramUserId: string; issuedAt: number };

const MAX_BYTES = 128;
const KEY = /^[a-z][a-z0-9_]{0,31}$/;
const NUMBER = /^[1-9]\d{0,18}$/;

export function encodePayload(payload: InvoicePayload): string {
  const text =
    payload.kind === 'package'
      ? ['p1', payload.transactionId, payload.packageKey, payload.stars, payload.telegramUserId].join(':')
      : ['s1', payload.tier, payload.stars, payload.telegramUserId, payload.issuedAt].join(':');
  if (Buffer.byteLength(text) > MAX_BYTES) throw new Error(`Invoice payload over ${MAX_BYTES} bytes`);
  return text;
}

/** The payload's meaning, or undefined for anything this bot did not write. */
export function decodePayload(text: string): InvoicePayload | undefined {
  const parts = text.split(':');
  if (parts[0] === 'p1' && parts.length === 5) {
    const [, id, packageKey, stars, user] = parts;
    if (!NUMBER.test(id) || !KEY.test(packageKey) || !NUMBER.test(stars) || !NUMBER.test(user)) return undefined;
    return { kind: 'package', transactionId: Number(id), packageKey, stars: Number(stars), telegramUserId: user };
  }
  if (parts[0] === 's1' && parts.length === 5) {
    const [, tier, stars, user, issuedAt] = parts;
    if (!KEY.test(tier) || !NUMBER.test(stars) || !NUMBER.test(user) || !NUMBER.test(issuedAt)) return undefined;
    return { kind: 'subscription', tier, stars: Number(stars), telegramUserId: user, issuedAt: Number(issuedAt) };
  }
  return undefined;
}
