import type { BusinessCalendar, Instant } from '@sla/sla-clock';
import type { TicketSlaState } from './ticket-sla';

export type StoredClock = {
  readonly state: TicketSlaState;
  readonly targetMs: number | null;
  readonly elapsedMs: number;
  readonly dueAt: Instant | null;
  readonly breachAt: Instant | null;
  readonly atRiskAt: Instant | null;
  /** The instant `elapsedMs` was measured at (the ticket's latest fact). */
  readonly evaluatedAt?: Instant;
};

export type LiveClock = {
  readonly state: TicketSlaState | 'at-risk';
  readonly elapsedMs: number;
  readonly remainingMs: number | null;
};

/**
 * A stored clock seen at `now`: the read model holds the clock as of the
 * ticket's latest fact; a running clock keeps running in business time until
 * a fact stops it, so its state and remaining time are read off the calendar
 * at the moment of the query (no events are replayed).
 */
export function liveClock(clock: StoredClock, now: Instant, calendar: BusinessCalendar | undefined): LiveClock {
  if (
    clock.state === 'running' &&
    clock.dueAt === null &&
    clock.targetMs !== null &&
    calendar &&
    clock.evaluatedAt !== undefined
  ) {
    // A clock that can never reach its target (the calendar's service ends first) still counts the service time left.
    const elapsedMs =
      clock.elapsedMs + (now > clock.evaluatedAt ? calendar.businessDuration(clock.evaluatedAt, now) : 0);
    return { state: 'running', elapsedMs, remainingMs: clock.targetMs - elapsedMs };
  }
  if (clock.state !== 'running' || clock.dueAt === null || clock.targetMs === null || !calendar) {
    return {
      state: clock.state,
      elapsedMs: clock.elapsedMs,
      remainingMs: clock.targetMs === null ? null : clock.targetMs - clock.elapsedMs,
    };
  }
  const remainingMs =
    now <= clock.dueAt ? calendar.businessDuration(now, clock.dueAt) : -calendar.businessDuration(clock.dueAt, now);
  const elapsedMs = Math.max(clock.elapsedMs, clock.targetMs - remainingMs);
  const state =
    clock.breachAt !== null && now >= clock.breachAt
      ? 'breached'
      : clock.atRiskAt !== null && now >= clock.atRiskAt
        ? 'at-risk'
        : 'running';
  return { state, elapsedMs, remainingMs };
}

/** What the SLA watch has recorded about one clock and not corrected since. */
export type ClockDetections = {
  /** The breach instant of the breach on record; null when none is (or it was retracted). */
  readonly breachedAt: Instant | null;
  readonly atRiskRecorded: boolean;
};

export type RecordedClock = {
  readonly state: TicketSlaState | 'at-risk';
  readonly breachedAt: Instant | null;
};

/**
 * A clock's recorded state: the ticket's facts, then the SLA watch's findings about it.
 * Findings apply only to a clock the ticket's facts have not stopped (running or paused),
 * as in the period figures: a stopped clock is met or breached by its facts, and a breach
 * on record that they contradict is corrected by the watch beside the breach.
 */
export function recordedClock(evaluated: RecordedClock, detections: ClockDetections): RecordedClock {
  if (evaluated.state !== 'running' && evaluated.state !== 'paused') return evaluated;
  if (detections.breachedAt !== null) return { state: 'breached', breachedAt: detections.breachedAt };
  if (evaluated.state === 'running' && detections.atRiskRecorded) return { state: 'at-risk', breachedAt: null };
  return evaluated;
}
