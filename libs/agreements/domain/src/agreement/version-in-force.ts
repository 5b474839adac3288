import type { AgreementContent } from './agreement-content';
import type { AgreementEvent } from './agreement.events';

export type VersionInForce = {
  readonly version: number;
  readonly content: AgreementContent;
  readonly changeRequest: string | null;
  /** In force but suspended at that instant. */
  readonly suspended: boolean;
};

/**
 * Which version of an agreement was in force at an instant: the highest
 * approved version whose effective date and approval both lie at or before
 * it, unless the agreement had terminated or expired by then. Judged on
 * the facts' own times, so late-recorded facts give the same answer.
 */
export function versionInForceAt(events: readonly AgreementEvent[], at: number): VersionInForce | null {
  const contents = new Map<number, { content: AgreementContent; changeRequest: string | null }>();
  let best: VersionInForce | null = null;
  let terminatesAt = Infinity;
  let expiresAt = Infinity;
  const suspensions: [number, number][] = [];
  for (const event of events) {
    switch (event.type) {
      case 'AgreementDrafted':
        contents.set(1, { content: event.data.content, changeRequest: null });
        break;
      case 'AgreementAmendmentDrafted':
        contents.set(event.data.version, { content: event.data.content, changeRequest: event.data.changeRequest });
        break;
      case 'AgreementDraftRevised':
        contents.set(event.data.version, {
          content: event.data.content,
          changeRequest: contents.get(event.data.version)?.changeRequest ?? null,
        });
        break;
      case 'AgreementVersionApproved': {
        const approvedAt = Date.parse(event.data.occurredAt);
        const effective = Date.parse(event.data.effectiveFrom);
        const version = contents.get(event.data.version)!;
        if (Math.max(approvedAt, effective) <= at && (!best || event.data.version > best.version)) {
          best = {
            version: event.data.version,
            content: version.content,
            changeRequest: version.changeRequest,
            suspended: false,
          };
        }
        if (version.content.expiresAt && approvedAt <= at) expiresAt = Date.parse(version.content.expiresAt);
        break;
      }
      case 'AgreementRenewed':
        if (Date.parse(event.data.occurredAt) <= at) expiresAt = Date.parse(event.data.expiresAt);
        break;
      case 'AgreementTerminationNoticeGiven':
        if (Date.parse(event.data.occurredAt) <= at) terminatesAt = Date.parse(event.data.terminatesAt);
        break;
      case 'AgreementSuspended':
        suspensions.push([Date.parse(event.data.occurredAt), Infinity]);
        break;
      case 'AgreementResumed': {
        const open = suspensions[suspensions.length - 1];
        if (open && open[1] === Infinity) open[1] = Date.parse(event.data.occurredAt);
        break;
      }
      default:
        break;
    }
  }
  if (!best || at >= terminatesAt || at >= expiresAt) return null;
  const suspended = suspensions.some(([from, to]) => from <= at && at < to);
  return { ...(best as VersionInForce), suspended };
}
