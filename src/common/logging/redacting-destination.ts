import { DestinationStream } from 'pino';
import { redactSecrets } from 'src/config/secrets';

interface LineSink {
  write(line: string): unknown;
}

/** pino-pretty in this thread, when it is installed (it is a development dependency); else plain JSON. */
function prettySink(): LineSink | undefined {
  try {
    const pretty = require('pino-pretty') as (options: Record<string, unknown>) => LineSink;
    return pretty({ singleLine: true, destination: 1, sync: true });
  } catch {
    return undefined;
  }
}

/**
 * Where every log line goes: the finished line, whatever logged it, has each configured secret
 * (token, key, password) replaced before it reaches stdout. Redacting the finished text rather
 * than the objects handed to the logger leaves pino's serializers their raw input (a request,
 * a response, an error) and cannot trip on objects that do not serialise. A line that still
 * fails to be written is dropped: logging never takes the process down.
 */
export function redactingDestination(format: 'json' | 'pretty', sink?: LineSink): DestinationStream {
  const out: LineSink = sink ?? (format === 'pretty' ? prettySink() : undefined) ?? process.stdout;
  return {
    write(line: string): void {
      try {
        out.write(redactSecrets(line));
      } catch {
        // Nowhere left to report it.
      }
    },
  };
}
