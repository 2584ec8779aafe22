/** The part of a reading being written that a draft shows: which message of the reading it will be, and its HTML so far. */
export interface DraftPart {
  index: number;
  html: string;
}

/** Sends one draft; false when it was not shown (no room in the chat's pacing) and is worth sending again. */
export type ShowDraft = (draftId: number, html: string) => Promise<boolean>;

/** At most one draft a second per reading: Telegram animates the change, and the chat's pacing has room for the reading itself. */
export const DRAFT_EVERY_MS = 1_000;
/** Draft ids of one reading: one per message it will be split into. */
const PARTS_PER_READING = 64;

/** A non-zero draft id for a reading's part; a new part gets a new id, as it will be a new message. */
export function draftIdOf(readingId: number, part: number): number {
  return (readingId % 2 ** 24) * PARTS_PER_READING + Math.min(part, PARTS_PER_READING - 1) + 1;
}

/**
 * Shows a reading as it is written (sendMessageDraft): keeps only the newest text, sends it at
 * most every `everyMs`, one call at a time, and never after close(), so no draft comes after
 * the reading itself. A draft that fails ends the drafts of this reading; the reading goes on.
 */
export class ReadingDraft {
  private latest: (() => DraftPart) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> | null = null;
  private lastSentAt = 0;
  private lastShown: DraftPart | null = null;
  private closed = false;

  constructor(
    private readonly readingId: number,
    private readonly show: ShowDraft,
    private readonly onError: (error: Error) => void = () => undefined,
    private readonly everyMs = DRAFT_EVERY_MS,
  ) {}

  /** The newest text, worked out only when it is sent. */
  update(read: () => DraftPart): void {
    if (this.closed) return;
    this.latest = read;
    this.schedule();
  }

  /** No more drafts: waits for one being sent, so that the message that follows comes after it. */
  async close(): Promise<void> {
    this.closed = true;
    this.latest = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.sending;
  }

  private schedule(): void {
    if (this.timer || this.sending || !this.latest || this.closed) return;
    const wait = Math.max(0, this.lastSentAt + this.everyMs - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    const read = this.latest;
    this.latest = null;
    if (!read || this.closed) return;
    const part = read();
    if (this.lastShown && this.lastShown.index === part.index && this.lastShown.html === part.html) return;
    this.lastSentAt = Date.now();
    this.sending = this.show(draftIdOf(this.readingId, part.index), part.html)
      .then((shown) => {
        if (shown) this.lastShown = part;
        // Not shown for lack of room: the newest text goes next time, if nothing newer came.
        else this.latest ??= read;
      })
      .catch((error: Error) => {
        this.closed = true;
        this.onError(error);
      })
      .finally(() => {
        this.sending = null;
        this.schedule();
      });
  }
}
