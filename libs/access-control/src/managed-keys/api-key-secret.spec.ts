import fc from 'fast-check';
import { apiKeySha256, expiryFrom, generateApiKey, managedKeyId, matchesDigest } from './api-key-secret';

const now = new Date('2026-03-01T09:00:00Z');

describe('managed API key secrets', () => {
  it('given a generated key, then it carries its key id, a recognisable prefix and 256 random bits', () => {
    const generated = generateApiKey();
    expect(generated.key).toMatch(/^sla_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(managedKeyId(generated.key)).toBe(generated.keyId);
    expect(generated.keySha256).toBe(apiKeySha256(generated.key));
    expect(matchesDigest(generated.key, generated.keySha256)).toBe(true);
    // One character of the secret changed (not the last: base64url's last of 43 characters carries only 2 bits).
    const changed = generated.key.at(-5) === 'x' ? 'y' : 'x';
    const tampered = `${generated.key.slice(0, -5)}${changed}${generated.key.slice(-4)}`;
    expect(matchesDigest(tampered, generated.keySha256)).toBe(false);
    expect(generateApiKey().key).not.toBe(generated.key);
  });

  it('given anything but a managed key, then no key id is read from it', () => {
    fc.assert(fc.property(fc.string(), (text) => expect(managedKeyId(text)).toBeNull()));
    expect(managedKeyId('sla_0123456789ABCDEF_' + 'a'.repeat(43))).toBeNull();
  });

  it('reads an expiry as an instant, an ISO 8601 duration or a short duration', () => {
    expect(expiryFrom('2027-01-31T00:00:00+01:00', now).toISOString()).toBe('2027-01-30T23:00:00.000Z');
    expect(expiryFrom('P90D', now).toISOString()).toBe('2026-05-30T09:00:00.000Z');
    expect(expiryFrom('PT12H', now).toISOString()).toBe('2026-03-01T21:00:00.000Z');
    expect(expiryFrom('30m', now).toISOString()).toBe('2026-03-01T09:30:00.000Z');
  });

  it('given n days, hours or minutes, then the expiry lies exactly that long after now', () => {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom('d', 'h', 'm' as const), (count, short) => {
        expect(expiryFrom(`${count}${short}`, now).getTime() - now.getTime()).toBe(count * unit[short]);
      }),
    );
  });

  it('refuses an expiry in the past, a zero duration and anything else, saying why', () => {
    expect(() => expiryFrom('2026-02-28T00:00:00Z', now)).toThrow(/is not in the future \(now: 2026-03-01T09:00/);
    expect(() => expiryFrom('0d', now)).toThrow(/not in the future/);
    expect(() => expiryFrom('P', now)).toThrow(/is not an ISO 8601 duration/);
    expect(() => expiryFrom('next week', now)).toThrow(/neither an instant with offset .* nor a duration/);
    expect(() => expiryFrom('2027-01-31', now)).toThrow(/neither an instant with offset/);
  });
});
