import { z } from 'zod';

/**
 * A whole number from 1 to `max` in a path or query string, written plainly
 * in digits: no sign, fraction, exponent, hex or leading zero, so `1.5`,
 * `1e3` and ` 2` are refused rather than read as something the caller may
 * not have meant, and a number too large to be exact never reaches a lookup.
 */
export function positiveIntegerParameter(max: number) {
  return z
    .string()
    .regex(/^[1-9][0-9]*$/, 'expected a whole number from 1, written in digits')
    .transform(Number)
    .pipe(z.number().max(max, `expected at most ${max}`));
}

/** Agreement versions and report revisions: numbered from 1, far fewer than a million. */
export const versionParameter = positiveIntegerParameter(1_000_000);
