import { inspectBody, MAX_NESTING_DEPTH } from './body-inspection';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? { child: value } : [value];
  return value;
}

describe('inspectBody', () => {
  it('measures objects and arrays alike, up to the limit and one past it', () => {
    expect(inspectBody(nested(MAX_NESTING_DEPTH))).toBeUndefined();
    expect(inspectBody(nested(MAX_NESTING_DEPTH + 1))).toMatchObject({ problem: `nests deeper than ${MAX_NESTING_DEPTH} levels` });
  });

  it('measures a body nested far past the call stack without overflowing', () => {
    expect(inspectBody(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toBeDefined();
  });

  it('names a reserved key wherever it sits, including one JSON.parse makes an own __proto__', () => {
    expect(inspectBody({ amount: { constructor: 1 } })).toEqual({ field: 'amount.constructor', problem: 'is not an allowed field name' });
    expect(inspectBody(JSON.parse('{"a":[{"__proto__":{"isAdmin":true}}]}'))).toEqual({ field: 'a.0.__proto__', problem: 'is not an allowed field name' });
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('names a string holding a NUL character, at the top or deep inside', () => {
    expect(inspectBody({ reason: 'a\u0000b' })).toEqual({ field: 'reason', problem: 'must not contain a NUL character' });
    expect(inspectBody({ list: [{ note: '\u0000' }] })).toEqual({ field: 'list.0.note', problem: 'must not contain a NUL character' });
    expect(inspectBody({ reason: 'a\u0001b' })).toBeUndefined();
  });

  it('lets scalars and wide, shallow bodies through', () => {
    expect(inspectBody('text')).toBeUndefined();
    expect(inspectBody(null)).toBeUndefined();
    expect(inspectBody({ items: Array.from({ length: 10_000 }, (_, i) => ({ i, hasOwnProperty: null })) })).toBeUndefined();
  });
});
