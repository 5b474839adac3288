import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { instantSchema } from '@sla/event-sourcing';

/**
 * A managed key reads `sla_<key id>_<secret>`: the prefix makes a leaked key recognisable (secret scanners, logs),
 * the key id names the key's stream so the verifier reads one stream, and the secret is 32 random bytes (256 bits,
 * base64url). Such a secret cannot be guessed, so a plain SHA-256 is the right hash (a slow password hash only helps
 * against low-entropy secrets chosen by people).
 */
const MANAGED_KEY = /^sla_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$/;

export type GeneratedApiKey = { readonly keyId: string; readonly key: string; readonly keySha256: string };

export const apiKeySha256 = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export function generateApiKey(): GeneratedApiKey {
  const keyId = randomBytes(8).toString('hex');
  const key = `sla_${keyId}_${randomBytes(32).toString('base64url')}`;
  return { keyId, key, keySha256: apiKeySha256(key) };
}

/** The key id of a presented managed key; null for anything else (another verifier's credential). */
export function managedKeyId(credential: string): string | null {
  return MANAGED_KEY.exec(credential)?.[1] ?? null;
}

/** Whether the presented key hashes to the stored digest, compared in constant time. */
export function matchesDigest(credential: string, keySha256: string): boolean {
  return timingSafeEqual(Buffer.from(apiKeySha256(credential), 'hex'), Buffer.from(keySha256, 'hex'));
}

const SHORT_DURATION = /^(\d+)([dhm])$/;
const SHORT_UNITS = { d: 'days', h: 'hours', m: 'minutes' } as const;

/**
 * When a key created at `now` expires: an instant with its offset (`2027-01-31T00:00:00Z`), an ISO 8601 duration
 * (`P90D`, `PT12H`) or a short one (`90d`, `12h`, `30m`). Throws an Error saying what is wrong: not one of these,
 * or not after `now`.
 */
export function expiryFrom(text: string, now: Date): Date {
  const value = text.trim();
  const start = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO('UTC');
  let expiry: Date;
  if (instantSchema.safeParse(value).success) {
    expiry = new Date(value);
  } else if (SHORT_DURATION.test(value) || /^P/i.test(value)) {
    const short = SHORT_DURATION.exec(value);
    let duration: Temporal.Duration;
    try {
      duration = short
        ? Temporal.Duration.from({ [SHORT_UNITS[short[2] as keyof typeof SHORT_UNITS]]: Number(short[1]) })
        : Temporal.Duration.from(value.toUpperCase());
    } catch {
      throw new Error(`${JSON.stringify(text)} is not an ISO 8601 duration (P90D, PT12H)`);
    }
    expiry = new Date(start.add(duration).epochMilliseconds);
  } else {
    throw new Error(
      `${JSON.stringify(text)} is neither an instant with offset (2027-01-31T00:00:00Z) nor a duration (P90D, 90d, 12h)`,
    );
  }
  if (expiry.getTime() <= now.getTime())
    throw new Error(`${JSON.stringify(text)} is not in the future (now: ${now.toISOString()})`);
  return expiry;
}
