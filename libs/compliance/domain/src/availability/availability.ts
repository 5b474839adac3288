import type { BusinessCalendar, Duration, Instant } from '@sla/sla-clock';
import { atLeast, decimalRatio, truncatedDecimal, type Ratio } from './exact-ratio';

export type OutageInterval = {
  readonly outageId: string;
  readonly start: Instant;
  /** null while the outage is still open. */
  readonly end: Instant | null;
  readonly impact: 'full' | 'partial' | 'degraded';
  /** Share of the service lost in a partial outage, 0 < weight < 1. */
  readonly weight: number | null;
};

export type MaintenanceInterval = { readonly start: Instant; readonly end: Instant };

export type AvailabilityInput = {
  readonly from: Instant;
  readonly to: Instant;
  /** Measurement stops here: open outages count up to it, and so does the period if it has not ended. */
  readonly asOf: Instant;
  /** The service hours the agreement measures in. */
  readonly calendar: BusinessCalendar;
  readonly outages: readonly OutageInterval[];
  readonly maintenance: readonly MaintenanceInterval[];
  /** Target availability in percent (99.9); omitted when only measuring. */
  readonly targetPercentage?: number;
};

export type AvailabilityFigures = {
  readonly from: Instant;
  readonly to: Instant;
  /** Where the measurement ended (the period end, or asOf for a running period). */
  readonly measuredUntil: Instant;
  /** Service windows of the calendar in the period. */
  readonly agreedServiceTime: Duration;
  /** Outage time inside service windows, weighted, outside approved maintenance. */
  readonly downtime: Duration;
  /** Outage time that fell into approved maintenance and was not counted. */
  readonly excludedMaintenanceDowntime: Duration;
  /** Service-window time covered by approved maintenance. */
  readonly maintenanceTime: Duration;
  /** Exact: (agreed − downtime) / agreed, as a ratio and as percent truncated to 6 places. */
  readonly availability: Ratio | null;
  readonly availabilityPercent: string | null;
  readonly targetPercentage: number | null;
  readonly targetMet: boolean | null;
  /** Downtime the target still allows in the period; negative once exceeded. */
  readonly remainingDowntimeBudget: Duration | null;
  /** Outages (full or partial) that took service time in the period. */
  readonly failures: number;
  /** Mean wall-clock time to restore, over the failures that ended in the period. */
  readonly meanTimeToRestore: Duration | null;
  /** Uptime in service windows per failure. */
  readonly meanTimeBetweenFailures: Duration | null;
  /** Each counted outage with its share of the downtime. */
  readonly contributions: readonly {
    readonly outageId: string;
    readonly downtime: Duration;
    readonly excluded: Duration;
  }[];
};

// Weights are decimals; downtime is summed in millionths of a millisecond to stay exact.
const WEIGHT_SCALE = 1_000_000n;

const weightOf = (outage: OutageInterval): bigint =>
  outage.impact === 'full'
    ? WEIGHT_SCALE
    : outage.impact === 'partial'
      ? BigInt(Math.round((outage.weight ?? 0) * 1_000_000))
      : 0n;

/**
 * Availability of one service over [from, to) by the domain's rule: agreed
 * service time is the calendar's windows; downtime is the union of outage
 * intervals inside them, each instant counted once at the heaviest impact
 * then, minus approved maintenance.
 */
export function measureAvailability(input: AvailabilityInput): AvailabilityFigures {
  const { from, calendar } = input;
  const until = Math.max(from, Math.min(input.to, input.asOf));
  const clip = (start: Instant, end: Instant | null): [Instant, Instant] | null => {
    const clippedStart = Math.max(start, from);
    const clippedEnd = Math.min(end ?? until, until);
    return clippedEnd > clippedStart ? [clippedStart, clippedEnd] : null;
  };
  const outages = input.outages.flatMap((outage) => {
    const interval = clip(outage.start, outage.end);
    return interval && weightOf(outage) > 0n ? [{ outage, interval, weight: weightOf(outage) }] : [];
  });
  const maintenance = input.maintenance.flatMap((window) => {
    const interval = clip(window.start, window.end);
    return interval ? [interval] : [];
  });

  const boundaries = [
    ...new Set([from, until, ...outages.flatMap(({ interval }) => interval), ...maintenance.flat()]),
  ].sort((a, b) => a - b);
  let downtimeScaled = 0n;
  let excludedScaled = 0n;
  let maintenanceTime = 0;
  const perOutage = new Map<string, { downtime: bigint; excluded: bigint }>();
  for (let index = 0; index + 1 < boundaries.length; index += 1) {
    const [start, end] = [boundaries[index], boundaries[index + 1]];
    const serviceTime = calendar.businessDuration(start, end);
    if (serviceTime === 0) continue;
    const inMaintenance = maintenance.some(([windowStart, windowEnd]) => windowStart <= start && end <= windowEnd);
    if (inMaintenance) maintenanceTime += serviceTime;
    // Overlapping outages count once, at the heaviest impact of the moment.
    let heaviest: (typeof outages)[number] | undefined;
    for (const candidate of outages) {
      if (
        candidate.interval[0] <= start &&
        end <= candidate.interval[1] &&
        (!heaviest || candidate.weight > heaviest.weight)
      )
        heaviest = candidate;
    }
    if (!heaviest) continue;
    const weighted = heaviest.weight * BigInt(serviceTime);
    const entry = perOutage.get(heaviest.outage.outageId) ?? { downtime: 0n, excluded: 0n };
    if (inMaintenance) {
      excludedScaled += weighted;
      entry.excluded += weighted;
    } else {
      downtimeScaled += weighted;
      entry.downtime += weighted;
    }
    perOutage.set(heaviest.outage.outageId, entry);
  }

  const agreedServiceTime = calendar.businessDuration(from, until);
  const agreedScaled = BigInt(agreedServiceTime) * WEIGHT_SCALE;
  const availability =
    agreedServiceTime > 0 ? { numerator: agreedScaled - downtimeScaled, denominator: agreedScaled } : null;
  const targetPercent = input.targetPercentage === undefined ? null : decimalRatio(input.targetPercentage);
  // Divided by 100 as integers: 99.9 / 100 in floating point is 0.9990000000000001.
  const target = targetPercent
    ? { numerator: targetPercent.numerator, denominator: targetPercent.denominator * 100n }
    : null;
  const targetMet = availability && target ? atLeast(availability, target) : null;
  // Allowed downtime = agreed × (1 − target), exactly, in scaled units.
  const remainingScaled = target
    ? (agreedScaled * (target.denominator - target.numerator)) / target.denominator - downtimeScaled
    : null;

  const failures = outages.filter(({ outage }) => (perOutage.get(outage.outageId)?.downtime ?? 0n) > 0n);
  const restored = failures.filter(({ outage }) => outage.end !== null && outage.end <= until);
  const downtime = Number(downtimeScaled / WEIGHT_SCALE);
  return {
    from,
    to: input.to,
    measuredUntil: until,
    agreedServiceTime,
    downtime,
    excludedMaintenanceDowntime: Number(excludedScaled / WEIGHT_SCALE),
    maintenanceTime,
    availability,
    availabilityPercent: availability
      ? truncatedDecimal({ numerator: availability.numerator * 100n, denominator: availability.denominator }, 6)
      : null,
    targetPercentage: input.targetPercentage ?? null,
    targetMet,
    remainingDowntimeBudget: remainingScaled === null ? null : Number(remainingScaled / WEIGHT_SCALE),
    failures: failures.length,
    meanTimeToRestore:
      restored.length > 0
        ? restored.reduce((sum, { outage }) => sum + (outage.end! - outage.start), 0) / restored.length
        : null,
    meanTimeBetweenFailures: failures.length > 0 ? (agreedServiceTime - downtime) / failures.length : null,
    contributions: [...perOutage.entries()].map(([outageId, entry]) => ({
      outageId,
      downtime: Number(entry.downtime / WEIGHT_SCALE),
      excluded: Number(entry.excluded / WEIGHT_SCALE),
    })),
  };
}
