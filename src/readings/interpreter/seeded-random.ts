/** mulberry32: tiny and good enough to vary wording; never for the real draw, which must be unpredictable. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = Math.trunc(seed) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /**
   * Hands out the items in a shuffled order and reshuffles when all are used, so a long
   * spread does not repeat one phrasing in consecutive paragraphs.
   */
  rotation<T>(items: readonly T[]): () => T {
    let queue: T[] = [];
    let last: T | undefined;
    return () => {
      if (queue.length === 0) {
        queue = this.shuffle(items);
        if (queue.length > 1 && queue[0] === last) queue.push(queue.shift() as T);
      }
      last = queue.shift() as T;
      return last;
    };
  }
}
