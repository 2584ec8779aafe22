import { Logger } from '@nestjs/common';
import { isAbsolute, relative } from 'node:path';
import { AppConfig } from './config/app-config';

/** A path as the person who typed `npm start` would write it: relative when it is under their directory. */
function shown(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? `./${inside}` : path;
}

/**
 * What local mode prints once it listens: where to chat with the bot first, then the REST API
 * and its token, where the data lives, and how to stop. Every URL in it answers (not 404).
 */
export function localModeBanner(config: AppConfig, cwd = process.cwd()): string[] {
  const { port, adminPort } = config.http;
  const dataDir = shown(config.database.dataDir, cwd);
  const stored = config.database.url ? 'the chats and the REST token; the database is DATABASE_URL' : 'the embedded PostgreSQL, the chats, the REST token';
  return [
    'Local mode: no TELEGRAM_BOT_TOKEN, so a built-in stand-in plays Telegram.',
    `  Chat with the bot:  http://localhost:${port}/`,
    `  REST API:           http://localhost:${adminPort}/api/docs  (Bearer token in ${shown(config.admin.tokenFile, cwd)})`,
    `  Data:               ${dataDir}  (${stored}; delete it to start afresh)`,
    '  Stop:               Ctrl-C',
  ];
}

export function announceLocalMode(config: AppConfig): void {
  if (config.localMode) new Logger().log(localModeBanner(config).join('\n'));
}
