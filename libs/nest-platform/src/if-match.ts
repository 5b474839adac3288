import { BadRequestException } from '@nestjs/common';

/**
 * Optimistic concurrency over HTTP: `If-Match: "<stream revision>"` (the
 * ETag a GET returned). Absent means "no expectation".
 */
export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(-?\d+)"?$/.exec(header.trim());
  if (!match) throw new BadRequestException(`If-Match must be a revision such as "3" (got ${header})`);
  return BigInt(match[1]);
}
