import type { Duration, Instant } from '../calendar/business-calendar';
import type { Priority, TargetDuration } from './sla-targets';
import {
  countedStretches,
  evaluateTicketClocks,
  sortFacts,
  type Metric,
  type MetricEvaluation,
  type TicketClockInput,
} from './ticket-clock';

/** Why a clock stopped: the fact that stopped it. */
export type StopReason = 'responded' | 'resolved' | 'closed';

/**
 * One thing that happened to a clock, in time order, with the business-time arithmetic behind it: `total` is the
 * business time counted up to that instant.
 */
export type ClockStep =
  | {
      readonly kind: 'started';
      readonly at: Instant;
      readonly priority: Priority;
      readonly target: TargetDuration;
      readonly budget: Duration | null;
      readonly calendarId: string;
    }
  | {
      readonly kind: 'counted';
      readonly from: Instant;
      readonly to: Instant;
      readonly counted: Duration;
      readonly total: Duration;
      readonly calendarId: string;
      readonly running: boolean;
    }
  | {
      readonly kind: 'paused';
      readonly from: Instant;
      /** Null: still paused at the evaluation instant. */
      readonly to: Instant | null;
      /** Wall-clock length of the pause (to the evaluation instant while it lasts). */
      readonly length: Duration;
      readonly total: Duration;
    }
  | {
      readonly kind: 'retargeted';
      readonly at: Instant;
      readonly from: Priority;
      readonly to: Priority;
      readonly target: TargetDuration;
      readonly budget: Duration | null;
      readonly total: Duration;
    }
  | {
      readonly kind: 'breached';
      readonly at: Instant;
      /** The target whose budget was exceeded. */
      readonly priority: Priority;
      readonly budget: Duration;
      /** Set when a stricter target, from this later instant on, showed the time already past its budget. */
      readonly revealedAt: Instant | null;
    }
  | { readonly kind: 'at-risk'; readonly at: Instant; readonly fraction: number; readonly total: Duration }
  /** A running clock's target instant still ahead: when its budget runs out if nothing stops it. */
  | { readonly kind: 'due'; readonly at: Instant; readonly budget: Duration }
  | { readonly kind: 'stopped'; readonly at: Instant; readonly by: StopReason; readonly total: Duration }
  | { readonly kind: 'reopened'; readonly at: Instant; readonly total: Duration };

export type ClockExplanation = {
  readonly metric: Metric;
  readonly evaluation: MetricEvaluation;
  readonly steps: readonly ClockStep[];
  /** Wall-clock time spent paused awaiting the customer. */
  readonly paused: Duration;
};

// Steps at the same instant read in this order: what changed the clock (a re-target, a reopening) before the time
// counted from it, and the time counted before what it led to (a breach, a stop, a pause).
const ORDER: Record<ClockStep['kind'], number> = {
  started: 0,
  retargeted: 1,
  reopened: 2,
  counted: 3,
  breached: 4,
  'at-risk': 5,
  due: 6,
  stopped: 7,
  paused: 8,
};
const instantOf = (step: ClockStep) => ('at' in step ? step.at : step.from);

/**
 * A metric's clock told as what happened to it: started under a target, counted business time stretch by stretch,
 * paused awaiting the customer, re-targeted (keeping the time elapsed), breached, at risk, stopped, reopened. Pure;
 * built from the same timeline as `evaluateTicketClocks`, so its counted time adds up to the evaluation's elapsed
 * time and its breach is the evaluation's.
 */
export function explainMetricClock(metric: Metric, input: TicketClockInput): ClockExplanation {
  const evaluation = evaluateTicketClocks(input)[metric];
  const { periods, stretches } = countedStretches(metric, input);
  const facts = sortFacts(input.facts, input.asOf);
  const steps: ClockStep[] = [];
  if (periods.length === 0) return { metric, evaluation, steps, paused: 0 };

  const first = periods[0]!;
  steps.push({
    kind: 'started',
    at: first.start,
    priority: first.priority,
    target: first.target,
    budget: first.budget,
    calendarId: first.calendarId,
  });
  // Business time counted before `instant`: whole stretches before it, and the part of the one it falls in.
  const totalAt = (instant: Instant) => {
    let total = 0;
    for (const stretch of stretches) {
      if (stretch.end <= instant) total += stretch.counted;
      else if (stretch.start < instant) {
        const calendar = input.calendars.get(stretch.calendarId)!;
        total += calendar.businessDuration(stretch.start, instant);
      }
    }
    return total;
  };
  // The first instant the counted time exceeds `budget`, walking the stretches (as the evaluator does).
  const exceededAt = (budget: Duration): Instant | null => {
    let counted = 0;
    for (const stretch of stretches) {
      const left = budget - counted;
      if (stretch.running || stretch.counted > left) {
        return input.calendars.get(stretch.calendarId)!.instantWhenExceeded(stretch.start, left);
      }
      counted += stretch.counted;
    }
    return null;
  };
  let total = 0;
  let paused = 0;
  for (const [index, stretch] of stretches.entries()) {
    total += stretch.counted;
    steps.push({
      kind: 'counted',
      from: stretch.start,
      to: stretch.end,
      counted: stretch.counted,
      total,
      calendarId: stretch.calendarId,
      running: stretch.running,
    });
    const next = stretches[index + 1];
    // A stretch ends where the next begins when only the target changed; otherwise a fact stopped the clock.
    if (stretch.running || next?.start === stretch.end) continue;
    const ender = facts.find(
      (fact) =>
        fact.at === stretch.end &&
        ['paused', 'responded', 'resolved', 'closed'].includes(fact.type) &&
        stops(metric, fact.type),
    );
    if (ender?.type === 'paused') {
      const resumedAt = next?.start ?? null;
      const length = (resumedAt ?? input.asOf) - stretch.end;
      paused += length;
      steps.push({ kind: 'paused', from: stretch.end, to: resumedAt, length, total });
    } else if (ender) {
      steps.push({ kind: 'stopped', at: stretch.end, by: ender.type as StopReason, total });
      if (next) steps.push({ kind: 'reopened', at: next.start, total });
    }
  }
  // A run that started and stopped at one instant counted nothing and has no stretch: its stop is still told.
  const stoppedAt = evaluation.stoppedAt;
  const lastStop = steps.filter((step) => step.kind === 'stopped').at(-1);
  if (stoppedAt !== null && (lastStop === undefined || lastStop.at !== stoppedAt)) {
    const ender = facts.find(
      (fact) => fact.at === stoppedAt && fact.type !== 'paused' && fact.type !== 'resumed' && stops(metric, fact.type),
    );
    steps.push({
      kind: 'stopped',
      at: stoppedAt,
      by: (ender?.type ?? 'resolved') as StopReason,
      total: evaluation.elapsed,
    });
  }
  for (const [index, retarget] of evaluation.retargets.entries()) {
    const period = periods[index + 1]!;
    steps.push({
      kind: 'retargeted',
      at: retarget.at,
      from: retarget.from,
      to: retarget.to,
      target: period.target,
      budget: period.budget,
      total: totalAt(retarget.at),
    });
  }
  if (evaluation.breachedAt !== null) {
    // The target whose budget the breach exceeded: as the evaluation finds it, the period whose own budget was
    // first exceeded before the next target took over (possibly a stricter one, revealing a past breach).
    const breachedAt = evaluation.breachedAt;
    const period =
      periods.find((candidate, index) => {
        const exceeded = candidate.budget === null ? null : exceededAt(candidate.budget);
        return exceeded === breachedAt && exceeded < (periods[index + 1]?.start ?? Infinity);
      }) ?? first;
    steps.push({
      kind: 'breached',
      at: breachedAt,
      priority: period.priority,
      budget: period.budget!,
      revealedAt: period.start > breachedAt ? period.start : null,
    });
  }
  if (evaluation.state === 'running' || evaluation.state === 'paused') {
    for (const { at, fraction } of evaluation.atRisk) {
      if (at !== null)
        steps.push({ kind: 'at-risk', at, fraction, total: Math.ceil(evaluation.targetDuration! * fraction) });
    }
    const { dueAt, targetDuration } = evaluation;
    if (evaluation.breachedAt === null && dueAt !== null && targetDuration !== null && dueAt > input.asOf) {
      steps.push({ kind: 'due', at: dueAt, budget: targetDuration });
    }
  }
  steps.sort((left, right) => instantOf(left) - instantOf(right) || ORDER[left.kind] - ORDER[right.kind]);
  return { metric, evaluation, steps, paused };
}

/** Whether a fact of this type stops (or pauses) this metric's running clock, as the timeline applies them. */
function stops(metric: Metric, type: string): boolean {
  if (type === 'responded') return metric === 'response';
  if (type === 'paused') return metric === 'resolution';
  return type === 'resolved' || type === 'closed';
}
