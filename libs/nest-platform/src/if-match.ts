import { RequestValidationError } from './zod-validation.pipe';

/** An entity tag as RFC 9110 writes it, with our ETags' content: a stream revision. */
const REVISION_TAG = /^(?:W\/)?"(\d{1,19})"$/;

/**
 * Optimistic concurrency over HTTP: `If-Match: "<stream revision>"` (the
 * ETag a GET returned, weak form allowed), or `*`. Absent or `*` means "no
 * expectation". Anything else is refused rather than guessed at: a bare `1`
 * or an unclosed `"1` is a client bug, and ignoring it would store a write
 * its sender meant to guard.
 */
export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return undefined;
  const match = REVISION_TAG.exec(value);
  if (!match) {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    const message = `must be an entity tag such as "3" (the ETag a GET returned) or *, got ${JSON.stringify(shown)}`;
    throw new RequestValidationError('header', [{ path: 'If-Match', message }]);
  }
  return BigInt(match[1]);
}
