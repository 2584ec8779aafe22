/**
 * Invoice payloads (at most 128 bytes) name what is sold, for how many Stars, to whom, and the
 * pending row that records the invoice:
 *   package:      `p1:<transactionId>:<packageKey>:<stars>:<telegramUserId>`
 *   subscription: `s2:<transactionId>:<tier>:<stars>:<telegramUserId>`
 * Subscription links made before their rows existed carry `s1:<tier>:<stars>:<telegramUserId>:<issuedAtSeconds>`;
 * Telegram repeats a link's payload on every renewal, so those are still read.
 */
export interface PackagePayload {
  kind: 'package';
  transactionId: number;
  packageKey: string;
  stars: number;
  telegramUserId: string;
}

export interface SubscriptionPayload {
  kind: 'subscription';
  /** The pending row of the link; null on an `s1` link. */
  transactionId: number | null;
  tier: string;
  stars: number;
  telegramUserId: string;
  /** When an `s1` link was made; null on `s2`. */
  issuedAt: number | null;
}

export type InvoicePayload = PackagePayload | SubscriptionPayload;
export type ProductKind = InvoicePayload['kind'];

const MAX_BYTES = 128;
const KEY = /^[a-z][a-z0-9_]{0,31}$/;
const NUMBER = /^[1-9]\d{0,18}$/;
/** Row ids and Stars are PostgreSQL integers; user ids bigints; dates seconds before 2100. */
const INT4 = 2_147_483_647;
const INT8 = 9_223_372_036_854_775_807n;
const LAST_DATE = 4_102_444_800;

function within(text: string, max: number): boolean {
  return NUMBER.test(text) && Number(text) <= max;
}

function isUserId(text: string): boolean {
  return NUMBER.test(text) && BigInt(text) <= INT8;
}

function fields(payload: InvoicePayload): (string | number)[] {
  if (payload.kind === 'package') return ['p1', payload.transactionId, payload.packageKey, payload.stars, payload.telegramUserId];
  if (payload.transactionId !== null) return ['s2', payload.transactionId, payload.tier, payload.stars, payload.telegramUserId];
  return ['s1', payload.tier, payload.stars, payload.telegramUserId, payload.issuedAt ?? 0];
}

export function encodePayload(payload: InvoicePayload): string {
  const text = fields(payload).join(':');
  if (Buffer.byteLength(text) > MAX_BYTES) throw new Error(`Invoice payload over ${MAX_BYTES} bytes`);
  return text;
}

/** The payload's meaning, or undefined for anything this bot did not write. */
export function decodePayload(text: string): InvoicePayload | undefined {
  const parts = text.split(':');
  if (parts.length !== 5) return undefined;
  if (parts[0] === 'p1' || parts[0] === 's2') {
    const [version, id, key, stars, user] = parts;
    if (!within(id, INT4) || !KEY.test(key) || !within(stars, INT4) || !isUserId(user)) return undefined;
    return version === 'p1'
      ? { kind: 'package', transactionId: Number(id), packageKey: key, stars: Number(stars), telegramUserId: user }
      : { kind: 'subscription', transactionId: Number(id), tier: key, stars: Number(stars), telegramUserId: user, issuedAt: null };
  }
  if (parts[0] === 's1') {
    const [, tier, stars, user, issuedAt] = parts;
    if (!KEY.test(tier) || !within(stars, INT4) || !isUserId(user) || !within(issuedAt, LAST_DATE)) return undefined;
    return { kind: 'subscription', transactionId: null, tier, stars: Number(stars), telegramUserId: user, issuedAt: Number(issuedAt) };
  }
  return undefined;
}
