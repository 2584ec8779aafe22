import { BotApiError } from './bot-api-error';
import type { BotApiSpec, SpecField } from './bot-api-spec';
import { UploadedFile } from './uploaded-file';

interface Mismatch {
  path: string;
  message: string;
  /** How far the value got before failing: the deepest failure explains a union best. */
  rank: number;
  kind: 'type' | 'discriminator' | 'missing';
  /** For discriminator mismatches: the values that would have matched. */
  expected?: string[];
}

const DISCRIMINATOR_FIELDS = new Set(['type', 'source', 'status']);
const DISCRIMINATOR_PATTERN = /,\s*(?:must be|always)\s+"?([a-z_]+)"?\s*$/;

/** Checks a call's decoded parameters against the spec: method existence, required fields and types, recursively. */
export class BotApiValidator {
  constructor(private readonly spec: BotApiSpec) {}

  /** Throws a 400 BotApiError describing the first violation. */
  validate(methodName: string, params: Record<string, unknown>): void {
    const method = this.spec.method(methodName);
    if (!method) throw BotApiError.badRequest(`method "${methodName}" not found`);
    for (const field of method.fields ?? []) {
      const value = params[field.name];
      if (value === undefined || value === null) {
        if (field.required) throw BotApiError.badRequest(`parameter "${field.name}" is required`);
        continue;
      }
      const mismatch = this.checkValue(value, field.types, field.name, 1);
      if (mismatch) throw BotApiError.badRequest(mismatch.message);
    }
  }

  private checkValue(value: unknown, types: string[], path: string, depth: number): Mismatch | null {
    const failures: Mismatch[] = [];
    for (const type of types) {
      const mismatch = this.checkType(value, type, path, depth);
      if (!mismatch) return null;
      failures.push(mismatch);
    }
    if (failures.every((failure) => failure.kind === 'type' && failure.path === path)) {
      return this.typeMismatch(path, types.join(' or '), depth);
    }
    const discriminators = failures.filter((failure) => failure.kind === 'discriminator' && failure.expected);
    if (discriminators.length === failures.length && failures.every((failure) => failure.path === failures[0].path)) {
      const expected = discriminators.flatMap((failure) => failure.expected ?? []);
      const listed = expected.map((value) => `"${value}"`).join(', ');
      return { ...failures[0], expected, message: `field "${failures[0].path}" must be one of ${listed}` };
    }
    return failures.reduce((best, failure) => (failure.rank > best.rank ? failure : best));
  }

  private checkType(value: unknown, type: string, path: string, depth: number): Mismatch | null {
    if (type.startsWith('Array of ')) {
      if (!Array.isArray(value)) return this.typeMismatch(path, type, depth);
      const itemType = type.slice('Array of '.length);
      for (let index = 0; index < value.length; index++) {
        const mismatch = this.checkType(value[index], itemType, `${path}[${index}]`, depth + 1);
        if (mismatch) return mismatch;
      }
      return null;
    }
    switch (type) {
      case 'Integer':
        return Number.isSafeInteger(value) ? null : this.typeMismatch(path, type, depth);
      case 'Float':
        return typeof value === 'number' && Number.isFinite(value) ? null : this.typeMismatch(path, type, depth);
      case 'String':
        return typeof value === 'string' ? null : this.typeMismatch(path, type, depth);
      case 'Boolean':
        return typeof value === 'boolean' ? null : this.typeMismatch(path, type, depth);
      case 'InputFile':
        return value instanceof UploadedFile || typeof value === 'string' ? null : this.typeMismatch(path, type, depth);
      default:
        return this.checkObject(value, type, path, depth);
    }
  }

  private checkObject(value: unknown, typeName: string, path: string, depth: number): Mismatch | null {
    const type = this.spec.type(typeName);
    if (!type) return null;
    if (type.subtypes?.length) {
      const mismatch = this.checkValue(value, type.subtypes, path, depth);
      if (mismatch?.kind === 'type' && mismatch.path === path) return this.typeMismatch(path, typeName, depth);
      return mismatch;
    }
    if (!isPlainObject(value)) return this.typeMismatch(path, typeName, depth);
    const fields = type.fields ?? [];
    for (const field of fields) {
      const expected = discriminatorOf(field);
      if (expected !== undefined && value[field.name] !== expected) {
        return {
          path: `${path}.${field.name}`,
          message: `field "${path}.${field.name}" must be "${expected}"`,
          rank: depth + 0.5,
          kind: 'discriminator',
          expected: [expected],
        };
      }
    }
    for (const field of fields) {
      const fieldPath = `${path}.${field.name}`;
      const fieldValue = value[field.name];
      if (fieldValue === undefined || fieldValue === null) {
        if (field.required) {
          return { path: fieldPath, message: `field "${fieldPath}" is required`, rank: depth + 1, kind: 'missing' };
        }
        continue;
      }
      const mismatch = this.checkValue(fieldValue, field.types, fieldPath, depth + 1);
      if (mismatch) return mismatch;
    }
    return null;
  }

  private typeMismatch(path: string, expected: string, depth: number): Mismatch {
    return { path, message: `field "${path}" must be of type ${expected}`, rank: depth, kind: 'type' };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof UploadedFile);
}

function discriminatorOf(field: SpecField): string | undefined {
  if (!DISCRIMINATOR_FIELDS.has(field.name)) return undefined;
  return DISCRIMINATOR_PATTERN.exec(field.description)?.[1];
}
