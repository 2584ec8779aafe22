import { UploadedFile } from './uploaded-file';

export type StoredFile = { kind: 'bytes'; bytes: Buffer; mimeType: string } | { kind: 'url'; url: string };

const SIGNATURES: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'image/png'],
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'image/gif'],
  [[0x52, 0x49, 0x46, 0x46], 'image/webp'],
];
/** A long local session sends many pictures; the oldest are forgotten past this many bytes. */
const DEFAULT_BUDGET_BYTES = 64 * 1024 * 1024;

/** What the bot sent as files, by file_id, so the local web chat can show photos. */
export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  /** Each file with its ids, oldest first. */
  private readonly files = new Map<StoredFile, string[]>();
  private bytes = 0;

  constructor(private readonly budgetBytes = DEFAULT_BUDGET_BYTES) {}

  /**
   * Remembers the content behind new file ids: uploaded bytes, or the URL the bot gave.
   * A reused file_id (a string that is not a URL) already points at what it was stored with.
   */
  remember(fileIds: string[], source: unknown): void {
    let file: StoredFile | undefined;
    if (source instanceof UploadedFile && source.content) {
      file = { kind: 'bytes', bytes: source.content, mimeType: imageType(source.content) ?? source.mimeType };
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
    this.files.set(file, [...fileIds]);
    this.bytes += sizeOf(file);
    this.evict();
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  clear(): void {
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
    }
  }
}

function sizeOf(file: StoredFile): number {
  return file.kind === 'bytes' ? file.bytes.length : 0;
}

/** Multipart parts often arrive as application/octet-stream; the first bytes say what an image really is. */
function imageType(bytes: Buffer): string | undefined {
  return SIGNATURES.find(([signature]) => signature.every((byte, i) => bytes[i] === byte))?.[1];
}
