import type { NextFunction, Request, Response } from 'express';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header or an Origin's authority, without the port, lower-cased. */
function hostName(authority: string): string {
  const name = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.split(':')[0];
  return name.toLowerCase();
}

function originAuthority(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * For servers meant for this machine's own browser: refuses a Host that is not a loopback
 * name or one of `alsoAllowed` (a web page on a rebound DNS name would otherwise reach them),
 * and any request whose Origin is another site (no cross-origin page may drive them; nothing
 * here answers with CORS headers either).
 */
export function localHostsOnly(alsoAllowed: string[] = []): (request: Request, response: Response, next: NextFunction) => void {
  const allowed = new Set([...LOOPBACK_NAMES, ...alsoAllowed.map((a) => (a.includes(':') && !a.startsWith('[') ? `[${a}]` : a).toLowerCase())]);
  return (request, response, next) => {
    const host = request.headers.host ?? '';
    if (!allowed.has(hostName(host))) {
      response.status(403).json({ ok: false, error: `Host "${host.slice(0, 100)}" is not served here: use http://localhost` });
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && originAuthority(origin) !== host.toLowerCase()) {
      response.status(403).json({ ok: false, error: 'Cross-origin requests are not served here' });
      return;
    }
    next();
  };
}
