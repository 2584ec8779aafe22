import { BotApiError } from './bot-api-error';
import type { BotApiSpec } from './bot-api-spec';

const PRIMITIVE_TYPES = new Set(['Integer', 'Float', 'Boolean', 'String', 'InputFile']);
const INTEGER_PATTERN = /^-?\d+$/;
const FLOAT_PATTERN = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
// Used only without a spec, to make recorded form-encoded calls readable.
const FALLBACK_INTEGER_KEYS = new Set(['chat_id', 'message_id', 'user_id', 'offset', 'limit', 'timeout', 'subscription_period']);
const FALLBACK_BOOLEAN_KEYS = /^(ok|show_alert|is_\w+|has_\w+|disable_\w+|protect_content|show_\w+|drop_pending_updates|allow_\w+|need_\w+)$/;

/**
 * Turns raw request values into typed parameters. Telegram accepts every top-level value as a string
 * (form fields, query strings, JSON-serialised objects), so strings are converted where the spec expects another type.
 */
export class ParamDecoder {
  constructor(private readonly spec: BotApiSpec | null) {}

  decode(method: string, raw: Record<string, unknown>, fromForm: boolean): Record<string, unknown> {
    const decoded: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(raw)) {
      const field = this.spec?.field(method, name);
      if (field) decoded[name] = this.decodeBySpec(value, field.types, name, fromForm);
      else decoded[name] = fromForm ? this.decodeByGuess(value, name) : value;
    }
    return decoded;
  }

  private decodeBySpec(value: unknown, types: string[], name: string, fromForm: boolean): unknown {
    if (typeof value !== 'string') return value;
    // "Integer or String" chat ids: in a form every value is a string, so a numeric one is the Integer.
    if (fromForm && types.includes('Integer') && INTEGER_PATTERN.test(value)) return Number(value);
    if (types.includes('String') || types.includes('InputFile')) return value;
    if (types.includes('Integer') && INTEGER_PATTERN.test(value)) return Number(value);
    if (types.includes('Float') && FLOAT_PATTERN.test(value)) return Number(value);
    if (types.includes('Boolean')) {
      if (value === 'true' || value === '1') return true;
      if (value === 'false' || value === '0') return false;
    }
    if (types.some((type) => !PRIMITIVE_TYPES.has(type))) {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        throw BotApiError.badRequest(`can't parse ${name} JSON object`);
      }
    }
    return value;
  }

  private decodeByGuess(value: unknown, name: string): unknown {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return JSON.parse(trimmed) as unknown;
      } catch {
        return value;
      }
    }
    if (FALLBACK_INTEGER_KEYS.has(name) && INTEGER_PATTERN.test(value)) return Number(value);
    if (FALLBACK_BOOLEAN_KEYS.test(name) && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  }
}
