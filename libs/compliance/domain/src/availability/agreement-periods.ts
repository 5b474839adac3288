import { versionInForceAt, type AgreementEvent, type AvailabilityTarget } from '@sla/agreements-domain';
import type { Instant } from '@sla/sla-clock';

export type AvailabilityTerm = {
  readonly from: Instant;
  readonly to: Instant;
  readonly version: number;
  readonly target: AvailabilityTarget;
};

function instantsIn(value: unknown, found: Instant[]): void {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const instant = Date.parse(value);
    if (Number.isFinite(instant)) found.push(instant);
  } else if (value && typeof value === 'object') {
    for (const child of Object.values(value)) instantsIn(child, found);
  }
}

/** [from, to) cut at every instant the agreement's facts name: within each stretch the version in force is one. */
function stretches(events: readonly AgreementEvent[], from: Instant, to: Instant): [Instant, Instant][] {
  const candidates: Instant[] = [];
  for (const event of events) instantsIn(event.data, candidates);
  const inside = candidates.filter((instant) => instant > from && instant < to);
  const boundaries = [...new Set([from, to, ...inside])].sort((a, b) => a - b);
  return boundaries.slice(0, -1).map((start, index) => [start, boundaries[index + 1]]);
}

/**
 * The versions in force (and not suspended) at some instant of [from, to), ascending:
 * the terms a period's figures are measured against. Empty when none was.
 */
export function versionsInForceDuring(events: readonly AgreementEvent[], from: Instant, to: Instant): number[] {
  const versions = new Set<number>();
  for (const [start] of stretches(events, from, to)) {
    const inForce = versionInForceAt(events, start);
    if (inForce && !inForce.suspended) versions.add(inForce.version);
  }
  return [...versions].sort((a, b) => a - b);
}

/**
 * The parts of [from, to) in which a version with an availability target for
 * the service was in force, each with that version's target: availability over
 * a period uses each version for the part of the period in which it was in
 * force. Suspended, terminated or expired stretches have no target and are
 * left out.
 */
export function availabilityTerms(
  events: readonly AgreementEvent[],
  serviceId: string,
  from: Instant,
  to: Instant,
): AvailabilityTerm[] {
  const terms: AvailabilityTerm[] = [];
  for (const [start, end] of stretches(events, from, to)) {
    const inForce = versionInForceAt(events, start);
    const target =
      inForce && !inForce.suspended
        ? inForce.content.availabilityTargets.find((candidate) => candidate.serviceId === serviceId)
        : undefined;
    if (!inForce || !target) continue;
    const previous = terms.at(-1);
    if (previous && previous.to === start && previous.version === inForce.version)
      terms[terms.length - 1] = { ...previous, to: end };
    else terms.push({ from: start, to: end, version: inForce.version, target });
  }
  return terms;
}
