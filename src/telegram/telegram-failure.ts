import { TelegramError } from 'telegraf';

/**
 * A failed Bot API call as an operator can act on it: the method, Telegram's status and
 * description, or the network error. Telegraf puts the URL (with the token masked) in its
 * network errors; the cause is what matters.
 */
export function describeTelegramFailure(error: unknown, method = 'a Bot API call'): string {
  if (error instanceof TelegramError) {
    const on = error.on as { method?: string } | undefined;
    return `${on?.method ?? method} answered ${error.code}: ${error.description}${hint(error.code)}`;
  }
  const reason = error instanceof Error ? error.message.replace(/^request to \S+ failed, reason: /, '') : String(error);
  return `${method} could not reach the Bot API (${reason})`;
}

function hint(code: number): string {
  if (code === 401 || code === 404) return ' (is TELEGRAM_BOT_TOKEN right, and TELEGRAM_API_ROOT if set?)';
  return '';
}

/** Errors worth another try: Telegram busy or down, or the network. */
export function isTransientTelegramFailure(error: unknown): boolean {
  if (error instanceof TelegramError) return error.code === 429 || error.code >= 500;
  return true;
}

/** Telegram refused a file: a cached file_id it no longer knows, or an upload it could not take. */
export function isRefusedFile(error: unknown): error is TelegramError {
  return error instanceof TelegramError && error.code === 400 && /file/i.test(error.description);
}
