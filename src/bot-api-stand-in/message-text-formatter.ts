import { BotApiError } from './bot-api-error';
import { TelegramHtmlParser } from './telegram-html-parser';
import type { TgMessageEntity } from './telegram-objects.types';

export interface FormattedText {
  text: string;
  entities: TgMessageEntity[];
}

/** Applies a parse_mode (or explicit entities) to message text the way Telegram does before storing it. */
export class MessageTextFormatter {
  private readonly html = new TelegramHtmlParser();

  format(raw: string, parseMode: unknown, entities?: unknown): FormattedText {
    if (Array.isArray(entities) && entities.length) return { text: raw, entities: entities as TgMessageEntity[] };
    if (parseMode === undefined || parseMode === null || parseMode === '') return { text: raw, entities: [] };
    if (typeof parseMode !== 'string') throw BotApiError.badRequest('unsupported parse_mode');
    switch (parseMode.toLowerCase()) {
      case 'html': {
        const parsed = this.html.parse(raw);
        if (!parsed.ok) throw BotApiError.badRequest(`can't parse entities: ${parsed.error}`);
        return { text: parsed.text, entities: parsed.entities };
      }
      case 'markdown':
      case 'markdownv2':
        // Markdown is passed through unparsed, so its length counts the markup too.
        return { text: raw, entities: [] };
      default:
        throw BotApiError.badRequest('unsupported parse_mode');
    }
  }
}
