import { BotApiError, type BotApiErrorBody } from './bot-api-error';
import type { BotApiLimitChecker } from './bot-api-limit-checker';
import type { MethodHandler, MethodTable } from './bot-api-method.types';
import type { BotApiSpec } from './bot-api-spec';
import type { BotApiValidator } from './bot-api-validator';
import type { BotIdentity } from './bot-identity';
import type { CallRecorder } from './call-recorder';
import type { FaultInjector } from './fault-injector';
import type { ParamDecoder } from './param-decoder';
import { ParamReader } from './param-reader';
import type { CallRecord, StandInLogger } from './stand-in-api.types';

export interface CallOutcome {
  status: number;
  body: { ok: true; result: unknown } | BotApiErrorBody;
}

export interface CallProcessorParts {
  spec: BotApiSpec | null;
  decoder: ParamDecoder;
  validator: BotApiValidator | null;
  limits: BotApiLimitChecker;
  faults: FaultInjector;
  recorder: CallRecorder;
  identity: BotIdentity;
  handlers: MethodTable;
  logger: StandInLogger;
  now: () => number;
}

export interface CallSource {
  fromForm: boolean;
  via: CallRecord['via'];
}

/**
 * One Bot API call from arrival to answer: decoding, planned faults, spec and limit checks,
 * the method itself, and the record of it. Method names are case-insensitive, as on Telegram.
 */
export class BotApiCallProcessor {
  private readonly handlers = new Map<string, { name: string; handler: MethodHandler }>();

  constructor(private readonly parts: CallProcessorParts) {
    for (const [name, handler] of Object.entries(parts.handlers)) {
      this.handlers.set(name.toLowerCase(), { name, handler });
    }
  }

  async process(token: string, requested: string, raw: Record<string, unknown>, source: CallSource): Promise<CallOutcome> {
    const { spec, decoder, validator, limits, faults, recorder, identity } = this.parts;
    identity.remember(token);
    const at = this.parts.now();
    const known = this.handlers.get(requested.toLowerCase());
    const method = spec?.method(requested)?.name ?? known?.name ?? requested;
    let params = raw;
    try {
      params = decoder.decode(method, raw, source.fromForm);
      const fault = faults.take(method);
      if (fault) throw fault;
      validator?.validate(method, params);
      limits.check(method, params);
      const result = await this.execute(token, method, params, known?.handler);
      recorder.record({ method, token, params, ok: true, result, at, via: source.via });
      return { status: 200, body: { ok: true, result } };
    } catch (error) {
      const apiError = error instanceof BotApiError ? error : this.internalError(method, error);
      recorder.record({
        method,
        token,
        params,
        ok: false,
        errorCode: apiError.errorCode,
        description: apiError.description,
        at,
        via: source.via,
      });
      return { status: apiError.errorCode, body: apiError.toBody() };
    }
  }

  private async execute(
    token: string,
    method: string,
    params: Record<string, unknown>,
    handler: MethodHandler | undefined,
  ): Promise<unknown> {
    if (handler) {
      const bot = this.parts.identity.userFor(token);
      return await handler({ token, method, params, reader: new ParamReader(params), bot });
    }
    // Methods that only acknowledge (setMyDescription, close, ...) succeed without a model of their effect.
    if (this.parts.spec?.method(method)?.returns.join() === 'Boolean') return true;
    throw BotApiError.badRequest(`method "${method}" is not supported by the Telegram stand-in`);
  }

  private internalError(method: string, error: unknown): BotApiError {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.parts.logger(`Telegram stand-in: ${method} failed unexpectedly: ${detail}`);
    return new BotApiError(500, 'Internal Server Error');
  }
}
