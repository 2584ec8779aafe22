/**
 * Sentences already said: in this reading, and in the user's recent readings. A sentence is
 * compared by its key (case, spacing and typographic quotes folded), so the same words are the
 * same sentence however they were stored.
 */
const SENTENCE_END = /(?<=[.!?…]["'”»“)]*)\s+(?=["'“«„(]?[\p{Lu}\p{N}])/u;

/** A text's sentences, line by line; headings and list lines count as sentences of their own. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.trim().split(SENTENCE_END))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function sentenceKey(sentence: string): string {
  return sentence
    .normalize('NFC')
    .toLowerCase()
    .replace(/[“”«»„"]/g, '"')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The keys of every sentence in some stored readings, for `InterpretationInput.recentSentences`. */
export function sentenceKeysOf(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((text) => sentencesOf(text).map(sentenceKey)));
}

export class SentenceLedger {
  private readonly said = new Set<string>();

  constructor(private readonly recent: ReadonlySet<string> = new Set()) {}

  /** True when no sentence of the text has been said in this reading or the recent ones. */
  fresh(text: string): boolean {
    return sentencesOf(text).every((s) => {
      const key = sentenceKey(s);
      return !this.said.has(key) && !this.recent.has(key);
    });
  }

  take(text: string): string {
    for (const s of sentencesOf(text)) this.said.add(sentenceKey(s));
    return text;
  }
}
