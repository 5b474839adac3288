/**
 * Stream names stored before categories were checked (issue 13): the
 * categories that contained '-' (and `improvement`, renamed to say what it
 * holds). This is history, not configuration: never edit an entry, since the
 * PostgreSQL rename migration and the audit log verifier both rely on it.
 *
 * `eventTypePrefix` tells a legacy name from a legitimate one of another
 * category: `service-report-x` was a report, but it is also the name of the
 * catalogue stream of a service whose id is `report-x`.
 */
export const LEGACY_STREAM_CATEGORIES: readonly {
  readonly legacyPrefix: string;
  readonly category: string;
  readonly eventTypePrefix?: string;
}[] = Object.freeze([
  { legacyPrefix: 'service-report-', category: 'service_report', eventTypePrefix: 'ServiceReport' },
  { legacyPrefix: 'report-definition-', category: 'report_definition' },
  { legacyPrefix: 'breach-follow-up-', category: 'breach_follow_up' },
  { legacyPrefix: 'sla-watch-', category: 'sla_watch' },
  { legacyPrefix: 'improvement-', category: 'improvement_plan' },
]);

/** The name a stream of a renamed category had before the rename, or undefined. */
export function legacyStreamName(name: string): string | undefined {
  const renamed = LEGACY_STREAM_CATEGORIES.find((entry) => name.startsWith(`${entry.category}-`));
  return renamed && `${renamed.legacyPrefix}${name.slice(renamed.category.length + 1)}`;
}
