/**
 * Inline-button payloads: `v1:<action>[:<arg>…]`, at most 64 bytes. The version lets an old
 * keyboard be recognised and answered politely instead of doing something unexpected.
 */
export const CALLBACK_VERSION = 'v1';
const MAX_BYTES = 64;

export function callbackData(action: string, ...args: (string | number)[]): string {
  const data = [CALLBACK_VERSION, action, ...args].join(':');
  if (Buffer.byteLength(data) > MAX_BYTES) throw new Error(`callback_data over ${MAX_BYTES} bytes: ${data}`);
  return data;
}

/** A regexp matching the current version of one action, for @Action handlers. */
export function callbackPattern(action: string): RegExp {
  return new RegExp(`^${CALLBACK_VERSION}:${action}(?::(.*))?$`);
}
