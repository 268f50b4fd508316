import { Catch, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from './domain-error.js';

/**
 * Domain errors are answers, not failures: hand them to GraphQL as they are, without Nest's
 * "unhandled exception" log line and stack trace for each one.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError): DomainError {
    return error;
  }
}
