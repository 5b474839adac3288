import { z } from 'zod';
import { instantSchema } from '@sla/event-sourcing';

/**
 * What a service report revision holds: the figures of the compliance views
 * for one agreement and period, frozen when the revision is drafted. Every
 * renderer (HTML, PDF) reads this one shape; sections a report definition
 * leaves out are simply absent.
 */
export type ReportSection =
  | 'targets'
  | 'availability'
  | 'breaches'
  | 'trend'
  | 'satisfaction'
  | 'complaints'
  | 'major-incidents'
  | 'improvement-plans'
  | 'kpis';
export const REPORT_SECTIONS: readonly ReportSection[] = [
  'targets',
  'availability',
  'breaches',
  'trend',
  'satisfaction',
  'complaints',
  'major-incidents',
  'improvement-plans',
  'kpis',
];

/** KPIs a report definition can select through a section of their own; every other KPI belongs to 'kpis'. */
export const KPI_SECTIONS: Readonly<Record<string, ReportSection>> = {
  'customer-satisfaction': 'satisfaction',
  'complaints-handled': 'complaints',
  'major-incidents-per-year': 'major-incidents',
};

// Instants as the figures write them (toISOString) and as agreements state them (with an offset).
const instant = instantSchema;
const count = z.number().int().nonnegative();
const milliseconds = z.number();
/** A percentage as exact decimal text (truncated, never rounded up past a target); null when nothing was measured. */
const percentText = z.string().nullable();

export const AvailabilityLine = z.strictObject({
  serviceId: z.string(),
  version: z.number().int(),
  /** Exact figure truncated for display (never rounded up past a target). */
  availabilityPercent: percentText,
  targetPercentage: z.number().nullable(),
  targetMet: z.boolean().nullable(),
  // The measurement behind the figure, as the availability view had it; the renderers read only the figure above.
  period: z.string().optional(),
  calendarId: z.string().optional(),
  from: instant.optional(),
  to: instant.optional(),
  measuredUntil: instant.optional(),
  agreedServiceTime: milliseconds.optional(),
  downtime: milliseconds.optional(),
  excludedMaintenanceDowntime: milliseconds.optional(),
  maintenanceTime: milliseconds.optional(),
  /** Downtime the target still allows in the period; negative once exceeded, null without a target. */
  remainingDowntimeBudget: milliseconds.nullable().optional(),
  failures: count.optional(),
  meanTimeToRestore: milliseconds.nullable().optional(),
  meanTimeBetweenFailures: milliseconds.nullable().optional(),
  contributions: z
    .array(z.strictObject({ outageId: z.string(), downtime: milliseconds, excluded: milliseconds }))
    .optional(),
});
export type AvailabilityLine = z.infer<typeof AvailabilityLine>;

export const ComplianceLine = z.strictObject({
  serviceId: z.string(),
  priority: z.string(),
  /** 'response' or 'resolution'. */
  metric: z.string(),
  tickets: count.optional(),
  met: count,
  breached: count,
  open: count,
  percentWithinTarget: percentText,
  medianElapsedMs: milliseconds.nullable().optional(),
  p90ElapsedMs: milliseconds.nullable().optional(),
  /** The agreed time for this priority and metric (added after the first reports; absent in older content). */
  target: z.strictObject({ unit: z.string(), amount: z.number() }).nullable().optional(),
});
export type ComplianceLine = z.infer<typeof ComplianceLine>;

/** A service credit term of an agreement version: when it applies and what the customer is credited. */
export const CreditTerm = z.strictObject({ version: z.number().int(), condition: z.string(), credit: z.string() });
export type CreditTerm = z.infer<typeof CreditTerm>;

/** A breach follow-up's service credit assessment: the term that applies, or none (termIndex null). */
export const CreditAssessment = z.strictObject({
  termIndex: z.number().int().nonnegative().nullable(),
  condition: z.string().nullable(),
  credit: z.string().nullable(),
});
export type CreditAssessment = z.infer<typeof CreditAssessment>;

/** A customer-approved deviation recorded beside a breach (which stays on record). */
export const BreachWaiver = z.strictObject({ approvedBy: z.string(), reason: z.string(), recordedAt: instant });
export type BreachWaiver = z.infer<typeof BreachWaiver>;

/** The breach's follow-up (customer notice due within 24 h, root cause, remediation). */
export const BreachFollowUpLine = z.strictObject({
  status: z.string(),
  notificationDueAt: instant,
  notifiedAt: instant.nullable(),
  rootCause: z.string().nullable(),
  remediatedAt: instant.nullable(),
  /** Absent in content drafted before credits were carried into reports; null while not assessed. */
  credit: CreditAssessment.nullable().optional(),
});

export const BreachLine = z.strictObject({
  eventId: z.string(),
  ticketId: z.string(),
  metric: z.string(),
  priority: z.string().nullable(),
  version: z.number().int(),
  breachedAt: instant,
  retractedAt: instant.nullable(),
  waiver: BreachWaiver.nullable(),
  followUp: BreachFollowUpLine.nullable().optional(),
});
export type BreachLine = z.infer<typeof BreachLine>;

export const KpiLine = z.strictObject({
  kpi: z.string(),
  description: z.string().optional(),
  /** Percent (truncated to 2 places) or a count; null when there was nothing to measure. */
  value: z.string().nullable(),
  goal: z.string(),
  met: z.boolean().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().nullable().optional(),
});
export type KpiLine = z.infer<typeof KpiLine>;

/** One earlier (or the current) period in the trend section. */
export const TrendPoint = z.strictObject({
  period: z.string(),
  availability: z.array(z.strictObject({ serviceId: z.string(), availabilityPercent: percentText })),
  /** % of closed tickets within target, per metric, over all priorities. */
  responseWithinTarget: percentText,
  resolutionWithinTarget: percentText,
  breaches: count,
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const ImprovementPlanLine = z.strictObject({
  planId: z.string(),
  item: z.string(),
  phase: z.string(),
  percentComplete: z.number(),
  dueAt: instant.nullable(),
  owner: z.string().nullable(),
});
export type ImprovementPlanLine = z.infer<typeof ImprovementPlanLine>;

/** Who knowingly drafted a report for a period in which no version of the agreement was in force, and why. */
export const NoVersionInForceAcknowledgement = z.strictObject({ acknowledgedBy: z.string(), reason: z.string() });
export type NoVersionInForceAcknowledgement = z.infer<typeof NoVersionInForceAcknowledgement>;

/** Who the agreement is between and what it is called, as the version in force at the period's end says. */
export const ReportAgreement = z.strictObject({
  title: z.string(),
  customer: z.string(),
  provider: z.string(),
  kind: z.string(),
  effectiveFrom: instant.nullable(),
});
export type ReportAgreement = z.infer<typeof ReportAgreement>;

/**
 * The figures part of a report's content: what the compliance views and the agreement said about the period,
 * each section only when the report asks for it.
 */
export const ReportFigures = z.strictObject({
  /** The reporting period's bounds in the report's zone. */
  from: instant.optional(),
  to: instant.optional(),
  /** Absent in content drafted before the agreement's names were carried into reports. */
  agreement: ReportAgreement.optional(),
  availability: z.array(AvailabilityLine).optional(),
  responseResolution: z.array(ComplianceLine).optional(),
  breaches: z.array(BreachLine).optional(),
  kpis: z.array(KpiLine).optional(),
  trend: z.array(TrendPoint).optional(),
  improvementPlans: z.array(ImprovementPlanLine).optional(),
  /** The credit terms of the versions in force; absent in older content (then credits are "not recorded"). */
  serviceCredits: z.array(CreditTerm).optional(),
  /** The first period the trend goes back to: the agreement's (or the report definition's) first period. */
  trendFrom: z.string().optional(),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

/**
 * ServiceReportDrafted.content from schema version 2 of that event: the subject of the report (agreement, period,
 * zone, audience, what it was drafted with) and its figures. It is hashed as drafted and never changes, so a field is
 * only ever added as optional.
 */
export const ReportContent = z.strictObject({
  agreementId: z.string().min(1),
  period: z.string(),
  timeZone: z.string(),
  /** Absent only in hand-made content; every drafted report records it. */
  audience: z.enum(['customer', 'internal']).optional(),
  language: z.enum(['en', 'zh']).optional(),
  /** The agreement versions in force at some time in the period; absent in reports drafted before it was recorded. */
  versionsInForce: z.array(z.number().int().positive()).optional(),
  /** Present only when no version was in force: a report is then drafted only with this on record. */
  noVersionInForce: NoVersionInForceAcknowledgement.optional(),
  sections: z.array(z.enum(REPORT_SECTIONS as [ReportSection, ...ReportSection[]])).optional(),
  /** How many periods the trend shows, when the request chose it. */
  trendPeriods: z.number().int().positive().optional(),
  /** The report definition that drafted it, if one did. */
  definitionId: z.string().optional(),
  ...ReportFigures.shape,
});
export type ReportContent = z.infer<typeof ReportContent>;

/**
 * The agreement versions whose terms the figures were measured against: as recorded, or for
 * reports drafted before they were, the versions named by availability terms and breaches.
 */
export function versionsInForce(content: ReportContent): number[] {
  if (content.versionsInForce) return content.versionsInForce;
  return [
    ...new Set([
      ...(content.availability ?? []).map((line) => line.version),
      ...(content.breaches ?? []).map((line) => line.version),
    ]),
  ].sort((a, b) => a - b);
}

/** Unretracted breaches per priority P1–P4 (the breaches chart). */
export function breachesPerPriority(content: ReportContent): { priority: string; count: number }[] {
  const breaches = (content.breaches ?? []).filter((breach) => !breach.retractedAt);
  return ['P1', 'P2', 'P3', 'P4'].map((priority) => ({
    priority,
    count: breaches.filter((breach) => breach.priority === priority).length,
  }));
}
