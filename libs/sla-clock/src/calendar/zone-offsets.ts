import { Temporal } from 'temporal-polyfill';

const DAY = 86_400_000;
/** Offsets never exceed a day, so a local time's instant lies within this margin of it. */
const MARGIN = 3 * DAY;
/** A segment of offsets is stretched over a gap up to this long instead of starting a second one. */
const JOIN_GAP = 400 * DAY;

/** The zone's offset history over [from, to): the offset at `from`, then each transition. */
type Segment = { from: number; to: number; initialOffset: number; transitions: number[]; offsets: number[] };

/**
 * Local time <-> instant conversion for one IANA zone without a Temporal call
 * per conversion. Temporal supplies the zone's transitions once per range
 * (a couple a year); between them the offset is a constant, so a conversion
 * is a binary search. Results equal Temporal's, including its `compatible`
 * rule for local times that are skipped (moved forward) or repeated (earlier).
 * Outside the ranges prepared with `prepare` every conversion asks Temporal.
 *
 * Local times are "local epoch milliseconds": the local wall-clock reading
 * taken as if it were UTC.
 */
export class ZoneOffsets {
  private static readonly shared = new Map<string, ZoneOffsets>();
  private readonly segments: Segment[] = [];

  constructor(readonly timeZone: string) {}

  /** One table per zone for the whole process: offsets are facts, and calendars are built per request. */
  static of(timeZone: string): ZoneOffsets {
    let offsets = ZoneOffsets.shared.get(timeZone);
    if (!offsets) {
      offsets = new ZoneOffsets(timeZone);
      ZoneOffsets.shared.set(timeZone, offsets);
    }
    return offsets;
  }

  /** Makes conversions of instants in [from, to) (and local times near them) fast. */
  prepare(from: number, to: number): void {
    const start = from - MARGIN;
    const end = to + MARGIN;
    for (const segment of this.segments) {
      if (segment.from <= start && segment.to >= end) return;
    }
    const near = this.segments.find((segment) => segment.from - JOIN_GAP <= end && segment.to + JOIN_GAP >= start);
    if (!near) {
      this.segments.push(this.scan(start, end));
      return;
    }
    if (start < near.from) {
      const before = this.scan(start, near.from);
      near.transitions = [...before.transitions, ...near.transitions];
      near.offsets = [...before.offsets, ...near.offsets];
      near.initialOffset = before.initialOffset;
      near.from = start;
    }
    if (end > near.to) {
      const after = this.scan(near.to, end);
      near.transitions.push(...after.transitions);
      near.offsets.push(...after.offsets);
      near.to = after.to;
    }
  }

  /** The local wall-clock reading at an instant, as local epoch milliseconds. */
  toLocal(instant: number): number {
    const segment = this.segmentCovering(instant, instant);
    if (!segment) return instant + offsetNanoseconds(instant, this.timeZone) / 1e6;
    return instant + offsetIn(segment, instant);
  }

  /** The instant of a local wall-clock reading, disambiguated as Temporal's `compatible` does. */
  toInstant(local: number): number {
    const segment = this.segmentCovering(local - MARGIN, local + MARGIN);
    if (segment) {
      const first = firstGreater(segment.transitions, local - 2 * DAY);
      const last = firstGreater(segment.transitions, local + 2 * DAY);
      // Two transitions within two days of each other are too close for the rule below: ask Temporal.
      if (last - first <= 1) {
        const before = offsetIn(segment, local - DAY);
        const after = offsetIn(segment, local + DAY);
        if (before === after) return local - before;
        const earlier = local - Math.max(before, after);
        const later = local - Math.min(before, after);
        const earlierValid = offsetIn(segment, earlier) === local - earlier;
        const laterValid = offsetIn(segment, later) === local - later;
        // Repeated local time: the earlier instant; a unique one: that one.
        if (earlierValid) return earlier;
        if (laterValid) return later;
        // Skipped local time: moved forward by the length of the gap.
        return local - before;
      }
    }
    return Temporal.Instant.fromEpochMilliseconds(local)
      .toZonedDateTimeISO('UTC')
      .toPlainDateTime()
      .toZonedDateTime(this.timeZone).epochMilliseconds;
  }

  private segmentCovering(from: number, to: number): Segment | undefined {
    for (const segment of this.segments) {
      if (segment.from <= from && segment.to >= to) return segment;
    }
    return undefined;
  }

  private scan(from: number, to: number): Segment {
    const transitions: number[] = [];
    const offsets: number[] = [];
    let zoned: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(
      this.timeZone,
    );
    const initialOffset = zoned.offsetNanoseconds / 1e6;
    let end = to;
    for (;;) {
      zoned = zoned.getTimeZoneTransition('next');
      if (zoned === null) {
        // No transition ever again: the last offset holds for good.
        end = Infinity;
        break;
      }
      if (zoned.epochMilliseconds >= to) break;
      transitions.push(zoned.epochMilliseconds);
      offsets.push(zoned.offsetNanoseconds / 1e6);
    }
    return { from, to: end, initialOffset, transitions, offsets };
  }
}

function offsetIn(segment: Segment, instant: number): number {
  const index = firstGreater(segment.transitions, instant) - 1;
  return index < 0 ? segment.initialOffset : segment.offsets[index];
}

function offsetNanoseconds(instant: number, timeZone: string): number {
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone).offsetNanoseconds;
}

/** Index of the first element greater than `value` in an ascending array (its length if none). */
export function firstGreater(values: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] > value) high = middle;
    else low = middle + 1;
  }
  return low;
}
