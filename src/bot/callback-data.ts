import type { Context } from 'telegraf';

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

/**
 * What an action's argument may be, where the bot writes a bounded one: a press carrying
 * anything else (a forged `v1:pref:reversals:maybe`) matches no handler and is answered as an
 * unknown button. Numbers are bounded here by length; handlers check their range.
 */
const ARGUMENTS: Record<string, string> = {
  past: '\\d{1,9}',
  open: '\\d{1,10}',
  pref: 'reversals:(?:on|off)|language:[a-z]{2,3}',
  renew: 'on|off',
};

/** A regexp matching the current version of one action, for @Action handlers. */
export function callbackPattern(action: string): RegExp {
  return new RegExp(`^${CALLBACK_VERSION}:${action}(?::(${ARGUMENTS[action] ?? '.*'}))?$`);
}

/** The argument of a pressed button for `action` ('' when it carries none). */
export function callbackArgument(ctx: Pick<Context, 'callbackQuery'>, action: string): string {
  return callbackPattern(action).exec((ctx.callbackQuery as { data: string }).data)?.[1] ?? '';
}
