import { randomBytes } from 'node:crypto';

/** Identifiers shaped like Telegram's: opaque, random, and unique within the stand-in. */
export class IdGenerator {
  private sequence = 0;

  /** Telegram Stars charge ids are long opaque strings starting with "stx". */
  chargeId(): string {
    return `stx${this.nextSequence()}${randomBytes(112).toString('base64url')}`;
  }

  /** Callback and pre-checkout query ids are large decimal numbers sent as strings. */
  queryId(): string {
    return (randomBytes(8).readBigUInt64BE() >> 1n).toString();
  }

  chatInstance(): string {
    return `-${(randomBytes(8).readBigUInt64BE() >> 1n).toString()}`;
  }

  fileId(kind: string): string {
    const prefix = kind === 'photo' ? 'AgACAgIAAxkDAAI' : 'BQACAgIAAxkDAAI';
    return `${prefix}${this.nextSequence()}${randomBytes(48).toString('base64url')}`;
  }

  fileUniqueId(): string {
    return `AQAD${randomBytes(12).toString('base64url')}`;
  }

  invoiceSlug(): string {
    return randomBytes(18).toString('base64url');
  }

  mediaGroupId(): string {
    return (randomBytes(8).readBigUInt64BE() >> 1n).toString();
  }

  private nextSequence(): string {
    this.sequence += 1;
    return this.sequence.toString(36);
  }
}
