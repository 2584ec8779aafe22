import { POSITION_PAIRS, POSITION_ROLES, positionSpec, SPREAD_CHAPTERS } from './position-roles';
import { SPREAD_POSITION_KEYS } from './spread-texts.en';

describe('position roles', () => {
  it('gives every position of every built-in spread a role of its own', () => {
    for (const [spread, keys] of Object.entries(SPREAD_POSITION_KEYS)) {
      for (const key of keys) {
        const spec = positionSpec(spread, key);
        expect(POSITION_ROLES).toContain(spec.role);
        if (spec.role === 'area') expect(spec.area).toBeDefined();
        if (spec.role === 'period') expect(spec.period).toBeDefined();
      }
    }
    expect(positionSpec('celtic_cross', 'challenge').role).toBe('challenge');
    expect(positionSpec('relationship', 'partner').role).toBe('other');
    expect(positionSpec('monthly_guidance', 'money')).toEqual({ role: 'area', area: 'money' });
  });

  it("reads an operator's positions by their keys, and anything else as the situation", () => {
    expect(positionSpec('operators_spread', 'obstacle').role).toBe('challenge');
    expect(positionSpec('operators_spread', 'advice').role).toBe('advice');
    expect(positionSpec('operators_spread', 'toString').role).toBe('situation');
  });

  it('names only real positions in chapters and pairs, each chapter of a spread covering each position once', () => {
    for (const [spread, chapters] of Object.entries(SPREAD_CHAPTERS)) {
      const covered = chapters.flatMap((c) => c.positions);
      expect(covered.sort()).toEqual([...SPREAD_POSITION_KEYS[spread]].sort());
    }
    for (const [spread, pairs] of Object.entries(POSITION_PAIRS)) {
      for (const [a, b] of pairs) expect(SPREAD_POSITION_KEYS[spread]).toEqual(expect.arrayContaining([a, b]));
    }
  });
});
