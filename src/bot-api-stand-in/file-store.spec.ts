import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from './file-store';
import { UploadedFile } from './uploaded-file';

const png = (size: number): UploadedFile => {
  const bytes = Buffer.alloc(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47]).copy(bytes);
  return new UploadedFile('photo', 'spread.png', 'application/octet-stream', size, bytes);
};

describe('FileStore', () => {
  it('keeps uploaded bytes under every file id, typed by their signature, and follows reused ids', () => {
    const sut = new FileStore();

    sut.remember(['small', 'large'], png(10));
    sut.remember(['again'], 'large');

    expect(sut.get('small')).toMatchObject({ kind: 'bytes', mimeType: 'image/png' });
    expect(sut.get('again')).toBe(sut.get('large'));
    expect(sut.get('unknown')).toBeUndefined();
  });

  it('remembers a photo sent by URL as that URL', () => {
    const sut = new FileStore();

    sut.remember(['a'], 'https://example.test/card.png');

    expect(sut.get('a')).toEqual({ kind: 'url', url: 'https://example.test/card.png' });
  });

  it('forgets the oldest files, with all their ids, past its byte budget', () => {
    const sut = new FileStore(25);

    sut.remember(['first'], png(10));
    sut.remember(['second'], png(10));
    sut.remember(['second-again'], 'second');
    sut.remember(['third'], png(10));

    expect(sut.get('first')).toBeUndefined();
    expect(sut.get('second-again')).toBeDefined();
    expect(sut.get('third')).toBeDefined();
  });

  it('in a directory, keeps the bytes in files, deletes those it forgets, and takes back its snapshot in a new store', () => {
    const directory = mkdtempSync(join(tmpdir(), 'file-store-'));
    try {
      const sut = new FileStore(25, directory);

      sut.remember(['first'], png(10));
      sut.remember(['second'], png(10));
      sut.remember(['third'], png(10));
      const restored = new FileStore(25, directory);
      restored.restore(sut.snapshot());

      expect(readdirSync(directory)).toHaveLength(2);
      expect(restored.get('first')).toBeUndefined();
      expect(restored.get('third')).toEqual({ kind: 'bytes', bytes: png(10).content, mimeType: 'image/png' });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
