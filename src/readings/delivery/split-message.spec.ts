import { joinMessages, splitMessage, visibleLength } from './split-message';

const balanced = (html: string) => {
  const stack: string[] = [];
  for (const [, close, name] of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
};

describe('splitMessage', () => {
  it('keeps a short text whole', () => {
    expect(splitMessage('<b>Hello</b>\n\nworld')).toEqual(['<b>Hello</b>\n\nworld']);
  });

  it('splits at paragraph boundaries, every part within the limit and valid HTML', () => {
    const paragraph = (i: number) => `<b>Card ${i}</b>\n${'The path bends toward the light. '.repeat(20)}`;
    const html = Array.from({ length: 15 }, (_, i) => paragraph(i)).join('\n\n');
    const parts = splitMessage(html);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(balanced(part)).toBe(true);
    }
    expect(parts.join('\n\n')).toBe(html);
  });

  it('breaks an over-long paragraph between sentences without cutting an entity', () => {
    const long = 'Tom &amp; Jerry run. '.repeat(400);
    const parts = splitMessage(long, 1000);
    expect(parts.every((p) => p.length <= 1000)).toBe(true);
    expect(parts.every((p) => !/&[a-z]*$/.test(p))).toBe(true);
    expect(parts.join(' ').replace(/\s+/g, ' ').trim()).toBe(long.trim());
  });
});

describe('visibleLength', () => {
  it('counts the text Telegram shows: tags parsed away, entities as one character', () => {
    expect(visibleLength('<b>Tom &amp; Jerry</b> &lt;3')).toBe('Tom & Jerry <3'.length);
  });
});

describe('joinMessages', () => {
  it('joins consecutive messages while they fit, in order, with a blank line between', () => {
    expect(joinMessages(['a', 'b', 'c'], 10)).toEqual(['a\n\nb\n\nc']);
    expect(joinMessages(['<b>aaaa</b>', 'bbbb', 'cc'], 10)).toEqual(['<b>aaaa</b>\n\nbbbb', 'cc']);
  });

  it('leaves a message that does not fit beside the one before it on its own', () => {
    expect(joinMessages(['aaaaaa', 'bbbbbb', 'c'], 10)).toEqual(['aaaaaa', 'bbbbbb\n\nc']);
  });
});
