/**
 * Sentences already said: in this reading, and in the user's recent readings. A sentence is
 * compared by its key (case, spacing and typographic quotes folded), so the same words are the
 * same sentence however they were stored.
 */
/**
 * The gap after a sentence's end: its stop, any closing quotes, then the whitespace (group 1)
 * before what opens the next sentence. The stop is matched rather than looked behind for, so
 * the expression is tried only where a stop is (issue 20: this runs over every sentence of the
 * user's recent readings).
 */
const SENTENCE_END = /[.!?…]["'”»“)]*(\s+)(?=["'“«„(]?[\p{Lu}\p{N}])/gu;

/** A text's sentences, line by line; headings and list lines count as sentences of their own. */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\n+/)) {
    let start = 0;
    for (const gap of line.matchAll(SENTENCE_END)) {
      const next = gap.index + gap[0].length;
      sentences.push(line.slice(start, next - gap[1].length).trim());
      start = next;
    }
    sentences.push(line.slice(start).trim());
  }
  return sentences.filter((s) => s.length > 0);
}

/** Anything a key folds: typographic quotes, the typographic apostrophe, and whitespace other than single spaces. */
const FOLDED = /[“”«»„’]|\s(?!\S)|[^\S ]/;

/**
 * The sentence's key. Most sentences hold nothing to fold, so the folding is skipped when the
 * cheap test finds nothing: this is on every reading's path, once per sentence of the user's
 * recent readings (issue 20).
 */
export function sentenceKey(sentence: string): string {
  const key = sentence.normalize('NFC').toLowerCase().trim();
  return FOLDED.test(key) ? key.replace(/[“”«»„]/g, '"').replace(/’/g, "'").replace(/\s+/g, ' ') : key;
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
