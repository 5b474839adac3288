import { BusinessCalendar, fixedLength, type MetricTarget } from '@sla/sla-clock';
import type { AgreementContent, AgreementKind } from '../agreement/agreement-content';

/** The OLA or UC version a supporting target is read from (normally the one in force). */
export type SupportingAgreement = {
  readonly agreementId: string;
  readonly kind: AgreementKind;
  readonly version: number;
  readonly content: AgreementContent;
};

export type UnderpinningProblem =
  | 'unsupported'
  | 'supporting-agreement-unknown'
  | 'supporting-agreement-not-ola-or-uc'
  | 'supporting-target-missing'
  | 'weaker-target'
  | 'narrower-service-hours'
  | 'lower-availability'
  | 'unknown-calendar';

export type UnderpinningGap = {
  readonly metric: 'response' | 'resolution' | 'availability';
  readonly serviceId: string;
  readonly priority: string | null;
  readonly problem: UnderpinningProblem;
  readonly supportingAgreementId: string | null;
  readonly detail: string;
};

/**
 * The SLA targets that are not achievable as agreed: no supporting OLA/UC
 * target, or one that is weaker (a later deadline from any start in the
 * reference weeks, narrower service hours, lower availability).
 */
export function findUnderpinningGaps(
  content: AgreementContent,
  supporting: readonly SupportingAgreement[],
  calendars: ReadonlyMap<string, BusinessCalendar>,
): UnderpinningGap[] {
  const gaps: UnderpinningGap[] = [];
  const byId = new Map(supporting.map((agreement) => [agreement.agreementId, agreement]));
  for (const target of content.serviceTargets) {
    const base = { serviceId: target.serviceId, priority: target.priority };
    if (target.supportedBy.length === 0) {
      for (const metric of ['response', 'resolution'] as const) {
        gaps.push({
          ...base,
          metric,
          problem: 'unsupported',
          supportingAgreementId: null,
          detail: `no OLA or UC target supports the ${target.priority} ${metric} target of ${target.serviceId}`,
        });
      }
      continue;
    }
    for (const reference of target.supportedBy) {
      const agreement = byId.get(reference.agreementId);
      const problem = referenceProblem(agreement, reference.agreementId);
      if (problem) {
        gaps.push({
          ...base,
          metric: 'response',
          problem: problem.problem,
          supportingAgreementId: reference.agreementId,
          detail: problem.detail,
        });
        continue;
      }
      const supportingTarget = agreement!.content.serviceTargets.find(
        (candidate) => candidate.serviceId === reference.serviceId && candidate.priority === reference.priority,
      );
      if (!supportingTarget) {
        gaps.push({
          ...base,
          metric: 'response',
          problem: 'supporting-target-missing',
          supportingAgreementId: reference.agreementId,
          detail: `${reference.agreementId} has no ${reference.priority} target for ${reference.serviceId}`,
        });
        continue;
      }
      for (const metric of ['response', 'resolution'] as const) {
        const comparison = compareTargets(supportingTarget[metric], target[metric], calendars);
        if (comparison)
          gaps.push({
            ...base,
            metric,
            problem: comparison.problem,
            supportingAgreementId: reference.agreementId,
            detail: `${reference.agreementId} ${reference.serviceId} ${reference.priority} ${metric}: ${comparison.detail}`,
          });
      }
    }
  }
  for (const target of content.availabilityTargets) {
    const base = { serviceId: target.serviceId, priority: null, metric: 'availability' as const };
    if (target.supportedBy.length === 0) {
      gaps.push({
        ...base,
        problem: 'unsupported',
        supportingAgreementId: null,
        detail: `no OLA or UC availability target supports ${target.percentage} % for ${target.serviceId}`,
      });
      continue;
    }
    for (const reference of target.supportedBy) {
      const agreement = byId.get(reference.agreementId);
      const problem = referenceProblem(agreement, reference.agreementId);
      if (problem) {
        gaps.push({
          ...base,
          problem: problem.problem,
          supportingAgreementId: reference.agreementId,
          detail: problem.detail,
        });
        continue;
      }
      const supportingTarget = agreement!.content.availabilityTargets.find(
        (candidate) => candidate.serviceId === reference.serviceId,
      );
      if (!supportingTarget) {
        gaps.push({
          ...base,
          problem: 'supporting-target-missing',
          supportingAgreementId: reference.agreementId,
          detail: `${reference.agreementId} has no availability target for ${reference.serviceId}`,
        });
      } else if (supportingTarget.percentage < target.percentage) {
        gaps.push({
          ...base,
          problem: 'lower-availability',
          supportingAgreementId: reference.agreementId,
          detail: `${reference.agreementId} promises ${supportingTarget.percentage} % for ${reference.serviceId}, the SLA ${target.percentage} %`,
        });
      } else {
        const hours = coverageProblem(supportingTarget.calendarId, target.calendarId, calendars);
        if (hours)
          gaps.push({
            ...base,
            problem: hours.problem,
            supportingAgreementId: reference.agreementId,
            detail: hours.detail,
          });
      }
    }
  }
  return gaps;
}

function referenceProblem(agreement: SupportingAgreement | undefined, agreementId: string) {
  if (!agreement)
    return { problem: 'supporting-agreement-unknown' as const, detail: `${agreementId} is not an agreement in force` };
  if (agreement.kind === 'SLA')
    return {
      problem: 'supporting-agreement-not-ola-or-uc' as const,
      detail: `${agreementId} is an SLA, not an OLA or UC`,
    };
  return undefined;
}

// Deadlines are compared from every hour of two reference weeks (holiday-free in most calendars).
const REFERENCE_START = Date.parse('2026-01-12T00:00:00Z');
const REFERENCE_STARTS = Array.from({ length: 14 * 24 }, (_, hour) => REFERENCE_START + hour * 3_600_000);

/** Null when `supporting` is at least as strict as `agreed`: never a later deadline, hours at least as wide. */
export function compareTargets(
  supporting: MetricTarget,
  agreed: MetricTarget,
  calendars: ReadonlyMap<string, BusinessCalendar>,
): { problem: UnderpinningProblem; detail: string } | null {
  const supportingCalendar = calendars.get(supporting.calendarId);
  const agreedCalendar = calendars.get(agreed.calendarId);
  if (!supportingCalendar || !agreedCalendar) {
    return {
      problem: 'unknown-calendar',
      detail: `calendar ${supportingCalendar ? agreed.calendarId : supporting.calendarId} is unknown`,
    };
  }
  for (const start of REFERENCE_STARTS) {
    const supportingDeadline = deadline(supporting, supportingCalendar, start);
    const agreedDeadline = deadline(agreed, agreedCalendar, start);
    if (supportingDeadline !== null && agreedDeadline !== null && supportingDeadline > agreedDeadline) {
      return {
        problem: 'weaker-target',
        detail: `${describe(supporting)} is longer than the agreed ${describe(agreed)} (from ${new Date(start).toISOString()} it ends ${new Date(supportingDeadline).toISOString()}, the SLA ${new Date(agreedDeadline).toISOString()})`,
      };
    }
  }
  return coverageProblem(supporting.calendarId, agreed.calendarId, calendars);
}

function coverageProblem(
  supportingCalendarId: string,
  agreedCalendarId: string,
  calendars: ReadonlyMap<string, BusinessCalendar>,
) {
  const supporting = calendars.get(supportingCalendarId);
  const agreed = calendars.get(agreedCalendarId);
  if (!supporting || !agreed)
    return {
      problem: 'unknown-calendar' as const,
      detail: `calendar ${supporting ? agreedCalendarId : supportingCalendarId} is unknown`,
    };
  const end = REFERENCE_START + 14 * 24 * 3_600_000;
  for (const [from, to] of agreed.intervals(REFERENCE_START, end)) {
    if (supporting.businessDuration(from, to) !== to - from) {
      return {
        problem: 'narrower-service-hours' as const,
        detail: `service hours ${supportingCalendarId} do not cover ${agreedCalendarId} (e.g. ${new Date(from).toISOString()} to ${new Date(to).toISOString()})`,
      };
    }
  }
  return null;
}

function deadline(target: MetricTarget, calendar: BusinessCalendar, start: number): number | null {
  const fixed = fixedLength(target.duration);
  return fixed === undefined
    ? calendar.addWorkingDays(start, target.duration.amount)
    : calendar.instantWhenExceeded(start, fixed);
}

function describe(target: MetricTarget): string {
  return `${target.duration.amount} ${target.duration.unit} in ${target.calendarId}`;
}
