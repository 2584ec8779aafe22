import { BotApiError } from './bot-api-error';

/** Typed, defensive access to a call's parameters: handlers work the same with or without the spec check before them. */
export class ParamReader {
  constructor(private readonly params: Record<string, unknown>) {}

  has(name: string): boolean {
    return this.params[name] !== undefined && this.params[name] !== null;
  }

  raw(name: string): unknown {
    return this.params[name];
  }

  string(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined) throw BotApiError.badRequest(`parameter "${name}" is required`);
    return value;
  }

  optionalString(name: string): string | undefined {
    const value = this.params[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw BotApiError.badRequest(`field "${name}" must be of type String`);
  }

  integer(name: string): number {
    const value = this.optionalInteger(name);
    if (value === undefined) throw BotApiError.badRequest(`parameter "${name}" is required`);
    return value;
  }

  optionalInteger(name: string): number | undefined {
    const value = this.params[name];
    if (value === undefined || value === null) return undefined;
    const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (!Number.isSafeInteger(number)) throw BotApiError.badRequest(`field "${name}" must be of type Integer`);
    return number as number;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.params[name];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === '1' || value === 1) return true;
    if (value === 'false' || value === '0' || value === 0) return false;
    throw BotApiError.badRequest(`field "${name}" must be of type Boolean`);
  }

  optionalObject(name: string): Record<string, unknown> | undefined {
    const value = this.decodeJson(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw BotApiError.badRequest(`field "${name}" must be an object`);
    return value as Record<string, unknown>;
  }

  optionalArray(name: string): unknown[] | undefined {
    const value = this.decodeJson(name);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw BotApiError.badRequest(`field "${name}" must be an array`);
    return value;
  }

  /** Integer chat id; "Integer or String" in the spec, where a string is a numeric id or an @username. */
  chatId(name = 'chat_id'): number {
    const value = this.params[name];
    if (value === undefined || value === null || value === '') throw BotApiError.badRequest(`${name} is empty`);
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
    throw BotApiError.chatNotFound();
  }

  private decodeJson(name: string): unknown {
    const value = this.params[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw BotApiError.badRequest(`can't parse ${name} JSON object`);
    }
  }
}
