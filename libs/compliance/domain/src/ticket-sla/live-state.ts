import type { BusinessCalendar, Instant } from '@sla/sla-clock';
import type { TicketSlaState } from './ticket-sla';

export type StoredClock = {
  readonly state: TicketSlaState;
  readonly targetMs: number | null;
  readonly elapsedMs: number;
  readonly dueAt: Instant | null;
  readonly breachAt: Instant | null;
  readonly atRiskAt: Instant | null;
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
  if (clock.state !== 'running' || clock.dueAt === null || clock.targetMs === null || !calendar) {
    return { state: clock.state, elapsedMs: clock.elapsedMs, remainingMs: clock.targetMs === null ? null : clock.targetMs - clock.elapsedMs };
  }
  const remainingMs = now <= clock.dueAt ? calendar.businessDuration(now, clock.dueAt) : -calendar.businessDuration(clock.dueAt, now);
  const elapsedMs = Math.max(clock.elapsedMs, clock.targetMs - remainingMs);
  const state = clock.breachAt !== null && now >= clock.breachAt ? 'breached' : clock.atRiskAt !== null && now >= clock.atRiskAt ? 'at-risk' : 'running';
  return { state, elapsedMs, remainingMs };
}
