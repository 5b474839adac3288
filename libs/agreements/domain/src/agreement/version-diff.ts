import type { AgreementContent } from './agreement-content';

export type ContentChange = {
  /** Readable location, e.g. `serviceTargets[email P2].resolution.duration.amount`. */
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
};

/**
 * What changed between two versions of an agreement, field by field.
 * Targets are matched by service and priority, not by list position, so a
 * reordered list is no change and a tightened P2 target reads as such.
 */
export function diffAgreementContent(before: AgreementContent, after: AgreementContent): ContentChange[] {
  const changes: ContentChange[] = [];
  walk(keyed(before), keyed(after), '', changes);
  return changes;
}

type Json = unknown;

function keyed(content: AgreementContent): Json {
  return {
    ...content,
    serviceTargets: Object.fromEntries(
      content.serviceTargets.map((target) => [`${target.serviceId} ${target.priority}`, target]),
    ),
    availabilityTargets: Object.fromEntries(content.availabilityTargets.map((target) => [target.serviceId, target])),
  };
}

function walk(before: Json, after: Json, path: string, changes: ContentChange[]): void {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      const child =
        path === '' ? key : /^(serviceTargets|availabilityTargets)$/.test(path) ? `${path}[${key}]` : `${path}.${key}`;
      if (!Object.hasOwn(before, key)) changes.push({ path: child, change: 'added', after: after[key] });
      else if (!Object.hasOwn(after, key)) changes.push({ path: child, change: 'removed', before: before[key] });
      else walk(before[key], after[key], child, changes);
    }
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ path, change: 'changed', before, after });
}

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
