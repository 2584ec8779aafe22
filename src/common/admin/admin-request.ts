import { ExecutionContext, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { Request, Response } from 'express';
import { AppConfig } from 'src/config/app-config';
import { AuthFailures } from './auth-failures';

/** What an admin-port guard needs from a request: who sent it, and the bearer token it shows. */
export interface PresentedCredentials {
  address: string;
  /** The token after `Bearer ` (any case), if the header has one. */
  token: string | undefined;
}

/**
 * The checks every guard of the admin surface makes first: the request came to ADMIN_PORT (404
 * on the public port when the two differ), and its address is not refused for failing too often
 * (429 with Retry-After). Then the bearer token it presents, for the guard to judge.
 */
export function admitToAdminPort(context: ExecutionContext, config: AppConfig, failures: AuthFailures): PresentedCredentials {
  const request = context.switchToHttp().getRequest<Request>();
  const { port, adminPort } = config.http;
  if (port !== adminPort && request.socket.localPort !== adminPort) throw new NotFoundException();
  const address = request.socket.remoteAddress ?? 'unknown';
  const wait = failures.retryAfter(address);
  if (wait > 0) {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(wait));
    throw new HttpException({ statusCode: 429, message: 'Too many failed authentications from this address; try again later' }, HttpStatus.TOO_MANY_REQUESTS);
  }
  return { address, token: /^bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] };
}
