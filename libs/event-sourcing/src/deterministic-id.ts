import { createHash } from 'node:crypto';

/**
 * A UUID derived from a name (SHA-256, shaped as a version-5 UUID). The same
 * name always gives the same event id, so a retried step that appends "the
 * same fact" is stored once (the store's idempotency does the rest).
 */
export function deterministicUuid(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
