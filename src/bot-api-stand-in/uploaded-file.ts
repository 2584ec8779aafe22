/** A file part of a multipart/form-data request: what the spec calls an InputFile. */
export class UploadedFile {
  constructor(
    readonly fieldName: string,
    readonly fileName: string,
    readonly mimeType: string,
    readonly size: number,
    /** The bytes, kept so that the local web chat can show uploaded photos. */
    readonly content?: Buffer,
  ) {}

  toJSON(): Record<string, unknown> {
    return { upload: this.fileName, field: this.fieldName, mime_type: this.mimeType, size: this.size };
  }
}
