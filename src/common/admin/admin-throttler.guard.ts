import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AdminRequest } from './admin-auth.guard';

/** Throttles the REST API per operator token (the auth guard runs first and names the operator). */
@Injectable()
export class AdminThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return (request as unknown as AdminRequest).operator ?? 'anonymous';
  }

  /** One budget per token across every route, not one per route. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }
}
