import { BuiltinInterpreter } from './builtin-interpreter';
import type { Interpreter } from './interpretation';
import { LlmInterpreter, type LlmEvent } from './llm-interpreter';

export interface LlmSettings {
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs?: number;
  budgetMs?: number;
  maxTokens?: number;
}

/** The LLM with the built-in interpreter as its fallback when an LLM is configured, else the built-in alone. */
export function createInterpreter(llm: LlmSettings | undefined, onEvent?: (event: LlmEvent) => void): Interpreter {
  const builtin = new BuiltinInterpreter();
  if (!llm) return builtin;
  return new LlmInterpreter(llm, builtin, onEvent);
}
