import { ErrorCode } from './error-code';

/**
 * An expected failure of the domain, with a stable code. Transports map the code to an HTTP
 * status or a chat message; the message here is for operators and logs, never shown to users.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}
