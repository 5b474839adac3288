/**
 * The Agreement page's pure logic: which months a trend covers, what each version's timeline says, how a diff value
 * reads, which OLAs/UCs underpin the version. No React, no fetching, so it is unit-tested on its own.
 */

export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `2026-03` moved by whole months (`-1` → `2026-02`). */
export function shiftMonth(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number);
  const date = new Date(Date.UTC(year!, month! - 1 + months, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The `count` months ending with `period`, oldest first. */
export function trendMonths(period: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => shiftMonth(period, index - count + 1));
}

type Signature = {
  party: string;
  actor: string;
  signedAt: string;
  signatory: { name: string; title: string };
};
type Version = {
  version: number;
  status: string;
  changeRequest: string | null;
  basedOnVersion: number | null;
  draftedAt: string;
  draftedBy: string;
  approvedAt: string | null;
  signatures: Signature[];
  content: unknown;
};
type History = { event: string; version: number | null; actor: string; occurredAt: string };

export type VersionStep =
  | { kind: 'drafted'; at: string; actor: string; amendment: boolean }
  | { kind: 'revised'; at: string; actor: string }
  | { kind: 'submitted'; at: string; actor: string }
  | { kind: 'signed'; at: string; actor: string; party: string; signatory: string }
  | { kind: 'approved'; at: string };

export type VersionTimeline = {
  version: number;
  status: string;
  changeRequest: string | null;
  basedOnVersion: number | null;
  effectiveFrom: string | null;
  steps: VersionStep[];
};

/**
 * Each version with its steps in the order they happened: drafted (or amended), revised, submitted, signed by each
 * party, approved. Signatures and approval come from the version itself; submissions and revisions only from the
 * history, which is where the stream records them.
 */
export function versionTimeline(versions: readonly Version[], history: readonly History[]): VersionTimeline[] {
  return versions.map((version) => {
    const own = history.filter((entry) => entry.version === version.version);
    const steps: VersionStep[] = [
      { kind: 'drafted', at: version.draftedAt, actor: version.draftedBy, amendment: version.basedOnVersion !== null },
      ...own
        .filter((entry) => entry.event === 'AgreementDraftRevised')
        .map((entry) => ({ kind: 'revised' as const, at: entry.occurredAt, actor: entry.actor })),
      ...own
        .filter((entry) => entry.event === 'AgreementVersionSubmitted')
        .map((entry) => ({ kind: 'submitted' as const, at: entry.occurredAt, actor: entry.actor })),
      ...version.signatures.map((signature) => ({
        kind: 'signed' as const,
        at: signature.signedAt,
        actor: signature.actor,
        party: signature.party,
        signatory: `${signature.signatory.name} (${signature.signatory.title})`,
      })),
      ...(version.approvedAt ? [{ kind: 'approved' as const, at: version.approvedAt }] : []),
    ];
    // A stable sort: steps at the same instant keep the lifecycle order above (the last signature and the approval).
    steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const effectiveFrom = (version.content as { effectiveFrom?: unknown } | null)?.effectiveFrom;
    return {
      version: version.version,
      status: version.status,
      changeRequest: version.changeRequest,
      basedOnVersion: version.basedOnVersion,
      effectiveFrom: typeof effectiveFrom === 'string' ? effectiveFrom : null,
      steps,
    };
  });
}

/** The two versions a diff shows by default: the latest against the one before it. */
export function defaultDiffVersions(latestVersion: number): { from: number; to: number } {
  return { from: Math.max(1, latestVersion - 1), to: latestVersion };
}

/** A version number from the URL, if it names one of the agreement's versions. */
export function versionParameter(value: string | null, latestVersion: number): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const version = Number(value);
  return version >= 1 && version <= latestVersion ? version : undefined;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * A diff value as one line of text: an instant (an effective date) as the given formatter writes it, other strings
 * as they are, anything else as compact JSON; absent as an em dash.
 */
export function diffValueText(
  value: unknown,
  formatInstant: (instant: string) => string = (instant) => instant,
): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return INSTANT.test(value) ? formatInstant(value) : value;
  return JSON.stringify(value);
}

type Content = {
  serviceTargets?: { serviceId: string; priority: string; supportedBy?: { agreementId: string }[] }[];
  availabilityTargets?: { serviceId: string; supportedBy?: { agreementId: string }[] }[];
};

export type SupportedTarget = { serviceId: string; priority: string | null };
export type Underpinning = { agreementId: string; targets: SupportedTarget[] };

/** The OLAs/UCs a version leans on, each with the targets it supports (priority null: the availability target). */
export function underpinningAgreements(content: unknown): Underpinning[] {
  const { serviceTargets = [], availabilityTargets = [] } = (content ?? {}) as Content;
  const byAgreement = new Map<string, SupportedTarget[]>();
  const add = (agreementId: string, target: SupportedTarget) => {
    const targets = byAgreement.get(agreementId) ?? [];
    if (!targets.some((known) => known.serviceId === target.serviceId && known.priority === target.priority))
      targets.push(target);
    byAgreement.set(agreementId, targets);
  };
  for (const target of serviceTargets)
    for (const support of target.supportedBy ?? [])
      add(support.agreementId, { serviceId: target.serviceId, priority: target.priority });
  for (const target of availabilityTargets)
    for (const support of target.supportedBy ?? [])
      add(support.agreementId, { serviceId: target.serviceId, priority: null });
  return [...byAgreement]
    .map(([agreementId, targets]) => ({ agreementId, targets }))
    .sort((a, b) => a.agreementId.localeCompare(b.agreementId));
}

export type MetricTarget = { duration: { unit: string; amount: number }; calendarId: string };

/** The response and resolution targets of one service and priority in a version's content, if it has them. */
export function targetOf(
  content: unknown,
  serviceId: string,
  priority: string,
  metric: string,
): MetricTarget | undefined {
  const targets = ((content ?? {}) as { serviceTargets?: Record<string, unknown>[] }).serviceTargets ?? [];
  const target = targets.find((candidate) => candidate.serviceId === serviceId && candidate.priority === priority);
  return target?.[metric] as MetricTarget | undefined;
}

/** The calendar an agreement is measured in: its first availability target's, else its first service target's. */
export function mainCalendar(content: unknown): string | undefined {
  const { availabilityTargets = [], serviceTargets = [] } = (content ?? {}) as {
    availabilityTargets?: { calendarId: string }[];
    serviceTargets?: { response: { calendarId: string } }[];
  };
  return availabilityTargets[0]?.calendarId ?? serviceTargets[0]?.response.calendarId;
}
