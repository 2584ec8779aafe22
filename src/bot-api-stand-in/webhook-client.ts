import type { TgUpdate } from './telegram-objects.types';

export interface WebhookResponse {
  /** 0 when the request failed before a response arrived. */
  status: number;
  error?: string;
  /** A Bot API call the bot returned in the response body ({method, ...params}), which Telegram executes. */
  reply?: Record<string, unknown>;
}

export const SECRET_TOKEN_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

/** POSTs updates to a webhook the way Telegram does. */
export class WebhookClient {
  constructor(private readonly timeoutMs: number) {}

  async post(url: string, update: TgUpdate, secretToken?: string): Promise<WebhookResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secretToken) headers[SECRET_TOKEN_HEADER] = secretToken;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { status: 0, error: error instanceof Error ? error.message : String(error) };
    }
    const body = await response.text().catch(() => '');
    const result: WebhookResponse = { status: response.status };
    if (!response.ok) result.error = `Wrong response from the webhook: ${response.status} ${response.statusText}`;
    else result.reply = parseReply(body, response.headers.get('content-type'));
    return result;
  }
}

function parseReply(body: string, contentType: string | null): Record<string, unknown> | undefined {
  if (!body.trim() || !contentType?.includes('json')) return undefined;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { method?: unknown }).method === 'string') {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // A body that is not JSON is not a reply call; Telegram ignores it too.
  }
  return undefined;
}
