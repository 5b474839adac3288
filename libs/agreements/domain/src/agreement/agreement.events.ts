import { z } from 'zod';
import {
  defineEvent,
  type DomainEvent,
  type EventDataOf,
  instantSchema,
  slugSchema,
  streamName,
} from '@sla/event-sourcing';
import { agreementContentSchema, agreementKindSchema, partySchema } from './agreement-content';

const version = z.number().int().positive();
const changeRequest = z.string().trim().min(1).max(100);
const signatory = z.strictObject({ name: z.string().trim().min(1), title: z.string().trim().min(1) });
const partyRole = z.enum(['provider', 'counterparty']);
const gap = z.strictObject({
  metric: z.enum(['response', 'resolution', 'availability']),
  serviceId: z.string(),
  priority: z.string().nullable(),
  problem: z.string(),
  supportingAgreementId: z.string().nullable(),
  detail: z.string(),
});

export const AgreementDrafted = defineEvent({
  type: 'AgreementDrafted',
  schemaVersion: 1,
  schema: z.strictObject({
    agreementId: slugSchema,
    kind: agreementKindSchema,
    provider: partySchema,
    counterparty: partySchema,
    version,
    content: agreementContentSchema,
    occurredAt: instantSchema,
  }),
});

export const AgreementDraftRevised = defineEvent({
  type: 'AgreementDraftRevised',
  schemaVersion: 1,
  schema: z.strictObject({
    agreementId: slugSchema,
    version,
    content: agreementContentSchema,
    note: z.string().max(2_000),
    occurredAt: instantSchema,
  }),
});

export const AgreementVersionSubmitted = defineEvent({
  type: 'AgreementVersionSubmitted',
  schemaVersion: 1,
  schema: z.strictObject({
    agreementId: slugSchema,
    version,
    underpinningGaps: z.array(gap),
    occurredAt: instantSchema,
  }),
});

const signedV1 = z.strictObject({
  agreementId: slugSchema,
  version,
  party: partyRole,
  signatory,
  underpinningGaps: z.array(gap),
  /** The approver's explicit acceptance of the listed gaps; required when there are any. */
  riskAcceptance: z.strictObject({ acceptedBy: z.string().min(1), reason: z.string().trim().min(1) }).nullable(),
  occurredAt: instantSchema,
});

/**
 * v2 adds `signedBy`: the actor who recorded the signature (the envelope's
 * actor), so that "the two parties sign through two different actors" is
 * decided from the stream itself. v1 events take it from their envelope.
 */
export const AgreementVersionSigned = defineEvent({
  type: 'AgreementVersionSigned',
  schemaVersion: 2,
  schema: signedV1.extend({ signedBy: z.string().min(1) }),
  upcasters: { 1: (data, envelope) => ({ ...signedV1.parse(data), signedBy: envelope.metadata.actor }) },
});

export const AgreementVersionApproved = defineEvent({
  type: 'AgreementVersionApproved',
  schemaVersion: 1,
  schema: z.strictObject({ agreementId: slugSchema, version, effectiveFrom: instantSchema, occurredAt: instantSchema }),
});

export const AgreementAmendmentDrafted = defineEvent({
  type: 'AgreementAmendmentDrafted',
  schemaVersion: 1,
  schema: z.strictObject({
    agreementId: slugSchema,
    version,
    basedOnVersion: version,
    changeRequest,
    content: agreementContentSchema,
    occurredAt: instantSchema,
  }),
});

export const AgreementSuspended = defineEvent({
  type: 'AgreementSuspended',
  schemaVersion: 1,
  schema: z.strictObject({ agreementId: slugSchema, reason: z.string().trim().min(1), occurredAt: instantSchema }),
});

export const AgreementResumed = defineEvent({
  type: 'AgreementResumed',
  schemaVersion: 1,
  schema: z.strictObject({ agreementId: slugSchema, occurredAt: instantSchema }),
});

export const AgreementTerminationNoticeGiven = defineEvent({
  type: 'AgreementTerminationNoticeGiven',
  schemaVersion: 1,
  schema: z.strictObject({
    agreementId: slugSchema,
    givenBy: partyRole,
    reason: z.string().trim().min(1),
    terminatesAt: instantSchema,
    /** Both parties' written agreement to a notice shorter than 30 days. */
    shortNoticeAgreement: z
      .strictObject({ provider: signatory, counterparty: signatory, reason: z.string().trim().min(1) })
      .nullable(),
    occurredAt: instantSchema,
  }),
});

export const AgreementRenewed = defineEvent({
  type: 'AgreementRenewed',
  schemaVersion: 1,
  schema: z.strictObject({ agreementId: slugSchema, expiresAt: instantSchema, occurredAt: instantSchema }),
});

export const AgreementExpired = defineEvent({
  type: 'AgreementExpired',
  schemaVersion: 1,
  schema: z.strictObject({ agreementId: slugSchema, occurredAt: instantSchema }),
});

export const agreementEventDefinitions = [
  AgreementDrafted,
  AgreementDraftRevised,
  AgreementVersionSubmitted,
  AgreementVersionSigned,
  AgreementVersionApproved,
  AgreementAmendmentDrafted,
  AgreementSuspended,
  AgreementResumed,
  AgreementTerminationNoticeGiven,
  AgreementRenewed,
  AgreementExpired,
];

export type AgreementEvent =
  | DomainEvent<'AgreementDrafted', EventDataOf<typeof AgreementDrafted>>
  | DomainEvent<'AgreementDraftRevised', EventDataOf<typeof AgreementDraftRevised>>
  | DomainEvent<'AgreementVersionSubmitted', EventDataOf<typeof AgreementVersionSubmitted>>
  | DomainEvent<'AgreementVersionSigned', EventDataOf<typeof AgreementVersionSigned>>
  | DomainEvent<'AgreementVersionApproved', EventDataOf<typeof AgreementVersionApproved>>
  | DomainEvent<'AgreementAmendmentDrafted', EventDataOf<typeof AgreementAmendmentDrafted>>
  | DomainEvent<'AgreementSuspended', EventDataOf<typeof AgreementSuspended>>
  | DomainEvent<'AgreementResumed', EventDataOf<typeof AgreementResumed>>
  | DomainEvent<'AgreementTerminationNoticeGiven', EventDataOf<typeof AgreementTerminationNoticeGiven>>
  | DomainEvent<'AgreementRenewed', EventDataOf<typeof AgreementRenewed>>
  | DomainEvent<'AgreementExpired', EventDataOf<typeof AgreementExpired>>;

export const agreementStreamName = (agreementId: string) => streamName('agreement', agreementId);
