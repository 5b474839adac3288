import {
  BadRequestException,
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import {
  DomainError,
  EventSchemaViolationError,
  EventStoreUnavailableError,
  PartialDuplicateError,
  UnknownEventTypeError,
  WrongExpectedRevisionError,
} from '@sla/event-sourcing';
import { RequestValidationError } from './zod-validation.pipe';

type ErrorBody = {
  error: { code: string; message: string; issues?: readonly { path: string; message: string }[]; details?: unknown };
};

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

const DOMAIN_STATUS: Record<DomainError['kind'], number> = { conflict: 409, not_found: 404, rule_violated: 422 };

/** Seconds a client should wait before retrying while a store is unreachable. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Socket errors and PostgreSQL codes that mean the database cannot be
 * reached right now (down, restarting, shutting down, full): nothing is
 * wrong with the request, so 503 rather than 500. Class 08 is connection exceptions.
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '53300', // too_many_connections
]);
const UNREACHABLE_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect/i;

/** The error, or one of its causes, says a store is unreachable. */
export function isStoreUnreachable(exception: unknown): boolean {
  let current = exception as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    if (current instanceof EventStoreUnavailableError) return true;
    const code = current.code;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof current.message === 'string' && UNREACHABLE_MESSAGES.test(current.message)) return true;
    current = current.cause as typeof current;
  }
  return false;
}

/** One place that turns every failure into a stable JSON error with a status. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{
      status(code: number): { json(body: unknown): void };
      setHeader(name: string, value: string): void;
    }>();
    const [status, body] = this.describe(exception);
    if (status === 503) {
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      this.logger.warn(`store unreachable: ${exception instanceof Error ? exception.message : String(exception)}`);
    } else if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(status).json(body);
  }

  private describe(exception: unknown): [number, ErrorBody] {
    if (exception instanceof RequestValidationError) {
      return [400, { error: { code: exception.code, message: exception.message, issues: exception.issues } }];
    }
    if (exception instanceof EventSchemaViolationError) {
      return [400, { error: { code: exception.code, message: exception.message, issues: exception.issues } }];
    }
    if (exception instanceof UnknownEventTypeError) {
      return [400, { error: { code: exception.code, message: exception.message } }];
    }
    if (exception instanceof DomainError) {
      // What a refusal is about, for a client to act on (which fields of a delivery differ, the gaps to accept).
      const details = (exception as { details?: unknown }).details;
      const error = { code: exception.code, message: exception.message, ...(details === undefined ? {} : { details }) };
      return [DOMAIN_STATUS[exception.kind], { error }];
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return [
        409,
        {
          error: {
            code: 'CONCURRENT_MODIFICATION',
            message: `${exception.message}: it was changed concurrently, reload and retry`,
            details: {
              stream: exception.streamName,
              expected: String(exception.expected),
              actual: String(exception.actual),
            },
          },
        },
      ];
    }
    if (exception instanceof PartialDuplicateError) {
      return [409, { error: { code: exception.code, message: exception.message } }];
    }
    if (exception instanceof EventStoreUnavailableError) {
      return [503, { error: { code: exception.code, message: exception.message } }];
    }
    if (isStoreUnreachable(exception)) {
      const message = `a data store is unreachable (${(exception as Error).message}): retry later`;
      return [503, { error: { code: 'STORE_UNAVAILABLE', message } }];
    }
    if (exception instanceof BadRequestException && /JSON/.test(exception.message)) {
      // Nest turns the body parser's SyntaxError into a bare BadRequestException before any handler runs.
      return [
        400,
        { error: { code: 'MALFORMED_JSON', message: `the request body is not valid JSON: ${exception.message}` } },
      ];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return [
        status,
        {
          error: {
            code: HTTP_CODES[status] ?? `HTTP_${status}`,
            message: Array.isArray(message) ? message.join('; ') : String(message),
          },
        },
      ];
    }
    const bodyParserStatus = (exception as { status?: unknown; type?: unknown })?.status;
    if (typeof bodyParserStatus === 'number' && bodyParserStatus >= 400 && bodyParserStatus < 500) {
      // Raised by the body parser before any handler ran, e.g. malformed JSON.
      const code = bodyParserStatus === 413 ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_REQUEST';
      return [bodyParserStatus, { error: { code, message: (exception as Error).message } }];
    }
    return [500, { error: { code: 'INTERNAL_ERROR', message: 'internal error: see the server log' } }];
  }
}
