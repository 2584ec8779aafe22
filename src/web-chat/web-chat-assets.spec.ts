import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebChatAssets } from './web-chat-assets';

describe('WebChatAssets', () => {
  function pageDirectory(files: string[]): string {
    const directory = mkdtempSync(join(tmpdir(), 'web-chat-'));
    for (const name of files) writeFileSync(join(directory, name), `/* ${name} */`);
    return directory;
  }

  it('serves the page, its style and icon, and every script module beside them, and nothing else there', () => {
    const directory = pageDirectory(['index.html', 'chat.css', 'icon.svg', 'chat.js', 'render.js', 'chat-types.d.ts', 'tsconfig.json']);

    const sut = new WebChatAssets(true, [join(directory, 'missing'), directory]);

    expect(sut.get('render.js')).toEqual({ body: Buffer.from('/* render.js */'), contentType: 'text/javascript; charset=utf-8' });
    expect(sut.get('chat.js')?.contentType).toBe('text/javascript; charset=utf-8');
    expect(sut.get('index.html')?.contentType).toBe('text/html; charset=utf-8');
    expect(sut.get('chat-types.d.ts')).toBeUndefined();
    expect(sut.get('tsconfig.json')).toBeUndefined();
  });

  it('reads nothing when the chat is off, and refuses to start without the page when it is on', () => {
    expect(new WebChatAssets(false, ['/nowhere']).get('index.html')).toBeUndefined();
    expect(() => new WebChatAssets(true, ['/nowhere'])).toThrow("the web chat's files are missing (looked in /nowhere)");
  });
});
