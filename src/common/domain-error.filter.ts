import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, type ErrorCode } from './domain-error.js';

const HTTP_STATUS: Record<ErrorCode, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, CONFLICT: 409, RATE_LIMITED: 429 };

/**
 * Domain errors are answers, not failures: hand them to GraphQL as they are, without Nest's
 * "unhandled exception" log line and stack trace for each one.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType() !== 'http') return error;
    // Plain HTTP routes (health, calendar, application service) answer with a status and JSON.
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const retryAfter = error.extensions.retryAfter;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(HTTP_STATUS[error.code]).send({ error: error.code, message: error.message, ...(typeof retryAfter === 'number' ? { retryAfter } : {}) });
  }
}
