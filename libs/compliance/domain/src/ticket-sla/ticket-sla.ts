import { versionInForceAt, type AgreementEvent, type AgreementKind, type ServiceTarget } from '@sla/agreements-domain';
import {
  evaluateTicketClocks,
  explainMetricClock,
  PRIORITIES,
  type BusinessCalendar,
  type Instant,
  type Metric,
  type MetricEvaluation,
  type Priority,
  type PriorityTargets,
  type TargetTable,
  type TicketFact,
} from '@sla/sla-clock';

export type AgreementHistory = {
  readonly agreementId: string;
  readonly kind: AgreementKind;
  readonly events: readonly AgreementEvent[];
};

export type TicketSlaState = MetricEvaluation['state'] | 'not-covered';

/** One ticket's clock for one metric under one agreement: a row of the ticket SLA status view. */
export type TicketSlaEvaluation = {
  readonly agreementId: string;
  readonly agreementKind: AgreementKind;
  /** The agreement version in force when the ticket opened: its terms apply for the ticket's whole life. */
  readonly version: number;
  readonly metric: Metric;
  /**
   * State as of the ticket's latest fact; `not-covered` when the version has no target for one of the ticket's
   * priorities.
   */
  readonly state: TicketSlaState;
  readonly reason: string | null;
  readonly priority: Priority | null;
  readonly targetMs: number | null;
  readonly calendarId: string | null;
  readonly elapsedMs: number;
  readonly remainingMs: number | null;
  readonly dueAt: Instant | null;
  /** When the running clock will breach unless a fact stops or pauses it. */
  readonly breachAt: Instant | null;
  readonly breachedAt: Instant | null;
  readonly atRiskAt: Instant | null;
  readonly stoppedAt: Instant | null;
  /** The instant the evaluation describes: the latest fact's event time. */
  readonly evaluatedAt: Instant;
};

export type TicketSlaInput = {
  readonly serviceId: string;
  readonly facts: readonly TicketFact[];
  readonly agreements: readonly AgreementHistory[];
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
};

function targetTable(targets: readonly ServiceTarget[], serviceId: string): Partial<Record<Priority, PriorityTargets>> {
  const table: Partial<Record<Priority, PriorityTargets>> = {};
  for (const target of targets)
    if (target.serviceId === serviceId)
      table[target.priority] = { response: target.response, resolution: target.resolution };
  return table;
}

/** An agreement covering the ticket's service when it opened, with the target table of the version then in force. */
export type CoveringTargets = {
  readonly agreementId: string;
  readonly agreementKind: AgreementKind;
  readonly version: number;
  /** Null when the version lacks a target for one of the ticket's priorities, or a calendar is not defined. */
  readonly targets: TargetTable | null;
  readonly reason: string | null;
};

/**
 * The agreements that covered the ticket's service when it opened, each with the targets of the version in force
 * at that instant (kept for the ticket's whole life, also when its priority changes).
 */
export function coveringTargets(input: TicketSlaInput): CoveringTargets[] {
  const opened = input.facts.find((fact) => fact.type === 'opened');
  if (!opened) return [];
  const priorities = new Set(
    input.facts.flatMap((fact) => (fact.type === 'opened' || fact.type === 'priority-changed' ? [fact.priority] : [])),
  );
  const covering: CoveringTargets[] = [];
  for (const agreement of input.agreements) {
    const inForce = versionInForceAt(agreement.events, opened.at);
    if (!inForce || !inForce.content.services.includes(input.serviceId)) continue;
    const table = targetTable(inForce.content.serviceTargets, input.serviceId);
    const missing = [...priorities].filter((priority) => !table[priority]);
    const missingCalendar = Object.values(table)
      .flatMap((targets) => [targets.response.calendarId, targets.resolution.calendarId])
      .find((calendarId) => !input.calendars.has(calendarId));
    const base = { agreementId: agreement.agreementId, agreementKind: agreement.kind, version: inForce.version };
    if (missing.length > 0 || missingCalendar) {
      const reason =
        missing.length > 0
          ? `version ${inForce.version} has no ${missing.join(', ')} target for ${input.serviceId}`
          : `calendar '${missingCalendar}' is not defined`;
      covering.push({ ...base, targets: null, reason });
      continue;
    }
    // Priorities the ticket never had are filled in only to satisfy the table's shape.
    const fallback = table[opened.priority]!;
    const targets = Object.fromEntries(PRIORITIES.map((priority) => [priority, table[priority] ?? fallback])) as Record<
      Priority,
      PriorityTargets
    >;
    covering.push({ ...base, targets, reason: null });
  }
  return covering;
}

/** Each covering agreement's clocks explained step by step, as of `asOf` (facts after it are not yet known). */
export function explainTicketSla(input: TicketSlaInput, asOf: Instant) {
  return coveringTargets(input).flatMap((covering) =>
    covering.targets === null
      ? []
      : (['response', 'resolution'] as const).map((metric) => ({
          agreementId: covering.agreementId,
          agreementKind: covering.agreementKind,
          version: covering.version,
          explanation: explainMetricClock(metric, {
            facts: input.facts,
            targets: covering.targets!,
            calendars: input.calendars,
            asOf,
          }),
        })),
  );
}

/**
 * The ticket's response and resolution clocks under every agreement that
 * covered its service when it opened, each pinned to the version in force at
 * that instant (also when the priority changes later). Pure: the same facts
 * and agreement histories give the same rows, whatever order they came in.
 */
export function evaluateTicketSla(input: TicketSlaInput): TicketSlaEvaluation[] {
  const opened = input.facts.find((fact) => fact.type === 'opened');
  if (!opened) return [];
  const evaluatedAt = Math.max(...input.facts.map((fact) => fact.at));
  const rows: TicketSlaEvaluation[] = [];
  for (const covering of coveringTargets(input)) {
    const base = {
      agreementId: covering.agreementId,
      agreementKind: covering.agreementKind,
      version: covering.version,
      evaluatedAt,
    };
    if (covering.targets === null) {
      for (const metric of ['response', 'resolution'] as const) {
        rows.push({
          ...base,
          metric,
          state: 'not-covered',
          reason: covering.reason,
          priority: opened.priority,
          targetMs: null,
          calendarId: null,
          elapsedMs: 0,
          remainingMs: null,
          dueAt: null,
          breachAt: null,
          breachedAt: null,
          atRiskAt: null,
          stoppedAt: null,
        });
      }
      continue;
    }
    const targets = covering.targets;
    const clocks = evaluateTicketClocks({ facts: input.facts, targets, calendars: input.calendars, asOf: evaluatedAt });
    for (const evaluation of [clocks.response, clocks.resolution]) {
      rows.push({
        ...base,
        metric: evaluation.metric,
        state: evaluation.state,
        reason: null,
        priority: evaluation.priority,
        targetMs: evaluation.targetDuration,
        calendarId: evaluation.calendarId,
        elapsedMs: evaluation.elapsed,
        remainingMs: evaluation.remaining,
        dueAt: evaluation.dueAt,
        breachAt: evaluation.breachAt,
        breachedAt: evaluation.breachedAt,
        atRiskAt: evaluation.atRisk[0]?.at ?? null,
        stoppedAt: evaluation.stoppedAt,
      });
    }
  }
  return rows;
}
