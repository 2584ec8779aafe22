import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UploadedFile } from './uploaded-file';

export type StoredFile = { kind: 'bytes'; bytes: Buffer; mimeType: string } | { kind: 'url'; url: string };

/** A file as the store holds it: in memory, or (with a directory) on disk, read back when asked for. */
type HeldFile = StoredFile | { kind: 'disk'; name: string; size: number; mimeType: string };

/** What a data directory keeps of the store between runs: the files' ids and where their bytes are. */
export interface FileStoreSnapshot {
  files: Array<{ ids: string[]; file: HeldFile }>;
}

const SIGNATURES: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'image/png'],
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'image/gif'],
  [[0x52, 0x49, 0x46, 0x46], 'image/webp'],
];
/** A long local session sends many pictures; the oldest are forgotten past this many bytes. */
const DEFAULT_BUDGET_BYTES = 64 * 1024 * 1024;

/**
 * What the bot sent as files, by file_id, so the local web chat can show photos. Given a
 * directory, the bytes live there rather than in memory, and survive a restart with the chats.
 */
export class FileStore {
  private readonly byId = new Map<string, HeldFile>();
  /** Each file with its ids, oldest first. */
  private readonly files = new Map<HeldFile, string[]>();
  private bytes = 0;

  constructor(
    private readonly budgetBytes = DEFAULT_BUDGET_BYTES,
    private readonly directory?: string,
  ) {}

  /**
   * Remembers the content behind new file ids: uploaded bytes, or the URL the bot gave.
   * A reused file_id (a string that is not a URL) already points at what it was stored with.
   */
  remember(fileIds: string[], source: unknown): void {
    let file: HeldFile | undefined;
    if (source instanceof UploadedFile && source.content) {
      file = this.hold(source.content, imageType(source.content) ?? source.mimeType);
    } else if (typeof source === 'string' && /^https?:\/\//.test(source)) {
      file = { kind: 'url', url: source };
    } else if (typeof source === 'string') {
      file = this.byId.get(source);
    }
    if (!file) return;
    for (const id of fileIds) this.byId.set(id, file);
    const ids = this.files.get(file);
    if (ids) {
      ids.push(...fileIds);
      return;
    }
    this.add(file, [...fileIds]);
    this.evict();
  }

  get(fileId: string): StoredFile | undefined {
    const file = this.byId.get(fileId);
    if (file?.kind !== 'disk') return file;
    const path = join(this.directory!, file.name);
    return existsSync(path) ? { kind: 'bytes', bytes: readFileSync(path), mimeType: file.mimeType } : undefined;
  }

  snapshot(): FileStoreSnapshot {
    return { files: [...this.files].map(([file, ids]) => ({ ids: [...ids], file })) };
  }

  /** Takes back what snapshot() gave, leaving out files whose bytes are gone. */
  restore(snapshot: FileStoreSnapshot): void {
    this.forget();
    for (const { ids, file } of snapshot.files) {
      if (file.kind === 'disk' && !(this.directory && existsSync(join(this.directory, file.name)))) continue;
      this.add(file, ids);
      for (const id of ids) this.byId.set(id, file);
    }
  }

  clear(): void {
    for (const file of this.files.keys()) this.discard(file);
    this.forget();
  }

  private hold(bytes: Buffer, mimeType: string): HeldFile {
    if (!this.directory) return { kind: 'bytes', bytes, mimeType };
    const name = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
    mkdirSync(this.directory, { recursive: true });
    writeFileSync(join(this.directory, name), bytes);
    return { kind: 'disk', name, size: bytes.length, mimeType };
  }

  private add(file: HeldFile, ids: string[]): void {
    this.files.set(file, ids);
    this.bytes += sizeOf(file);
  }

  private forget(): void {
    this.byId.clear();
    this.files.clear();
    this.bytes = 0;
  }

  private evict(): void {
    for (const [file, ids] of this.files) {
      if (this.bytes <= this.budgetBytes || this.files.size === 1) return;
      for (const id of ids) this.byId.delete(id);
      this.files.delete(file);
      this.bytes -= sizeOf(file);
      this.discard(file);
    }
  }

  private discard(file: HeldFile): void {
    if (file.kind === 'disk') rmSync(join(this.directory!, file.name), { force: true });
  }
}

function sizeOf(file: HeldFile): number {
  if (file.kind === 'bytes') return file.bytes.length;
  return file.kind === 'disk' ? file.size : 0;
}

/** Multipart parts often arrive as application/octet-stream; the first bytes say what an image really is. */
function imageType(bytes: Buffer): string | undefined {
  return SIGNATURES.find(([signature]) => signature.every((byte, i) => bytes[i] === byte))?.[1];
}
