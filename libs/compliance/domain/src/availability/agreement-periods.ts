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

/**
 * The parts of [from, to) in which a version with an availability target for
 * the service was in force, each with that version's target: availability over
 * a period uses each version for the part of the period in which it was in
 * force. Suspended, terminated or expired stretches have no target and are
 * left out.
 */
export function availabilityTerms(events: readonly AgreementEvent[], serviceId: string, from: Instant, to: Instant): AvailabilityTerm[] {
  const candidates: Instant[] = [];
  for (const event of events) instantsIn(event.data, candidates);
  const boundaries = [...new Set([from, to, ...candidates.filter((instant) => instant > from && instant < to)])].sort((a, b) => a - b);
  const terms: AvailabilityTerm[] = [];
  for (let index = 0; index + 1 < boundaries.length; index += 1) {
    const [start, end] = [boundaries[index], boundaries[index + 1]];
    const inForce = versionInForceAt(events, start);
    const target = inForce && !inForce.suspended ? inForce.content.availabilityTargets.find((candidate) => candidate.serviceId === serviceId) : undefined;
    if (!inForce || !target) continue;
    const previous = terms.at(-1);
    if (previous && previous.to === start && previous.version === inForce.version) terms[terms.length - 1] = { ...previous, to: end };
    else terms.push({ from: start, to: end, version: inForce.version, target });
  }
  return terms;
}
