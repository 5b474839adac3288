import { randomUUID } from 'node:crypto';
import { RequestValidationError } from './zod-validation.pipe';

/**
 * A caller's correlation id is stored with every event it causes and shown in
 * histories and evidence: short, printable, no spaces or markup. 128
 * characters hold any UUID, W3C trace id or ULID with a prefix.
 */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The `X-Correlation-Id` header's value, or a fresh UUID when the caller sent none. */
export function correlationIdFrom(header: string | readonly string[] | undefined): string {
  if (header === undefined) return randomUUID();
  const refuse = (message: string): never => {
    throw new RequestValidationError('header', [{ path: 'X-Correlation-Id', message }]);
  };
  if (typeof header !== 'string') return refuse('sent more than once: send one correlation id');
  const value = header.trim();
  if (value === '') return randomUUID();
  if (!CORRELATION_ID.test(value)) {
    const got = value.length > 128 ? `${value.length} characters` : JSON.stringify(value);
    refuse(`must be 1 to 128 of the characters A-Z a-z 0-9 . _ : - (got ${got})`);
  }
  return value;
}
