import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';

function statusOf(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.InsufficientCredits:
    case ErrorCode.RefundRefused:
    case ErrorCode.UserNotActive:
    case ErrorCode.SupportUserUnreachable:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ErrorCode.ValidationFailed:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.UserNotFound:
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.IdempotencyConflict:
      return HttpStatus.CONFLICT;
    case ErrorCode.RateLimited:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.BalanceInconsistency:
    case ErrorCode.StarsChargeNotGranted:
    case ErrorCode.StarsGrantWithoutCharge:
    case ErrorCode.StarsGrantToOtherUser:
    case ErrorCode.StarsGrantDiffers:
    case ErrorCode.StarsRefundNotApplied:
    case ErrorCode.StarsRefundWithoutTelegram:
    case ErrorCode.PaymentFailed:
    case ErrorCode.GenerationFailed:
      return HttpStatus.BAD_GATEWAY;
  }
}

/** Maps every error of the REST API to `{ statusCode, code, message }`; unknown errors are logged once. */
export class HttpExceptionHandler {
  private readonly logger = new Logger('HTTP');

  handle(error: unknown, response: Response): void {
    if (error instanceof DomainException) {
      const status = statusOf(error.code);
      response.status(status).json({ statusCode: status, code: error.code, message: error.message, ...error.details });
      return;
    }
    const clientError = error as { status?: unknown; expose?: unknown; message?: string };
    if (typeof clientError.status === 'number' && clientError.status >= 400 && clientError.status < 500 && clientError.expose === true) {
      // Errors of the body parser (too large, malformed JSON) are the client's, not ours.
      response.status(clientError.status).json({ statusCode: clientError.status, message: clientError.message });
      return;
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      const payload = typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body;
      response.status(error.getStatus()).json(payload);
      return;
    }
    this.logger.error(error instanceof Error ? error.stack ?? error.message : String(error));
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      message: 'Internal server error',
    });
  }
}
