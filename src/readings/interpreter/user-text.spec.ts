import { trimUserText } from './user-text';

describe('trimUserText', () => {
  it('keeps short text as given, on one line', () => {
    expect(trimUserText('  Will I <b>move</b>\n\nsoon?  ')).toBe('Will I <b>move</b> soon?');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const result = trimUserText('alpha beta gamma delta epsilon', 20);
    expect(result).toBe('alpha beta gamma…');
    expect(Array.from(result).length).toBeLessThanOrEqual(20);
  });

  it('never splits an emoji', () => {
    const result = trimUserText('🌙'.repeat(30), 10);
    expect(result).toBe(`${'🌙'.repeat(9)}…`);
  });
});
