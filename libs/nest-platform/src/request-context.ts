import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { EventMetadata } from '@sla/event-sourcing';
import { correlationIdFrom } from './correlation-id';
import { RequestValidationError } from './zod-validation.pipe';

/** What an actor named in `X-Actor` may look like: no spaces, no commas, nothing to confuse a reader of the history. */
export const ACTOR_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@:+-]{0,99}$/;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type IncomingRequest = {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  rawHeaders?: readonly string[];
  params?: Record<string, string>;
  principal?: { actor: string };
};

/**
 * Who acts when nobody is named: a webhook's sender cannot always set
 * headers, so its facts record the sender (a fixed name, or the path
 * parameter naming the configured source).
 */
export type UnnamedActor = { readonly actor: string } | { readonly pathParameter: string };

const headerIssue = (message: string) => new RequestValidationError('header', [{ path: 'X-Actor', message }]);

/**
 * The `X-Actor` header as sent, or undefined. Express joins a repeated
 * header into "a, b", which would pass any "someone else" check; the raw
 * headers tell the two apart, so both forms are refused.
 */
export function actorHeaderOf(request: IncomingRequest): string | undefined {
  const raw = request.rawHeaders ?? [];
  let count = 0;
  for (let index = 0; index < raw.length; index += 2) if (raw[index].toLowerCase() === 'x-actor') count += 1;
  const value = request.headers['x-actor'];
  if (count > 1 || Array.isArray(value)) throw headerIssue('sent more than once: name exactly one actor');
  if (value === undefined) return undefined;
  const actor = value.trim();
  if (actor.includes(',')) throw headerIssue('names more than one actor (contains a comma): name exactly one');
  if (!ACTOR_PATTERN.test(actor)) {
    throw headerIssue('1 to 100 characters: letters, digits and . _ @ : + - (starting with a letter or digit)');
  }
  return actor;
}

/**
 * Who is acting and under which correlation id, taken from the request: the
 * authenticated principal's actor; only with access control off (no API keys
 * configured, development) the `X-Actor` header. A write that names nobody
 * is refused: an event without an accountable actor is no evidence.
 */
export const RequestMetadata = createParamDecorator((unnamed: UnnamedActor | undefined, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<IncomingRequest>();
  const named = actorHeaderOf(request);
  const fallback = !unnamed ? undefined : 'actor' in unnamed ? unnamed.actor : request.params?.[unnamed.pathParameter];
  const actor = request.principal?.actor ?? named ?? fallback;
  if (actor === undefined && WRITE_METHODS.has(request.method.toUpperCase())) {
    throw headerIssue('required for every write while access control is off: who is acting');
  }
  const metadata: EventMetadata = {
    actor: actor ?? 'anonymous',
    correlationId: correlationIdFrom(request.headers['x-correlation-id']),
    source: 'api',
  };
  return metadata;
});
