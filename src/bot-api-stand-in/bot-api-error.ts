export interface BotApiErrorBody {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
    this.name = 'BotApiError';
  }

  static badRequest(detail: string): BotApiError {
    return new BotApiError(400, `Bad Request: ${detail}`);
  }

  static forbidden(detail: string): BotApiError {
    return new BotApiError(403, `Forbidden: ${detail}`);
  }

  static conflict(detail: string): BotApiError {
    return new BotApiError(409, `Conflict: ${detail}`);
  }

  static queryTooOld(): BotApiError {
    return BotApiError.badRequest('query is too old and response timeout expired or query ID is invalid');
  }

  static chatNotFound(): BotApiError {
    return BotApiError.badRequest('chat not found');
  }

  toBody(): BotApiErrorBody {
    const body: BotApiErrorBody = { ok: false, error_code: this.errorCode, description: this.description };
    if (this.retryAfter !== undefined) body.parameters = { retry_after: this.retryAfter };
    return body;
  }
}
