import { TelegramHtmlParser } from './telegram-html-parser';

describe('TelegramHtmlParser', () => {
  const parser = new TelegramHtmlParser();

  it('turns tags into entities with UTF-16 offsets and decodes character references', () => {
    const result = parser.parse('🔮 <b>The <i>Star</i></b> &amp; <a href="https://t.me/x?a=1&amp;b=2">link</a>');
    expect(result).toEqual({
      ok: true,
      text: '🔮 The Star & link',
      entities: [
        { type: 'bold', offset: 3, length: 8 },
        { type: 'italic', offset: 7, length: 4 },
        { type: 'text_link', offset: 14, length: 4, url: 'https://t.me/x?a=1&b=2' },
      ],
    });
  });

  it('supports spoilers, blockquotes, custom emoji and pre blocks with a language', () => {
    const result = parser.parse(
      '<span class="tg-spoiler">s</span><blockquote expandable>q</blockquote><tg-emoji emoji-id="5368">⭐</tg-emoji><pre><code class="language-ts">x</code></pre>',
    );
    expect(result.ok && result.entities.map((entity) => entity.type)).toEqual([
      'spoiler',
      'expandable_blockquote',
      'custom_emoji',
      'pre',
    ]);
    expect(result.ok && result.entities[3].language).toBe('ts');
  });

  it('reports errors with byte offsets', () => {
    expect(parser.parse('é</b>')).toEqual({ ok: false, error: 'Unexpected end tag at byte offset 2' });
    expect(parser.parse('1 < 2')).toEqual({ ok: false, error: 'Unsupported start tag "" at byte offset 2' });
    expect(parser.parse('<span>x</span>')).toMatchObject({ ok: false, error: expect.stringMatching(/tg-spoiler/) });
    expect(parser.parse('<b class="x"')).toEqual({ ok: false, error: 'Unclosed start tag at byte offset 0' });
  });

  it('keeps an ampersand that starts no known character reference', () => {
    expect(parser.parse('Salt & pepper &nbsp;')).toEqual({ ok: true, text: 'Salt & pepper &nbsp;', entities: [] });
  });
});
