import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '@sla/audit-domain';
import {
  DomainError,
  defineEvent,
  type Decider,
  type DomainEvent,
  type EventDataOf,
  instantSchema,
  streamName,
} from '@sla/event-sourcing';
import { ReportContent } from './report-content';

const instant = instantSchema;
const revision = z.number().int().positive();
const contentHash = z.string().regex(/^[0-9a-f]{64}$/);

/** The frozen form of a report's content: canonical JSON, hashed with SHA-256. */
export function reportContentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

const draftedFields = {
  reportId: z.string().min(1),
  agreementId: z.string().min(1),
  period: z.string().min(4),
  audience: z.enum(['customer', 'internal']),
  dueDate: z.string(),
  deadline: instant,
  revision,
  contentHash,
  /** Why a revision after publication was made (late facts, a correction). */
  reason: z.string().nullable(),
  draftedBy: z.string().min(1),
  occurredAt: instant,
};
/** v1: the content was any JSON object. */
const draftedV1 = z.strictObject({ ...draftedFields, content: z.record(z.string(), z.unknown()) });

/**
 * v2 gives the content its schema (ReportContent). A v1 content is carried over unchanged: it is frozen by its hash,
 * and every content the v1 code drafted already has the v2 shape (proved on the stored events in test-fixtures), so
 * the v2 schema only checks it.
 */
export const ServiceReportDrafted = defineEvent({
  type: 'ServiceReportDrafted',
  schemaVersion: 2,
  schema: z.strictObject({ ...draftedFields, content: ReportContent }),
  upcasters: { 1: (data) => draftedV1.parse(data) },
});
export const ServiceReportReviewed = defineEvent({
  type: 'ServiceReportReviewed',
  schemaVersion: 1,
  schema: z.strictObject({ reportId: z.string(), revision, notes: z.string().max(5_000), occurredAt: instant }),
});
export const ServiceReportApproved = defineEvent({
  type: 'ServiceReportApproved',
  schemaVersion: 1,
  schema: z.strictObject({ reportId: z.string(), revision, approver: z.string().min(1), occurredAt: instant }),
});
export const ServiceReportPublished = defineEvent({
  type: 'ServiceReportPublished',
  schemaVersion: 1,
  schema: z.strictObject({
    reportId: z.string(),
    revision,
    contentHash,
    onTime: z.boolean(),
    lateByMs: z.number().int().nonnegative(),
    occurredAt: instant,
  }),
});

export const serviceReportEventDefinitions = [
  ServiceReportDrafted,
  ServiceReportReviewed,
  ServiceReportApproved,
  ServiceReportPublished,
];

export type ServiceReportEvent =
  | DomainEvent<'ServiceReportDrafted', EventDataOf<typeof ServiceReportDrafted>>
  | DomainEvent<'ServiceReportReviewed', EventDataOf<typeof ServiceReportReviewed>>
  | DomainEvent<'ServiceReportApproved', EventDataOf<typeof ServiceReportApproved>>
  | DomainEvent<'ServiceReportPublished', EventDataOf<typeof ServiceReportPublished>>;

type RevisionState = {
  readonly number: number;
  readonly status: 'draft' | 'reviewed' | 'approved' | 'published';
  readonly contentHash: string;
  readonly draftedBy: string;
  /** As recorded in the content; null for a revision drafted before they were recorded. */
  readonly versionsInForce: readonly number[] | null;
  readonly noVersionInForceAcknowledged: boolean;
};
/** What every revision of a report shares, fixed by its first draft. */
export type ReportSubject = {
  readonly agreementId: string;
  readonly period: string;
  readonly audience: 'customer' | 'internal';
  readonly dueDate: string;
  readonly deadline: string;
  readonly timeZone: string;
};
export type ServiceReportState = {
  readonly reportId: string | null;
  readonly revisions: readonly RevisionState[];
  readonly subject: ReportSubject | null;
};

export class ServiceReportError extends DomainError {
  readonly kind: DomainError['kind'];
  constructor(
    readonly code:
      | 'REPORT_EXISTS'
      | 'REPORT_NOT_FOUND'
      | 'WRONG_STATUS'
      | 'OPEN_REVISION'
      | 'NOTHING_TO_RESTATE'
      | 'REASON_REQUIRED'
      | 'APPROVER_IS_AUTHOR'
      | 'NO_VERSION_IN_FORCE',
    message: string,
  ) {
    super(message);
    this.name = 'ServiceReportError';
    this.kind =
      code === 'REPORT_NOT_FOUND'
        ? 'not_found'
        : code === 'REPORT_EXISTS' || code === 'WRONG_STATUS' || code === 'OPEN_REVISION'
          ? 'conflict'
          : 'rule_violated';
  }
}

/**
 * A report on a period in which no version of the agreement was in force has no terms to
 * measure against: it is refused unless someone acknowledged that on the report itself.
 */
export function requireVersionInForce(
  subject: { agreementId: string; period: string },
  versions: readonly number[] | null,
  acknowledged: boolean,
): void {
  if (versions === null || versions.length > 0 || acknowledged) return;
  throw new ServiceReportError(
    'NO_VERSION_IN_FORCE',
    `no version of agreement '${subject.agreementId}' was in force in ${subject.period}: ` +
      'acknowledge it with acknowledgeNoVersionInForce: { reason } to report the period anyway',
  );
}

const recordedVersions = (content: ReportContent): readonly number[] | null => content.versionsInForce ?? null;
const acknowledgedNoVersion = (content: ReportContent) => content.noVersionInForce !== undefined;

export type ServiceReportCommand =
  | { type: 'DraftReport'; event: EventDataOf<typeof ServiceReportDrafted> }
  | { type: 'ReviewReport'; notes: string; at: string }
  | { type: 'ApproveReport'; approver: string; at: string }
  /** `versionsInForce`: as known now, for a revision drafted before they were recorded. */
  | { type: 'PublishReport'; at: string; onTime: boolean; lateByMs: number; versionsInForce?: readonly number[] };

/**
 * A service report's lifecycle, every step an event: a revision is drafted
 * from the figures, reviewed, approved by someone other than its author, and
 * published with the hash of its content, after which it never changes. A
 * later correction is a new revision with its reason, through the same steps.
 */
export const serviceReportDecider: Decider<ServiceReportCommand, ServiceReportEvent, ServiceReportState> = {
  initialState: () => ({ reportId: null, revisions: [], subject: null }),
  evolve(state, event) {
    const update = (status: RevisionState['status']) => ({
      ...state,
      revisions: state.revisions.map((revision) =>
        revision.number === event.data.revision ? { ...revision, status } : revision,
      ),
    });
    switch (event.type) {
      case 'ServiceReportDrafted':
        return {
          reportId: event.data.reportId,
          subject: state.subject ?? {
            agreementId: event.data.agreementId,
            period: event.data.period,
            audience: event.data.audience,
            dueDate: event.data.dueDate,
            deadline: event.data.deadline,
            timeZone: event.data.content.timeZone,
          },
          revisions: [
            ...state.revisions,
            {
              number: event.data.revision,
              status: 'draft',
              contentHash: event.data.contentHash,
              draftedBy: event.data.draftedBy,
              versionsInForce: recordedVersions(event.data.content),
              noVersionInForceAcknowledged: acknowledgedNoVersion(event.data.content),
            },
          ],
        };
      case 'ServiceReportReviewed':
        return update('reviewed');
      case 'ServiceReportApproved':
        return update('approved');
      case 'ServiceReportPublished':
        return update('published');
    }
  },
  decide(command, state) {
    const latest = state.revisions.at(-1);
    if (command.type === 'DraftReport') {
      const event = command.event;
      requireVersionInForce(event, recordedVersions(event.content), acknowledgedNoVersion(event.content));
      if (!latest) {
        if (event.revision !== 1)
          throw new ServiceReportError('REPORT_NOT_FOUND', 'the first revision of a report is 1');
        return [{ type: 'ServiceReportDrafted', data: event }];
      }
      if (latest.status !== 'published')
        throw new ServiceReportError(
          'OPEN_REVISION',
          `revision ${latest.number} is ${latest.status}: finish it before drafting another`,
        );
      if (!event.reason)
        throw new ServiceReportError('REASON_REQUIRED', 'a revision after publication needs its reason');
      if (event.contentHash === latest.contentHash)
        throw new ServiceReportError(
          'NOTHING_TO_RESTATE',
          `the figures are unchanged since revision ${latest.number} was published`,
        );
      return [{ type: 'ServiceReportDrafted', data: { ...event, revision: latest.number + 1 } }];
    }
    if (!latest || !state.reportId) throw new ServiceReportError('REPORT_NOT_FOUND', 'no such report');
    const base = { reportId: state.reportId, revision: latest.number };
    switch (command.type) {
      case 'ReviewReport':
        if (latest.status !== 'draft')
          throw new ServiceReportError('WRONG_STATUS', `revision ${latest.number} is ${latest.status}, not a draft`);
        return [{ type: 'ServiceReportReviewed', data: { ...base, notes: command.notes, occurredAt: command.at } }];
      case 'ApproveReport':
        if (latest.status !== 'reviewed')
          throw new ServiceReportError(
            'WRONG_STATUS',
            `revision ${latest.number} is ${latest.status}: it is approved after review`,
          );
        // Four eyes: whoever drafted a revision does not approve it.
        if (command.approver === latest.draftedBy)
          throw new ServiceReportError(
            'APPROVER_IS_AUTHOR',
            `${command.approver} drafted revision ${latest.number} and cannot also approve it`,
          );
        return [
          { type: 'ServiceReportApproved', data: { ...base, approver: command.approver, occurredAt: command.at } },
        ];
      case 'PublishReport':
        if (latest.status !== 'approved')
          throw new ServiceReportError(
            'WRONG_STATUS',
            `revision ${latest.number} is ${latest.status}: only an approved revision is published`,
          );
        if (state.subject) {
          const versions = latest.versionsInForce ?? command.versionsInForce ?? null;
          requireVersionInForce(state.subject, versions, latest.noVersionInForceAcknowledged);
        }
        return [
          {
            type: 'ServiceReportPublished',
            data: {
              ...base,
              contentHash: latest.contentHash,
              onTime: command.onTime,
              lateByMs: command.lateByMs,
              occurredAt: command.at,
            },
          },
        ];
    }
  },
};

export const serviceReportStreamName = (reportId: string) => streamName('service_report', reportId);
