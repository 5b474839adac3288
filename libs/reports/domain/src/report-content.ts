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

export type AvailabilityLine = {
  serviceId: string;
  version: number;
  /** Exact figure truncated for display (never rounded up past a target). */
  availabilityPercent: string | null;
  targetPercentage: number | null;
  targetMet: boolean | null;
  downtimeMs?: number;
  agreedServiceTimeMs?: number;
  failures?: number;
};

export type ComplianceLine = {
  serviceId: string;
  priority: string;
  metric: 'response' | 'resolution' | string;
  met: number;
  breached: number;
  open: number;
  percentWithinTarget: string | null;
  /** The agreed time for this priority and metric (added after the first reports; absent in older content). */
  target?: { unit: string; amount: number } | null;
};

/** A service credit term of an agreement version: when it applies and what the customer is credited. */
export type CreditTerm = { version: number; condition: string; credit: string };

/** A breach follow-up's service credit assessment: the term that applies, or none (termIndex null). */
export type CreditAssessment = { termIndex: number | null; condition: string | null; credit: string | null };

export type BreachLine = {
  eventId: string;
  ticketId: string;
  metric: string;
  priority: string | null;
  version: number;
  breachedAt: string;
  retractedAt: string | null;
  waiver: unknown;
  /** The breach's follow-up (customer notice due within 24 h, root cause, remediation). */
  followUp?: {
    status: string;
    notificationDueAt: string;
    notifiedAt: string | null;
    rootCause: string | null;
    remediatedAt: string | null;
    /** Absent in content drafted before credits were carried into reports; null while not assessed. */
    credit?: CreditAssessment | null;
  } | null;
};

export type KpiLine = {
  kpi: string;
  value: string | null;
  goal: string;
  met: boolean | null;
  numerator?: number;
  denominator?: number | null;
};

/** One earlier (or the current) period in the trend section. */
export type TrendPoint = {
  period: string;
  availability: { serviceId: string; availabilityPercent: string | null }[];
  /** % of closed tickets within target, per metric, over all priorities. */
  responseWithinTarget: string | null;
  resolutionWithinTarget: string | null;
  breaches: number;
};

export type ImprovementPlanLine = {
  planId: string;
  item: string;
  phase: string;
  percentComplete: number;
  dueAt: string | null;
  owner: string | null;
};

/** Who knowingly drafted a report for a period in which no version of the agreement was in force, and why. */
export type NoVersionInForceAcknowledgement = { acknowledgedBy: string; reason: string };
/** Who the agreement is between and what it is called, as the version in force at the period's end says. */
export type ReportAgreement = {
  title: string;
  customer: string;
  provider: string;
  kind: string;
  effectiveFrom: string | null;
};

export type ReportContent = {
  agreementId: string;
  /** Absent in content drafted before the agreement's names were carried into reports. */
  agreement?: ReportAgreement;
  language?: 'en' | 'zh';
  period: string;
  timeZone: string;
  /** The agreement versions in force at some time in the period; absent in reports drafted before it was recorded. */
  versionsInForce?: number[];
  /** Present only when no version was in force: a report is then drafted only with this on record. */
  noVersionInForce?: NoVersionInForceAcknowledgement;
  from?: string;
  to?: string;
  audience?: 'customer' | 'internal';
  sections?: ReportSection[];
  availability?: AvailabilityLine[];
  responseResolution?: ComplianceLine[];
  breaches?: BreachLine[];
  kpis?: KpiLine[];
  trend?: TrendPoint[];
  improvementPlans?: ImprovementPlanLine[];
  /** The credit terms of the versions in force; absent in older content (then credits are "not recorded"). */
  serviceCredits?: CreditTerm[];
  /** The first period the trend goes back to: the agreement's (or the report definition's) first period. */
  trendFrom?: string;
};

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
