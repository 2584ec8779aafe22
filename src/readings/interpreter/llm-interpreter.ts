import OpenAI, { APIConnectionError, APIError } from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker';
import type { Interpretation, InterpretationInput, Interpreter } from './interpretation';
import { buildMessages, parseReply, type LlmReading } from './llm-prompt';

export interface LlmInterpreterOptions {
  /** An OpenAI-compatible API root, e.g. `https://api.openai.com/v1`. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Per attempt, our own: the SDK's timeout only covers the wait for headers. */
  timeoutMs?: number;
  /** For the whole reading, attempts and back-off together; then the fallback writes it. */
  budgetMs?: number;
  /** The longest answer asked for. */
  maxTokens?: number;
  /** Further attempts after a network error, a timeout, a 429 or a 5xx. */
  retries?: number;
  /** First back-off; doubles per attempt, with jitter. */
  backoffMs?: number;
  breaker?: CircuitBreakerOptions;
  /** Ask for `response_format: json_object`; dropped by itself if the server rejects it. */
  jsonMode?: boolean;
}

/**
 * success: the LLM wrote the reading. failure: one attempt failed (it may be retried).
 * fallback: the built-in interpreter wrote the reading instead, after failures or because
 * the breaker is open. breaker_open: the breaker has just opened.
 */
export interface LlmEvent {
  kind: 'success' | 'failure' | 'fallback' | 'breaker_open';
  ms?: number;
  error?: string;
}

const DEFAULTS = {
  timeoutMs: 15_000,
  budgetMs: 18_000,
  maxTokens: 2_500,
  retries: 2,
  backoffMs: 300,
  breaker: { failureThreshold: 5, timeoutThreshold: 2, resetMs: 30_000 },
};
/** An attempt with less time than this left in the budget is not started. */
const MIN_ATTEMPT_MS = 1_000;
const MAX_BACKOFF_MS = 10_000;
const MAX_ERROR_LENGTH = 300;
const TIMEOUT_ERROR = 'TimeoutError';
const MALFORMED_ERROR = 'MalformedReplyError';

/** Interprets with an LLM; any failure or unusable answer falls back to another interpreter. */
export class LlmInterpreter implements Interpreter {
  private readonly client: OpenAI;
  private readonly breaker: CircuitBreaker;
  private readonly timeoutMs: number;
  private readonly budgetMs: number;
  private readonly maxTokens: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private jsonMode: boolean;
  /** Newer OpenAI models refuse `max_tokens` and want `max_completion_tokens`; learnt from the first refusal. */
  private tokenLimitField: 'max_tokens' | 'max_completion_tokens' = 'max_tokens';

  constructor(
    private readonly options: LlmInterpreterOptions,
    private readonly fallback: Interpreter,
    private readonly onEvent: (event: LlmEvent) => void = () => undefined,
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.budgetMs = options.budgetMs ?? DEFAULTS.budgetMs;
    this.maxTokens = options.maxTokens ?? DEFAULTS.maxTokens;
    this.retries = options.retries ?? DEFAULTS.retries;
    this.backoffMs = options.backoffMs ?? DEFAULTS.backoffMs;
    this.jsonMode = options.jsonMode ?? true;
    this.breaker = new CircuitBreaker(options.breaker ?? DEFAULTS.breaker);
    this.client = new OpenAI({
      baseURL: options.baseUrl,
      // The SDK insists on a key; local servers usually want none.
      apiKey: options.apiKey || 'none',
      maxRetries: 0,
      timeout: this.timeoutMs,
      logLevel: 'off',
    });
  }

  async interpret(input: InterpretationInput, seed: number): Promise<Interpretation> {
    if (!this.breaker.tryAcquire()) {
      this.emit({ kind: 'fallback', error: 'circuit breaker open' });
      return this.fallback.interpret(input, seed);
    }
    const started = Date.now();
    try {
      const reading = await this.requestWithRetries(buildMessages(input), input.cards.length, started + this.budgetMs);
      this.breaker.recordSuccess();
      this.emit({ kind: 'success', ms: Date.now() - started });
      return { ...reading, source: 'llm' };
    } catch (error) {
      const timedOut = error instanceof Error && error.name === TIMEOUT_ERROR;
      if (this.breaker.recordFailure(timedOut ? 'timeout' : 'error')) this.emit({ kind: 'breaker_open' });
      this.emit({ kind: 'fallback', ms: Date.now() - started, error: this.describe(error) });
      return this.fallback.interpret(input, seed);
    }
  }

  /** Attempts until one succeeds, a failure is not worth another, the retries run out or the budget would. */
  private async requestWithRetries(messages: ChatCompletionMessageParam[], cardCount: number, deadline: number): Promise<LlmReading> {
    for (let attempt = 0; ; attempt++) {
      const started = Date.now();
      try {
        const parsed = parseReply(await this.complete(messages, Math.min(this.timeoutMs, deadline - started)), cardCount);
        if (!parsed.ok) throw namedError(MALFORMED_ERROR, `malformed reply: ${parsed.reason}`);
        return parsed.reading;
      } catch (error) {
        this.emit({ kind: 'failure', ms: Date.now() - started, error: this.describe(error) });
        if (this.learnFromRefusal(error)) {
          attempt--;
          continue;
        }
        if (attempt >= this.retries || !isRetryable(error)) throw error;
        const wait = this.backoff(attempt, error);
        if (deadline - Date.now() - wait < MIN_ATTEMPT_MS) throw error;
        await sleep(wait);
      }
    }
  }

  private async complete(messages: ChatCompletionMessageParam[], timeoutMs: number): Promise<string | null | undefined> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const completion = await this.client.chat.completions.create(
        {
          model: this.options.model,
          messages,
          [this.tokenLimitField]: this.maxTokens,
          ...(this.jsonMode ? { response_format: { type: 'json_object' as const } } : {}),
        },
        { signal: controller.signal },
      );
      // A server that answers 200 with something other than a completion (an error object, a proxy's page).
      if (!Array.isArray(completion?.choices)) {
        const keys = completion && typeof completion === 'object' ? Object.keys(completion).slice(0, 5).join(', ') : typeof completion;
        throw namedError(MALFORMED_ERROR, `the reply is not a chat completion (no "choices"; it has: ${keys || 'nothing'})`);
      }
      if (completion.choices[0]?.finish_reason === 'length') {
        throw namedError(MALFORMED_ERROR, `the reply was cut at max_tokens (${this.maxTokens}); raise LLM_MAX_TOKENS`);
      }
      return completion.choices[0]?.message?.content;
    } catch (error) {
      if (controller.signal.aborted) throw namedError(TIMEOUT_ERROR, `no answer within ${timeoutMs} ms`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Some OpenAI-compatible servers refuse `response_format` (then ask without it), and newer
   * OpenAI models refuse `max_tokens` (then ask with `max_completion_tokens`). True when the
   * refusal taught something and the request is worth sending again at once.
   */
  private learnFromRefusal(error: unknown): boolean {
    if (!(error instanceof APIError) || error.status !== 400) return false;
    if (this.jsonMode && /response_format/i.test(error.message)) {
      this.jsonMode = false;
      return true;
    }
    if (this.tokenLimitField === 'max_tokens' && /max_tokens/i.test(error.message) && /max_completion_tokens/i.test(error.message)) {
      this.tokenLimitField = 'max_completion_tokens';
      return true;
    }
    return false;
  }

  private backoff(attempt: number, error: unknown): number {
    const exponential = this.backoffMs * 2 ** attempt;
    const jittered = exponential / 2 + Math.random() * (exponential / 2);
    return Math.min(Math.max(jittered, retryAfterMs(error)), MAX_BACKOFF_MS);
  }

  /** Error text for events and logs: short, and never with the API key in it. */
  private describe(error: unknown): string {
    const raw = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
    let text = raw.replace(/Bearer\s+\S+/gi, 'Bearer [redacted]');
    const key = this.options.apiKey;
    if (key && key.length >= 4) text = text.split(key).join('[redacted]');
    return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
  }

  private emit(event: LlmEvent): void {
    try {
      this.onEvent(event);
    } catch {
      // A broken metrics hook must not cost the user a reading.
    }
  }
}

function isRetryable(error: unknown): boolean {
  if (error instanceof Error && error.name === TIMEOUT_ERROR) return true;
  if (error instanceof APIConnectionError) return true;
  if (error instanceof APIError && typeof error.status === 'number') {
    return error.status === 408 || error.status === 429 || error.status >= 500;
  }
  return false;
}

function retryAfterMs(error: unknown): number {
  if (!(error instanceof APIError) || error.status !== 429) return 0;
  const seconds = Number(error.headers?.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
