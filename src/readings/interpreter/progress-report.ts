import type { InterpretOptions, ReadingProgress } from './interpretation';

const NOTHING_YET: ReadingProgress = { journey: [] };

/** Passes the text on as it grows, and says when what was passed on is abandoned. */
export class ProgressReport {
  private shown = false;

  constructor(private readonly listener: NonNullable<InterpretOptions['onProgress']>) {}

  report(read: () => ReadingProgress): void {
    this.shown = true;
    this.call(read);
  }

  abandon(): void {
    if (!this.shown) return;
    this.shown = false;
    this.call(() => NOTHING_YET);
  }

  private call(read: () => ReadingProgress): void {
    try {
      this.listener(read);
    } catch {
      // Whoever shows the draft must not cost the user the reading.
    }
  }
}
