import OpenAI, { APIConnectionError, APIError } from 'openai';
import { Stream } from 'openai/core/streaming';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker';
import type { Interpretation, InterpretationInput, InterpretOptions, Interpreter } from './interpretation';
import { buildMessages, parseReply, partialReply, type LlmReading } from './llm-prompt';
import { ProgressReport } from './progress-report';

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
  /**
   * Ask for the answer as it is written (`stream: true`) when someone follows its progress;
   * dropped by itself if the server refuses it or answers whole.
   */
  stream?: boolean;
}

/** One attempt's answer; `finished` is false when a stream ended without saying it was complete. */
interface Reply {
  content: string | null | undefined;
  finished: boolean;
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
const STREAM_CUT_ERROR = 'StreamCutError';

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
  private streaming: boolean;
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
    this.streaming = options.stream ?? true;
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

  async interpret(input: InterpretationInput, seed: number, options: InterpretOptions = {}): Promise<Interpretation> {
    if (!this.breaker.tryAcquire()) {
      this.emit({ kind: 'fallback', error: 'circuit breaker open' });
      return this.fallback.interpret(input, seed);
    }
    const started = Date.now();
    const progress = options.onProgress ? new ProgressReport(options.onProgress) : undefined;
    try {
      const reading = await this.requestWithRetries(buildMessages(input), input.cards.length, started + this.budgetMs, progress);
      this.breaker.recordSuccess();
      this.emit({ kind: 'success', ms: Date.now() - started });
      return { ...reading, source: 'llm' };
    } catch (error) {
      progress?.abandon();
      const timedOut = error instanceof Error && error.name === TIMEOUT_ERROR;
      if (this.breaker.recordFailure(timedOut ? 'timeout' : 'error')) this.emit({ kind: 'breaker_open' });
      this.emit({ kind: 'fallback', ms: Date.now() - started, error: this.describe(error) });
      return this.fallback.interpret(input, seed);
    }
  }

  /** Attempts until one succeeds, a failure is not worth another, the retries run out or the budget would. */
  private async requestWithRetries(
    messages: ChatCompletionMessageParam[],
    cardCount: number,
    deadline: number,
    progress: ProgressReport | undefined,
  ): Promise<LlmReading> {
    for (let attempt = 0; ; attempt++) {
      const started = Date.now();
      try {
        const reply = await this.complete(messages, Math.min(this.timeoutMs, deadline - started), progress);
        const parsed = parseReply(reply.content, cardCount);
        if (!parsed.ok && !reply.finished) throw namedError(STREAM_CUT_ERROR, `the stream ended before the reply was complete (${parsed.reason})`);
        if (!parsed.ok) throw namedError(MALFORMED_ERROR, `malformed reply: ${parsed.reason}`);
        return parsed.reading;
      } catch (error) {
        progress?.abandon();
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

  private async complete(messages: ChatCompletionMessageParam[], timeoutMs: number, progress: ProgressReport | undefined): Promise<Reply> {
    const controller = new AbortController();
    // Our own flag: the stream reader aborts the request itself when a stream breaks off.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const body = {
      model: this.options.model,
      messages,
      [this.tokenLimitField]: this.maxTokens,
      ...(this.jsonMode ? { response_format: { type: 'json_object' as const } } : {}),
    };
    try {
      if (progress && this.streaming) {
        const reply = await this.streamed(body, controller, progress);
        // The stream reader ends quietly when its request is aborted.
        if (timedOut) throw namedError(TIMEOUT_ERROR, `no answer within ${timeoutMs} ms`);
        return reply;
      }
      const completion = await this.client.chat.completions.create(body, { signal: controller.signal });
      return { content: this.contentOf(completion), finished: true };
    } catch (error) {
      if (timedOut) throw namedError(TIMEOUT_ERROR, `no answer within ${timeoutMs} ms`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Asks for server-sent events and reports the text as it comes. A server that answers with
   * the whole completion instead is not asked to stream again.
   */
  private async streamed(body: Parameters<OpenAI['chat']['completions']['create']>[0], controller: AbortController, progress: ProgressReport): Promise<Reply> {
    const response = await this.client.chat.completions.create({ ...body, stream: true }, { signal: controller.signal }).asResponse();
    if (!/text\/event-stream/i.test(response.headers.get('content-type') ?? '')) {
      this.streaming = false;
      const whole = (await response.json().catch(() => {
        throw namedError(MALFORMED_ERROR, 'the reply to a stream request is neither a stream nor JSON');
      })) as ChatCompletion;
      return { content: this.contentOf(whole), finished: true };
    }
    let content = '';
    let finish: string | null = null;
    try {
      for await (const chunk of Stream.fromSSEResponse<ChatCompletionChunk>(response, controller)) {
        const choice = chunk.choices?.[0];
        const piece = choice?.delta?.content;
        if (piece) {
          content += piece;
          const sofar = content;
          progress.report(() => partialReply(sofar));
        }
        if (choice?.finish_reason) finish = choice.finish_reason;
      }
    } catch (error) {
      if (error instanceof APIError) throw error;
      throw namedError(STREAM_CUT_ERROR, `the stream broke off after ${content.length} characters: ${(error as Error).message}`);
    }
    if (finish === 'length') throw namedError(MALFORMED_ERROR, `the reply was cut at max_tokens (${this.maxTokens}); raise LLM_MAX_TOKENS`);
    return { content, finished: finish !== null };
  }

  private contentOf(completion: ChatCompletion): string | null | undefined {
    // A server that answers 200 with something other than a completion (an error object, a proxy's page).
    if (!Array.isArray(completion?.choices)) {
      const keys = completion && typeof completion === 'object' ? Object.keys(completion).slice(0, 5).join(', ') : typeof completion;
      throw namedError(MALFORMED_ERROR, `the reply is not a chat completion (no "choices"; it has: ${keys || 'nothing'})`);
    }
    if (completion.choices[0]?.finish_reason === 'length') {
      throw namedError(MALFORMED_ERROR, `the reply was cut at max_tokens (${this.maxTokens}); raise LLM_MAX_TOKENS`);
    }
    return completion.choices[0]?.message?.content;
  }

  /**
   * Some OpenAI-compatible servers refuse `response_format` (then ask without it) or `stream`
   * (then ask for the whole answer), and newer OpenAI models refuse `max_tokens` (then ask with
   * `max_completion_tokens`). True when the refusal taught something and the request is worth
   * sending again at once.
   */
  private learnFromRefusal(error: unknown): boolean {
    if (!(error instanceof APIError) || error.status !== 400) return false;
    if (this.streaming && /\bstream/i.test(error.message)) {
      this.streaming = false;
      return true;
    }
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
  if (error instanceof Error && (error.name === TIMEOUT_ERROR || error.name === STREAM_CUT_ERROR)) return true;
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
