import { breachesPerPriority, type ReportContent } from './report-content';
import type { TargetDuration } from './report-format';

export type SummaryTarget =
  | {
      kind: 'availability';
      serviceId: string;
      version: number;
      actual: string | null;
      targetPercentage: number | null;
      met: boolean | null;
    }
  | {
      kind: 'response-resolution';
      serviceId: string;
      priority: string;
      metric: string;
      actual: string | null;
      targetTime: TargetDuration | null;
      met: boolean | null;
    };

export type TriggeredCredit = {
  ticketId: string;
  metric: string;
  priority: string | null;
  condition: string | null;
  credit: string;
};

/** What a manager reads first: each target met or missed, the breaches and the service credits they triggered. */
export type ExecutiveSummary = {
  targets: SummaryTarget[];
  /** null when the report has no breach section. */
  breaches: { total: number; perPriority: { priority: string; count: number }[] } | null;
  /**
   * `not-recorded`: content drafted before credits were carried into reports;
   * `none-defined`: the agreement has no credit terms; else the credits the breach follow-ups assessed.
   */
  serviceCredits: { state: 'not-recorded' | 'none-defined' | 'defined'; triggered: TriggeredCredit[] };
  kpis: { met: number; total: number };
};

/**
 * The executive summary of a revision, from its frozen content alone (so a
 * revision drafted before the summary existed gets one too). A response or
 * resolution target is met for the period when no ticket breached it, as the
 * "all targets met" KPI counts it; availability is met as measured exactly.
 */
export function executiveSummary(content: ReportContent): ExecutiveSummary {
  const availability = (content.availability ?? []).map((line): SummaryTarget => ({
    kind: 'availability',
    serviceId: line.serviceId,
    version: line.version,
    actual: line.availabilityPercent,
    targetPercentage: line.targetPercentage,
    met: line.targetMet,
  }));
  const responseResolution = (content.responseResolution ?? []).map((line): SummaryTarget => ({
    kind: 'response-resolution',
    serviceId: line.serviceId,
    priority: line.priority,
    metric: line.metric,
    actual: line.percentWithinTarget,
    targetTime: line.target ?? null,
    met: line.breached > 0 ? false : line.met > 0 ? true : null,
  }));
  const unretracted = (content.breaches ?? []).filter((breach) => !breach.retractedAt);
  const triggered = unretracted.flatMap((breach): TriggeredCredit[] => {
    const credit = breach.followUp?.credit;
    return credit && credit.termIndex !== null && credit.credit
      ? [
          {
            ticketId: breach.ticketId,
            metric: breach.metric,
            priority: breach.priority,
            condition: credit.condition,
            credit: credit.credit,
          },
        ]
      : [];
  });
  const measuredKpis = (content.kpis ?? []).filter((kpi) => kpi.met !== null);
  return {
    targets: [...availability, ...responseResolution],
    breaches: content.breaches ? { total: unretracted.length, perPriority: breachesPerPriority(content) } : null,
    serviceCredits: {
      state:
        content.serviceCredits === undefined
          ? 'not-recorded'
          : content.serviceCredits.length === 0
            ? 'none-defined'
            : 'defined',
      triggered,
    },
    kpis: { met: measuredKpis.filter((kpi) => kpi.met === true).length, total: measuredKpis.length },
  };
}
