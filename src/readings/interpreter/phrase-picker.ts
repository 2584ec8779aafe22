import type { Variants } from './phrase-book';
import type { SeededRandom } from './seeded-random';

/** Picks a phrasing for each sentence, rotating through a type's variants so neighbours differ. */
export class PhrasePicker {
  private readonly rotations = new Map<Variants<never>, () => unknown>();

  constructor(readonly random: SeededRandom) {}

  say<C>(variants: Variants<C>, context: C): string {
    let next = this.rotations.get(variants as Variants<never>);
    if (!next) {
      next = this.random.rotation(variants);
      this.rotations.set(variants as Variants<never>, next);
    }
    return (next() as (c: C) => string)(context);
  }
}
