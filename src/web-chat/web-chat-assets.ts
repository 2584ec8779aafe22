import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Asset {
  body: Buffer;
  contentType: string;
}

const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'chat.css': 'text/css; charset=utf-8',
  'icon.svg': 'image/svg+xml',
};
const SCRIPT = 'text/javascript; charset=utf-8';

// Beside this file: src/web-chat/public under ts-node and jest, dist/src/web-chat/public once nest-cli copies the
// assets. A build without them falls back to the sources, so `npm start` from a checkout still serves the page.
const DIRECTORIES = [join(__dirname, 'public'), join(__dirname, '..', '..', '..', 'src', 'web-chat', 'public')];

/**
 * The page's static files, read once: a fixed list and the script modules (every `.js` beside
 * them), so no request path ever reaches the file system.
 */
export class WebChatAssets {
  private readonly assets = new Map<string, Asset>();

  /** Nothing is read when the chat is off (a real bot token), so a build without the files still starts. */
  constructor(enabled: boolean, directories: string[] = DIRECTORIES) {
    if (!enabled) return;
    const directory = directories.find((candidate) => existsSync(join(candidate, 'index.html')));
    if (!directory) throw new Error(`the web chat's files are missing (looked in ${directories.join(', ')})`);
    const scripts = readdirSync(directory).filter((name) => name.endsWith('.js'));
    for (const [name, contentType] of [...Object.entries(FILES), ...scripts.map((name) => [name, SCRIPT])]) {
      this.assets.set(name, { body: readFileSync(join(directory, name)), contentType });
    }
  }

  get(name: string): Asset | undefined {
    return this.assets.get(name);
  }
}
