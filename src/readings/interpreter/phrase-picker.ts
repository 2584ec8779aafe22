import type { Variants } from './phrase-book';
import type { SeededRandom } from './seeded-random';
import type { SentenceLedger } from './sentence-ledger';

/**
 * Picks a phrasing for each sentence: rotating through a type's variants so neighbours differ,
 * and passing over any phrasing already said in this reading or the user's recent ones.
 */
export class PhrasePicker {
  private readonly rotations = new Map<Variants<never>, () => unknown>();

  constructor(
    readonly random: SeededRandom,
    private readonly ledger: SentenceLedger,
  ) {}

  /** A sentence that must be said: the first fresh phrasing, or, when every one is spent, the next anyway. */
  say<C>(variants: Variants<C>, context: C): string {
    return this.maybe(variants, context) ?? this.ledger.take(this.next(variants)(context));
  }

  /** A sentence worth saying only if it is new: null when every phrasing has been said. */
  maybe<C>(variants: Variants<C>, context: C): string | null {
    for (let tried = 0; tried < variants.length; tried += 1) {
      const text = this.next(variants)(context);
      if (this.ledger.fresh(text)) return this.ledger.take(text);
    }
    return null;
  }

  /** The first of some ready-made sentences that is new, or null. */
  first(candidates: readonly (string | null | undefined)[]): string | null {
    for (const text of candidates) if (text && this.ledger.fresh(text)) return this.ledger.take(text);
    return null;
  }

  /** True with the given probability; keeps optional remarks from becoming a tic. */
  chance(probability: number): boolean {
    return this.random.next() < probability;
  }

  private next<C>(variants: Variants<C>): (c: C) => string {
    let rotation = this.rotations.get(variants as Variants<never>);
    if (!rotation) {
      rotation = this.random.rotation(variants);
      this.rotations.set(variants as Variants<never>, rotation);
    }
    return rotation() as (c: C) => string;
  }
}
