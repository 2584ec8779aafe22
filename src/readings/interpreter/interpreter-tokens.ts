/** The configured interpreter (the LLM with the built-in fallback, or the built-in alone). */
export const READING_INTERPRETER = Symbol('READING_INTERPRETER');
/** Always the built-in interpreter: the free card of the day never waits on an LLM. */
export const BUILTIN_INTERPRETER = Symbol('BUILTIN_INTERPRETER');
