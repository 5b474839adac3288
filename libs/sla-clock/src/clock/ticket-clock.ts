import type { BusinessCalendar, Duration, Instant } from '../calendar/business-calendar';
import {
  DEFAULT_AT_RISK_FRACTIONS,
  fixedLength,
  type MetricTarget,
  type Priority,
  type TargetDuration,
  type TargetTable,
} from './sla-targets';

/** A ticket fact with its event time (when it happened, not when it was recorded). */
export type TicketFact =
  | { readonly type: 'opened'; readonly at: Instant; readonly priority: Priority }
  | { readonly type: 'responded'; readonly at: Instant }
  | { readonly type: 'paused'; readonly at: Instant }
  | { readonly type: 'resumed'; readonly at: Instant }
  | { readonly type: 'priority-changed'; readonly at: Instant; readonly priority: Priority }
  | { readonly type: 'resolved'; readonly at: Instant }
  | { readonly type: 'reopened'; readonly at: Instant }
  | { readonly type: 'closed'; readonly at: Instant };

export type Metric = 'response' | 'resolution';
export type MetricState = 'not-started' | 'running' | 'paused' | 'met' | 'breached';

export type AtRiskInstant = { readonly fraction: number; readonly at: Instant | null };
export type Retarget = { readonly at: Instant; readonly from: Priority; readonly to: Priority };

export type MetricEvaluation = {
  readonly metric: Metric;
  readonly state: MetricState;
  readonly priority: Priority | null;
  readonly target: TargetDuration | null;
  /** The current target as business time from the clock's start (working days resolved). */
  readonly targetDuration: Duration | null;
  readonly calendarId: string | null;
  readonly elapsed: Duration;
  readonly remaining: Duration | null;
  /** When the budget is (or was) used up: show as "due by". */
  readonly dueAt: Instant | null;
  /** First instant elapsed exceeds the current target; null while paused or once stopped in time. */
  readonly breachAt: Instant | null;
  /** When the clock actually breached, if it has by `asOf`. */
  readonly breachedAt: Instant | null;
  readonly atRisk: readonly AtRiskInstant[];
  readonly stoppedAt: Instant | null;
  readonly retargets: readonly Retarget[];
};

export type FirstResolution = {
  readonly resolvedAt: Instant;
  readonly elapsed: Duration;
  readonly state: 'met' | 'breached';
  readonly breachedAt: Instant | null;
};

export type TicketClockEvaluation = {
  readonly asOf: Instant;
  readonly response: MetricEvaluation;
  readonly resolution: MetricEvaluation & { readonly firstResolution: FirstResolution | null };
};

export type TicketClockInput = {
  readonly facts: readonly TicketFact[];
  /** The targets of the agreement version in force when the ticket opened. */
  readonly targets: TargetTable;
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  /** The evaluation instant: facts after it are ignored, running clocks are measured up to it. */
  readonly asOf: Instant;
};

// Facts at the same instant apply in this order, whatever order they arrived in.
const RANK: Record<TicketFact['type'], number> = {
  opened: 0,
  'priority-changed': 1,
  responded: 2,
  paused: 3,
  resumed: 4,
  resolved: 5,
  reopened: 6,
  closed: 7,
};

const PRIORITY_RANK: Record<Priority, number> = { P1: 1, P2: 2, P3: 3, P4: 4 };

function compareFacts(a: TicketFact, b: TicketFact): number {
  return (
    a.at - b.at ||
    RANK[a.type] - RANK[b.type] ||
    (a.type === 'priority-changed' && b.type === 'priority-changed'
      ? PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority]
      : 0)
  );
}

/** The facts known at `asOf`, in event-time order (a copy; the input is not touched). */
export function sortFacts(facts: readonly TicketFact[], asOf = Infinity): TicketFact[] {
  const known: TicketFact[] = [];
  for (const fact of facts) if (fact.at <= asOf) known.push(fact);
  return known.sort(compareFacts);
}

/**
 * Evaluates a ticket's response and resolution clocks. Pure: the result
 * depends only on the facts' event times, the targets and `asOf`.
 */
export function evaluateTicketClocks(input: TicketClockInput): TicketClockEvaluation {
  const facts = sortFacts(input.facts, input.asOf);
  const response = evaluateMetric('response', facts, input);
  const resolution = evaluateMetric('resolution', facts, input);
  return {
    asOf: input.asOf,
    response,
    resolution: { ...resolution, firstResolution: firstResolution(facts, input, resolution) },
  };
}

type Period = {
  start: Instant;
  priority: Priority;
  target: MetricTarget;
  calendar: BusinessCalendar;
  budget: Duration | null;
};
/** `length` is the business time of a closed segment, measured once. */
type Segment = { start: Instant; end: Instant | null; period: Period; length: Duration };
type Status = 'idle' | 'running' | 'paused' | 'stopped' | 'closed';

type Timeline = {
  status: Status;
  periods: Period[];
  runs: { start: Instant; end: Instant | null }[];
  stoppedAt: Instant | null;
  retargets: Retarget[];
};

function buildTimeline(metric: Metric, facts: readonly TicketFact[], input: TicketClockInput): Timeline {
  const timeline: Timeline = { status: 'idle', periods: [], runs: [], stoppedAt: null, retargets: [] };
  let openedAt = 0;
  const addPeriod = (start: Instant, priority: Priority) => {
    const target = input.targets[priority][metric];
    const calendar = input.calendars.get(target.calendarId);
    if (!calendar) throw new Error(`no calendar '${target.calendarId}' for the ${priority} ${metric} target`);
    timeline.periods.push({ start, priority, target, calendar, budget: budgetOf(target.duration, calendar, openedAt) });
  };
  const stopRun = (at: Instant) => {
    const run = timeline.runs[timeline.runs.length - 1];
    if (run && run.end === null) run.end = at;
  };
  for (const fact of facts) {
    const status = timeline.status;
    switch (fact.type) {
      case 'opened':
        if (status !== 'idle') break;
        openedAt = fact.at;
        addPeriod(fact.at, fact.priority);
        timeline.runs.push({ start: fact.at, end: null });
        timeline.status = 'running';
        break;
      case 'priority-changed': {
        const current = timeline.periods[timeline.periods.length - 1];
        if (status === 'idle' || status === 'closed' || current.priority === fact.priority) break;
        timeline.retargets.push({ at: fact.at, from: current.priority, to: fact.priority });
        addPeriod(fact.at, fact.priority);
        break;
      }
      case 'responded':
        if (metric === 'response' && status === 'running') {
          stopRun(fact.at);
          timeline.status = 'stopped';
          timeline.stoppedAt = fact.at;
        }
        break;
      case 'paused':
        if (metric === 'resolution' && status === 'running') {
          stopRun(fact.at);
          timeline.status = 'paused';
        }
        break;
      case 'resumed':
        if (metric === 'resolution' && status === 'paused') {
          timeline.runs.push({ start: fact.at, end: null });
          timeline.status = 'running';
        }
        break;
      case 'resolved':
      case 'closed':
        // A resolution also answers the customer: it stops an unanswered response clock.
        if (status === 'running' || status === 'paused') {
          stopRun(fact.at);
          timeline.status = 'stopped';
          timeline.stoppedAt = fact.at;
        }
        if (fact.type === 'closed' && status !== 'idle') timeline.status = 'closed';
        break;
      case 'reopened':
        if (metric === 'resolution' && status === 'stopped') {
          timeline.runs.push({ start: fact.at, end: null });
          timeline.status = 'running';
          timeline.stoppedAt = null;
        }
        break;
    }
  }
  return timeline;
}

/** Working-day targets become business time from the clock's start; hour targets are fixed. */
function budgetOf(duration: TargetDuration, calendar: BusinessCalendar, clockStart: Instant): Duration | null {
  const fixed = fixedLength(duration);
  if (fixed !== undefined) return fixed;
  const deadline = calendar.addWorkingDays(clockStart, duration.amount);
  return deadline === null ? null : calendar.businessDuration(clockStart, deadline);
}

/** Running intervals split where the target (and so the calendar) changed. */
function segmentsOf(timeline: Timeline): Segment[] {
  const segments: Segment[] = [];
  for (const run of timeline.runs) {
    let start = run.start;
    for (let index = 0; index < timeline.periods.length; index += 1) {
      const period = timeline.periods[index];
      const periodEnd = timeline.periods[index + 1]?.start ?? null;
      if (periodEnd !== null && periodEnd <= start) continue;
      if (run.end !== null && period.start >= run.end) break;
      const segmentStart = Math.max(start, period.start);
      const segmentEnd = periodEnd === null ? run.end : run.end === null ? periodEnd : Math.min(periodEnd, run.end);
      segments.push({
        start: segmentStart,
        end: segmentEnd,
        period,
        length: segmentEnd === null ? 0 : period.calendar.businessDuration(segmentStart, segmentEnd),
      });
      if (segmentEnd === null) break;
      start = segmentEnd;
    }
  }
  return segments;
}

/**
 * The first instant at which elapsed business time reaches (or, strictly,
 * exceeds) `threshold`, walking the segments with each one's calendar.
 * Null if the clock stopped or paused before that.
 */
function instantOf(segments: readonly Segment[], threshold: Duration, strictly: boolean): Instant | null {
  let elapsed = 0;
  for (const segment of segments) {
    const calendar = segment.period.calendar;
    const left = threshold - elapsed;
    if (segment.end === null) {
      return strictly
        ? calendar.instantWhenExceeded(segment.start, left)
        : calendar.instantWhenElapsed(segment.start, left);
    }
    const length = segment.length;
    if (strictly ? length > left : length >= left) {
      return strictly
        ? calendar.instantWhenExceeded(segment.start, left)
        : calendar.instantWhenElapsed(segment.start, left);
    }
    elapsed += length;
  }
  return null;
}

function evaluateMetric(metric: Metric, facts: readonly TicketFact[], input: TicketClockInput): MetricEvaluation {
  const timeline = buildTimeline(metric, facts, input);
  if (timeline.status === 'idle') {
    return {
      metric,
      state: 'not-started',
      priority: null,
      target: null,
      targetDuration: null,
      calendarId: null,
      elapsed: 0,
      remaining: null,
      dueAt: null,
      breachAt: null,
      breachedAt: null,
      atRisk: [],
      stoppedAt: null,
      retargets: [],
    };
  }
  const segments = segmentsOf(timeline);
  let elapsed = 0;
  for (const segment of segments) {
    elapsed +=
      segment.end === null ? segment.period.calendar.businessDuration(segment.start, input.asOf) : segment.length;
  }

  // A breach under any target period counts, including one a stricter new
  // target reveals in the past (breached at the instant it was reached).
  let breachedAt: Instant | null = null;
  let exceededAt: Instant | null = null;
  for (let index = 0; index < timeline.periods.length; index += 1) {
    const period = timeline.periods[index];
    const exceeded = period.budget === null ? null : instantOf(segments, period.budget, true);
    exceededAt = exceeded;
    const periodEnd = timeline.periods[index + 1]?.start ?? Infinity;
    if (exceeded === null || exceeded >= periodEnd || exceeded > input.asOf) continue;
    if (breachedAt === null || exceeded < breachedAt) breachedAt = exceeded;
  }

  // The last period is the target in force now.
  const current = timeline.periods[timeline.periods.length - 1];
  const running = timeline.status === 'running';
  const budget = current.budget;
  const state: MetricState =
    breachedAt !== null ? 'breached' : timeline.status === 'paused' ? 'paused' : running ? 'running' : 'met';
  return {
    metric,
    state,
    priority: current.priority,
    target: current.target.duration,
    targetDuration: budget,
    calendarId: current.target.calendarId,
    elapsed,
    remaining: budget === null ? null : Math.max(0, budget - elapsed),
    dueAt: budget === null ? null : instantOf(segments, budget, false),
    breachAt: running || exceededAt !== null ? exceededAt : null,
    breachedAt,
    atRisk:
      budget === null
        ? []
        : (current.target.atRiskFractions ?? DEFAULT_AT_RISK_FRACTIONS).map((fraction) => ({
            fraction,
            // Thresholds are rounded up to the millisecond: at risk never comes early.
            at: instantOf(segments, Math.ceil(budget * fraction), false),
          })),
    stoppedAt: timeline.stoppedAt,
    retargets: timeline.retargets,
  };
}

/** The resolution clock as it stood at the first resolution, kept when the ticket is reopened. */
function firstResolution(
  facts: readonly TicketFact[],
  input: TicketClockInput,
  final: MetricEvaluation,
): FirstResolution | null {
  if (final.state === 'not-started') return null;
  const resolved = facts.find((fact) => fact.type === 'resolved');
  if (!resolved) return null;
  // Never reopened: the first resolution is the final one.
  if (final.stoppedAt === resolved.at && !facts.some((fact) => fact.type === 'reopened' && fact.at >= resolved.at)) {
    return {
      resolvedAt: resolved.at,
      elapsed: final.elapsed,
      state: final.state === 'breached' ? 'breached' : 'met',
      breachedAt: final.breachedAt,
    };
  }
  const upToResolution = facts.filter(
    (fact) => fact.at < resolved.at || (fact.at === resolved.at && RANK[fact.type] <= RANK.resolved),
  );
  const atResolution = evaluateMetric('resolution', upToResolution, { ...input, asOf: resolved.at });
  if (atResolution.stoppedAt === null) return null;
  return {
    resolvedAt: atResolution.stoppedAt,
    elapsed: atResolution.elapsed,
    state: atResolution.state === 'breached' ? 'breached' : 'met',
    breachedAt: atResolution.breachedAt,
  };
}

/** A target a metric's clock ran under, from `start` until the next one (a priority change re-targets). */
export type TargetPeriod = {
  readonly start: Instant;
  readonly priority: Priority;
  readonly target: TargetDuration;
  readonly calendarId: string;
  /** The target as business time from the clock's start (working days resolved); null beyond the calendar. */
  readonly budget: Duration | null;
};

/** A stretch the clock ran, within one target period, and the business time it counted (to `asOf` if running). */
export type CountedStretch = {
  readonly start: Instant;
  readonly end: Instant;
  readonly priority: Priority;
  readonly calendarId: string;
  readonly counted: Duration;
  /** Still running at `asOf` (then `end` is `asOf`). */
  readonly running: boolean;
};

/**
 * What a metric's clock counted, stretch by stretch, and the target periods it ran under: the material of a
 * plain-language explanation (clock-explanation.ts). The same timeline the evaluation measures, so the stretches'
 * counted time adds up to the evaluation's elapsed time.
 */
export function countedStretches(
  metric: Metric,
  input: TicketClockInput,
): { readonly periods: readonly TargetPeriod[]; readonly stretches: readonly CountedStretch[] } {
  const timeline = buildTimeline(metric, sortFacts(input.facts, input.asOf), input);
  if (timeline.status === 'idle') return { periods: [], stretches: [] };
  const periods = timeline.periods.map((period) => ({
    start: period.start,
    priority: period.priority,
    target: period.target.duration,
    calendarId: period.target.calendarId,
    budget: period.budget,
  }));
  const stretches = segmentsOf(timeline).map((segment) => ({
    start: segment.start,
    end: segment.end ?? input.asOf,
    priority: segment.period.priority,
    calendarId: segment.period.target.calendarId,
    counted:
      segment.end === null ? segment.period.calendar.businessDuration(segment.start, input.asOf) : segment.length,
    running: segment.end === null,
  }));
  return { periods, stretches };
}
