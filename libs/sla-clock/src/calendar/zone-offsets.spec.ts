import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { ZoneOffsets } from './zone-offsets';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Zones with DST in either hemisphere, a half-hour shift, a 30-minute offset, none at all, and a date-line jump.
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'UTC',
  'Pacific/Apia',
  'America/Sao_Paulo',
  'Europe/Dublin',
];
const FROM = Date.parse('1970-01-01T00:00:00Z');
const TO = Date.parse('2060-01-01T00:00:00Z');

const temporalInstant = (local: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(local).toZonedDateTimeISO('UTC').toPlainDateTime().toZonedDateTime(zone)
    .epochMilliseconds;
const temporalLocal = (instant: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone).toPlainDateTime().toZonedDateTime('UTC')
    .epochMilliseconds;

describe('ZoneOffsets', () => {
  const prepared = new Map(ZONES.map((zone) => [zone, new ZoneOffsets(zone)]));
  for (const offsets of prepared.values()) offsets.prepare(FROM, TO);
  // Local times in the hours around a transition are the hard cases: skipped or repeated.
  const aZone = fc.constantFrom(...ZONES);
  const anInstant = fc.integer({ min: FROM, max: TO });
  const nearTransition = fc
    .record({ zone: aZone, instant: anInstant, shift: fc.integer({ min: -3 * HOUR, max: 3 * HOUR }) })
    .map(({ zone, instant, shift }) => {
      const zoned = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone);
      const next = zoned.getTimeZoneTransition('next');
      return { zone, local: (next ? temporalLocal(next.epochMilliseconds, zone) : instant) + shift };
    });

  it('converts local times to instants as Temporal does, skipped and repeated hours included', () => {
    fc.assert(
      fc.property(fc.oneof(nearTransition, fc.record({ zone: aZone, local: anInstant })), ({ zone, local }) => {
        expect(prepared.get(zone)!.toInstant(local)).toBe(temporalInstant(local, zone));
        expect(new ZoneOffsets(zone).toInstant(local)).toBe(temporalInstant(local, zone));
      }),
      { numRuns: 2_000 },
    );
  });

  it('converts instants to local times as Temporal does', () => {
    fc.assert(
      fc.property(aZone, anInstant, (zone, instant) => {
        expect(prepared.get(zone)!.toLocal(instant)).toBe(temporalLocal(instant, zone));
      }),
      { numRuns: 2_000 },
    );
  });

  it('stays exact when ranges are prepared piecemeal, far apart and backwards', () => {
    const offsets = new ZoneOffsets('Europe/Berlin');
    offsets.prepare(Date.parse('2040-01-01T00:00:00Z'), Date.parse('2040-02-01T00:00:00Z'));
    offsets.prepare(Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-12-01T00:00:00Z'));
    offsets.prepare(Date.parse('2025-06-01T00:00:00Z'), Date.parse('2027-06-01T00:00:00Z'));
    const end = Date.parse('2041-01-01T00:00:00Z');
    for (let local = Date.parse('2025-01-01T00:00:00Z'); local < end; local += 7 * DAY + 1_800_000) {
      expect(offsets.toInstant(local)).toBe(temporalInstant(local, 'Europe/Berlin'));
    }
  });
});
