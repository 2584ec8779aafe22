import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AdminAuthGuard } from './admin-auth.guard';
import { AdminThrottlerGuard } from './admin-throttler.guard';

/** A controller of the internal REST API: under /api/v1, bearer-authenticated, throttled per token. */
export function AdminController(path: string, tag: string): ClassDecorator {
  return applyDecorators(
    Controller(`api/v1/${path}`),
    UseGuards(AdminAuthGuard, AdminThrottlerGuard),
    ApiBearerAuth(),
    ApiTags(tag),
  );
}
