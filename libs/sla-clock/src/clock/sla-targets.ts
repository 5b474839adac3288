import type { Duration } from '../calendar/business-calendar';

export type Priority = 'P1' | 'P2' | 'P3' | 'P4';
export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];

/**
 * A target's size. Business hours and minutes are measured inside the
 * calendar's service windows; working days mean "the same local clock time
 * N working days later" and are a different unit, not 8 or 24 hours.
 */
export type TargetDuration =
  | { readonly unit: 'business-minutes'; readonly amount: number }
  | { readonly unit: 'business-hours'; readonly amount: number }
  | { readonly unit: 'working-days'; readonly amount: number };

export type MetricTarget = {
  readonly duration: TargetDuration;
  /** Id of the calendar the target is measured in (P1 is often 24x7, P3 business hours). */
  readonly calendarId: string;
  /** Fractions of the target at which the clock is at risk; default [0.75]. */
  readonly atRiskFractions?: readonly number[];
};

export type PriorityTargets = { readonly response: MetricTarget; readonly resolution: MetricTarget };

/** An agreement's targets per priority, as in force when the ticket opened. */
export type TargetTable = Readonly<Record<Priority, PriorityTargets>>;

export const DEFAULT_AT_RISK_FRACTIONS: readonly number[] = [0.75];

export function fixedLength(duration: TargetDuration): Duration | undefined {
  switch (duration.unit) {
    case 'business-minutes':
      return duration.amount * 60_000;
    case 'business-hours':
      return duration.amount * 3_600_000;
    case 'working-days':
      return undefined;
  }
}

/**
 * Reference targets from the process documents, shipped as a starting
 * template: P1 respond 30 min / resolve 2 h (24x7); P2 4 h / 12 h;
 * P3 24 h / 5 working days; P4 5 / 10 working days (business hours).
 */
export function referenceTargetTable(calendars: { roundTheClock: string; businessHours: string }): TargetTable {
  const target = (duration: TargetDuration, calendarId: string): MetricTarget => ({ duration, calendarId });
  return {
    P1: {
      response: target({ unit: 'business-minutes', amount: 30 }, calendars.roundTheClock),
      resolution: target({ unit: 'business-hours', amount: 2 }, calendars.roundTheClock),
    },
    P2: {
      response: target({ unit: 'business-hours', amount: 4 }, calendars.businessHours),
      resolution: target({ unit: 'business-hours', amount: 12 }, calendars.businessHours),
    },
    P3: {
      response: target({ unit: 'business-hours', amount: 24 }, calendars.businessHours),
      resolution: target({ unit: 'working-days', amount: 5 }, calendars.businessHours),
    },
    P4: {
      response: target({ unit: 'working-days', amount: 5 }, calendars.businessHours),
      resolution: target({ unit: 'working-days', amount: 10 }, calendars.businessHours),
    },
  };
}
