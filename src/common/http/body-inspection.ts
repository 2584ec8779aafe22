/** Deeper than any body the API or Telegram sends; deep enough to stop recursive walkers overflowing the stack. */
export const MAX_NESTING_DEPTH = 32;

/** Keys that no request of ours uses and that class-transformer reads as the object's class. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface BodyProblem {
  /** Where: `.`-separated keys from the top of the body (empty for the body itself). */
  field: string;
  problem: string;
}

/**
 * What makes a parsed JSON body unsafe to hand to class-transformer, which recurses (a body
 * nested thousands deep, which JSON.parse accepts, overflows its stack) and takes a
 * `constructor` key for the object's class; and strings with a NUL character, which no text column
 * of PostgreSQL stores. Walks with its own stack, so any depth is measured.
 */
export function inspectBody(value: unknown): BodyProblem | undefined {
  const pending: [unknown, string, number][] = [[value, '', 0]];
  while (pending.length > 0) {
    const [current, path, depth] = pending.pop()!;
    if (typeof current === 'string' && current.includes('\u0000')) return { field: path, problem: 'must not contain a NUL character' };
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_NESTING_DEPTH) return { field: path, problem: `nests deeper than ${MAX_NESTING_DEPTH} levels` };
    for (const key of Object.keys(current)) {
      const field = path ? `${path}.${key}` : key;
      if (RESERVED_KEYS.has(key)) return { field, problem: 'is not an allowed field name' };
      pending.push([(current as Record<string, unknown>)[key], field, depth + 1]);
    }
  }
  return undefined;
}
