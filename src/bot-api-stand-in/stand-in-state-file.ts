import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChatRegistrySnapshot } from './chat-registry';
import type { FileStoreSnapshot } from './file-store';
import type { PaymentLedgerSnapshot } from './payment-ledger';

const FORMAT = 1;
const CHECK_EVERY_MS = 1000;

/** What a local stand-in keeps between runs: the chats on both sides, what was paid, and where update ids had got to. */
export interface StandInSnapshot {
  format: typeof FORMAT;
  lastUpdateId: number;
  chats: ChatRegistrySnapshot;
  ledger: PaymentLedgerSnapshot;
  files: FileStoreSnapshot;
}

export interface SnapshotSource {
  snapshot(): StandInSnapshot;
  /** Changes whenever the state may have: compared, not interpreted. */
  version(): string;
}

/**
 * The stand-in's state in one JSON file (local mode keeps it under DATA_DIR, so the web chat
 * shows its history after a restart). Written at most once a second while things change, by
 * replacing the file whole, and once more at stop.
 */
export class StandInStateFile {
  private timer: NodeJS.Timeout | undefined;
  private savedVersion: string | undefined;

  constructor(
    private readonly path: string,
    private readonly logger: (line: string) => void,
  ) {}

  /** The saved state, or undefined when there is none or it cannot be read (the stand-in then starts empty). */
  load(): StandInSnapshot | undefined {
    if (!existsSync(this.path)) return undefined;
    try {
      const snapshot = JSON.parse(readFileSync(this.path, 'utf8')) as StandInSnapshot;
      if (snapshot.format === FORMAT) return snapshot;
      this.logger(`${this.path} has an unknown format; starting with empty chats`);
    } catch (error) {
      this.logger(`${this.path} could not be read (${(error as Error).message}); starting with empty chats`);
    }
    return undefined;
  }

  /** Saves whenever the source's version moves. */
  follow(source: SnapshotSource): void {
    this.savedVersion = source.version();
    this.timer = setInterval(() => this.saveIfChanged(source), CHECK_EVERY_MS).unref();
  }

  /** Stops following and saves what is there now. */
  close(source: SnapshotSource): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.saveIfChanged(source);
  }

  private saveIfChanged(source: SnapshotSource): void {
    const version = source.version();
    if (version === this.savedVersion) return;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const partial = `${this.path}.partial`;
      writeFileSync(partial, JSON.stringify(source.snapshot()));
      renameSync(partial, this.path);
      this.savedVersion = version;
    } catch (error) {
      this.logger(`could not save the chats to ${this.path}: ${(error as Error).message}`);
    }
  }
}
