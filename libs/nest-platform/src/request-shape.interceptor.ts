import {
  Injectable,
  UnsupportedMediaTypeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import { RequestValidationError } from './zod-validation.pipe';

type IncomingRequest = {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  query?: unknown;
  params?: unknown;
};

/**
 * Exactly the media type Nest's JSON body parser reads (its default `type`,
 * `application/json`, parameters such as charset allowed). A `+json` type
 * such as `application/merge-patch+json` is left unparsed by it, so
 * accepting one here would judge an empty body.
 */
const JSON_MEDIA_TYPE = /^\s*application\/json\s*(;|$)/i;

/** Where the first U+0000 sits in a parsed value, as a dotted path ('' = the value itself). */
export function pathOfNulCharacter(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return childPath;
    const found = pathOfNulCharacter(child, childPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Checks that hold for every endpoint before any handler runs: a body comes
 * as application/json (Express would also parse form bodies, which no
 * endpoint documents), and no text anywhere holds U+0000, which PostgreSQL cannot
 * store in text or jsonb: refused here with its path instead of failing in
 * the database.
 */
@Injectable()
export class RequestShapeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<IncomingRequest>();
    const length = Number(request.headers['content-length'] ?? 0);
    const hasBody = length > 0 || request.headers['transfer-encoding'] !== undefined;
    const contentType = String(request.headers['content-type'] ?? '');
    if (hasBody && !JSON_MEDIA_TYPE.test(contentType)) {
      const got = contentType || 'no content-type';
      throw new UnsupportedMediaTypeException(`send the body as application/json, the only type read (got ${got})`);
    }
    for (const location of ['body', 'query', 'path'] as const) {
      const value = location === 'path' ? request.params : request[location];
      const path = pathOfNulCharacter(value);
      if (path !== undefined)
        throw new RequestValidationError(location, [
          { path, message: 'contains the character U+0000, which cannot be stored' },
        ]);
    }
    return next.handle();
  }
}
