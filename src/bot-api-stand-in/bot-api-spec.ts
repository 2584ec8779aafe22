import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StandInLogger } from './stand-in-api.types';

/** The project's copy of the Bot API reference (see spec/README.md); `nest build` copies it beside the compiled file. */
export const DEFAULT_BOT_API_SPEC = join(__dirname, 'spec', 'bot-api.json');

export interface SpecField {
  name: string;
  types: string[];
  required: boolean;
  description: string;
}

export interface SpecMethod {
  name: string;
  fields?: SpecField[];
  returns: string[];
}

export interface SpecType {
  name: string;
  fields?: SpecField[];
  subtypes?: string[];
}

interface SpecDocument {
  version: string;
  methods: Record<string, SpecMethod>;
  types: Record<string, SpecType>;
}

/** The machine-readable Bot API reference (methods and types), looked up case-insensitively for methods like Telegram does. */
export class BotApiSpec {
  private readonly methodsByLowerName = new Map<string, SpecMethod>();

  private constructor(private readonly document: SpecDocument) {
    for (const method of Object.values(document.methods)) {
      this.methodsByLowerName.set(method.name.toLowerCase(), method);
    }
  }

  /** Returns null (after one log line) when there is no spec file, so conformance checking is skipped. */
  static load(path: string | null, logger: StandInLogger): BotApiSpec | null {
    if (!path || !existsSync(path)) {
      logger(`Bot API spec not found at ${path ?? '(no path given)'}: the Telegram stand-in skips conformance checking`);
      return null;
    }
    const document = JSON.parse(readFileSync(path, 'utf8')) as SpecDocument;
    if (!document.methods || !document.types) {
      throw new Error(`${path} does not look like a Bot API spec (no methods/types)`);
    }
    return new BotApiSpec(document);
  }

  static fromDocument(document: SpecDocument): BotApiSpec {
    return new BotApiSpec(document);
  }

  get version(): string {
    return this.document.version;
  }

  method(name: string): SpecMethod | undefined {
    return this.methodsByLowerName.get(name.toLowerCase());
  }

  type(name: string): SpecType | undefined {
    return this.document.types[name];
  }

  field(methodName: string, fieldName: string): SpecField | undefined {
    return this.method(methodName)?.fields?.find((field) => field.name === fieldName);
  }
}
