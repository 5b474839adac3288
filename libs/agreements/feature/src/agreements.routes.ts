import { z } from 'zod';
import { agreementContentSchema, agreementKindSchema, partySchema } from '@sla/agreements-domain';
import { access } from '@sla/access-control';
import { defineRoute, pageQueryShape, pageSchema, versionParameter, writeErrors } from '@sla/nest-platform';

export const instant = z.iso.datetime({ offset: true });

export const agreementIdParameter = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'not an agreement id');

export const signatory = z.strictObject({ name: z.string().trim().min(1), title: z.string().trim().min(1) });

export const draftBody = z
  .strictObject({
    agreementId: agreementIdParameter,
    kind: agreementKindSchema,
    provider: partySchema,
    counterparty: partySchema,
    content: agreementContentSchema.optional(),
    /** Start from a shipped template instead of full content. */
    template: z
      .strictObject({
        title: z.string().trim().min(1),
        services: z.array(z.string().min(1)).min(1),
        tier: z.enum(['basic', 'standard', 'advanced', 'exceptional']),
        calendars: z.strictObject({ roundTheClock: z.string().min(1), businessHours: z.string().min(1) }),
        effectiveFrom: instant,
        expiresAt: instant.optional(),
      })
      .optional(),
    occurredAt: instant.optional(),
  })
  .refine((body) => (body.content === undefined) !== (body.template === undefined), {
    message: 'give either content or template',
    path: ['content'],
  });

export const reviseBody = z.strictObject({
  content: agreementContentSchema,
  note: z.string().max(2_000).default(''),
  occurredAt: instant.optional(),
});

export const submitBody = z.strictObject({ occurredAt: instant.optional() });

export const signBody = z.strictObject({
  party: z.enum(['provider', 'counterparty']),
  signatory,
  riskAcceptance: z.strictObject({ reason: z.string().trim().min(1) }).optional(),
  occurredAt: instant.optional(),
});

export const amendBody = z.strictObject({
  changeRequest: z.string().trim().min(1).max(100),
  content: agreementContentSchema,
  occurredAt: instant.optional(),
});

export const reasonBody = z.strictObject({ reason: z.string().trim().min(1), occurredAt: instant.optional() });

export const plainBody = z.strictObject({ occurredAt: instant.optional() });

export const terminationBody = z.strictObject({
  givenBy: z.enum(['provider', 'counterparty']),
  reason: z.string().trim().min(1),
  terminatesAt: instant,
  shortNoticeAgreement: z
    .strictObject({ provider: signatory, counterparty: signatory, reason: z.string().trim().min(1) })
    .optional(),
  occurredAt: instant.optional(),
});

export const renewBody = z.strictObject({ expiresAt: instant, occurredAt: instant.optional() });

export const inForceQuery = z.strictObject({ at: instant });

export const diffQuery = z.strictObject({ from: versionParameter, to: versionParameter });

export const listAgreementsQuery = z.strictObject({
  kind: z.enum(['SLA', 'OLA', 'UC']).optional(),
  status: z.enum(['drafting', 'in-effect', 'suspended', 'terminating', 'expired']).optional(),
  counterparty: z.string().min(1).max(300).optional().describe("the counterparty's name"),
  ...pageQueryShape,
});

export const changed = z.object({ agreementId: z.string(), streamRevision: z.string(), events: z.array(z.string()) });

export const underpinningGap = z.object({
  metric: z.string(),
  serviceId: z.string(),
  priority: z.string().nullable(),
  problem: z.string(),
  supportingAgreementId: z.string().nullable(),
  detail: z.string(),
});

export const agreementView = z.object({
  agreementId: z.string(),
  kind: agreementKindSchema,
  title: z.string(),
  provider: z.unknown(),
  counterparty: z.unknown(),
  status: z.enum(['drafting', 'in-effect', 'suspended', 'terminating', 'expired']),
  approvedVersion: z.number().nullable(),
  latestVersion: z.number(),
  terminatesAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revision: z.number(),
});

export const versionView = z.object({
  version: z.number(),
  status: z.enum(['draft', 'submitted', 'approved']),
  changeRequest: z.string().nullable(),
  basedOnVersion: z.number().nullable(),
  content: z.unknown(),
  signatures: z.array(
    z.object({
      party: z.string(),
      signatory: z.object({ name: z.string(), title: z.string() }),
      /** When the signature was given (may be back-dated) and when it was entered. */
      signedAt: z.string(),
      recordedAt: z.string(),
      actor: z.string(),
      riskAcceptance: z.unknown(),
    }),
  ),
  underpinningGaps: z.array(underpinningGap),
  draftedAt: z.string(),
  draftedRecordedAt: z.string().nullable(),
  draftedBy: z.string(),
  approvedAt: z.string().nullable(),
  approvedRecordedAt: z.string().nullable(),
});

export const historyEntry = z.object({
  revision: z.number(),
  event: z.string(),
  version: z.number().nullable(),
  actor: z.string(),
  correlationId: z.string(),
  changeRequest: z.string().nullable(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  summary: z.string(),
});

// The gaps in the shape a signature without risk acceptance is refused with (422, error.details).
const submitted = changed.extend({ underpinningGaps: z.array(underpinningGap) });

export const draftAgreementRoute = defineRoute({
  method: 'post',
  path: '/agreements',
  tag: 'agreements',
  access: access.change,
  status: 201,
  summary: 'Draft an SLA, OLA or UC (full content or a shipped template)',
  body: draftBody,
  responses: { 201: { description: 'accepted: the events recorded', schema: changed }, ...writeErrors },
});

export const reviseDraftRoute = defineRoute({
  method: 'post',
  path: '/agreements/{agreementId}/versions/{version}/revisions',
  tag: 'agreements',
  access: access.change,
  status: 200,
  summary: 'Revise a draft or submitted version during negotiation',
  body: reviseBody,
  ifMatch: true,
  responses: { 200: { description: 'accepted: the events recorded', schema: changed }, ...writeErrors },
});

export const submitVersionRoute = defineRoute({
  method: 'post',
  path: '/agreements/{agreementId}/versions/{version}/submission',
  tag: 'agreements',
  access: access.change,
  status: 200,
  summary: 'Submit a version for approval (records the underpinning gaps and answers with them)',
  body: submitBody,
  ifMatch: true,
  responses: { 200: { description: 'accepted: the events recorded', schema: submitted }, ...writeErrors },
});

export const signVersionRoute = defineRoute({
  method: 'post',
  path: '/agreements/{agreementId}/versions/{version}/signatures',
  tag: 'agreements',
  access: access.signature,
  status: 200,
  summary: 'Sign for one party; both signatures approve the version',
  body: signBody,
  ifMatch: true,
  responses: { 200: { description: 'accepted: the events recorded', schema: changed }, ...writeErrors },
});

export const draftAmendmentRoute = defineRoute({
  method: 'post',
  path: '/agreements/{agreementId}/amendments',
  tag: 'agreements',
  access: access.change,
  status: 201,
  summary: 'Draft an amendment under a change request',
  body: amendBody,
  ifMatch: true,
  responses: { 201: { description: 'accepted: the events recorded', schema: changed }, ...writeErrors },
});

export const suspendAgreementRoute = defineRoute({
  method: 'post',
  path: '/agreements/{agreementId}/suspension',
  tag: 'agreements',
  access: access.change,
  status: 200,
  summary: 'Suspend an agreement in effect',
  body: reasonBody,
  ifMatch: true,
  responses: { 200: { description: 'accepted: the events recorded', schema: changed }, ...writeErrors },
});

export const resumeAgreementRoute = defineRoute({
  method: 'post',
  path: '/agreements/{agreementId}/resumption',
  tag: 'agreements',
  access: access.change,
  status: 200,
  summary: 'Resume a suspended agreement',
  body: plainBody,
  ifMatch: true,
  responses: { 200: { description: 'accepted: the events recorded', schema: changed }, ...writeErrors },
});

export const giveTerminationNoticeRoute = defineRoute({
  method: 'post',
  path: '/agreements/{agreementId}/termination-notice',
  tag: 'agreements',
  access: access.change,
  status: 200,
  summary: 'Give termination notice (at least 30 days unless both parties agree)',
  body: terminationBody,
  ifMatch: true,
  responses: { 200: { description: 'accepted: the events recorded', schema: changed }, ...writeErrors },
});

export const renewAgreementRoute = defineRoute({
  method: 'post',
  path: '/agreements/{agreementId}/renewal',
  tag: 'agreements',
  access: access.change,
  status: 200,
  summary: 'Renew to a later expiry',
  body: renewBody,
  ifMatch: true,
  responses: { 200: { description: 'accepted: the events recorded', schema: changed }, ...writeErrors },
});

export const expireAgreementRoute = defineRoute({
  method: 'post',
  path: '/agreements/{agreementId}/expiry',
  tag: 'agreements',
  access: access.change,
  status: 200,
  summary: 'Record that the agreement expired',
  body: plainBody,
  ifMatch: true,
  responses: { 200: { description: 'accepted: the events recorded', schema: changed }, ...writeErrors },
});

export const listAgreementsRoute = defineRoute({
  method: 'get',
  path: '/agreements',
  tag: 'agreements',
  access: access.staffRead,
  status: 200,
  summary: 'List agreements by id, optionally of one kind, status or counterparty',
  query: listAgreementsQuery,
  responses: {
    200: { description: 'a page of agreements', schema: pageSchema(agreementView) },
    400: writeErrors[400],
  },
});

export const getAgreementRoute = defineRoute({
  method: 'get',
  path: '/agreements/{agreementId}',
  tag: 'agreements',
  access: access.agreementRead,
  status: 200,
  summary: 'An agreement with its versions (ETag = revision)',
  responses: {
    200: { description: 'the agreement', schema: agreementView.extend({ versions: z.array(versionView) }) },
    400: writeErrors[400],
    404: writeErrors[404],
  },
});

export const agreementHistoryRoute = defineRoute({
  method: 'get',
  path: '/agreements/{agreementId}/history',
  tag: 'agreements',
  access: access.agreementRead,
  status: 200,
  summary: 'Who did what, when, under which change request',
  responses: { 200: { description: 'history', schema: z.array(historyEntry) }, 400: writeErrors[400] },
});

export const diffVersionsRoute = defineRoute({
  method: 'get',
  path: '/agreements/{agreementId}/diff',
  tag: 'agreements',
  access: access.agreementRead,
  status: 200,
  summary: 'Field-by-field changes between two versions',
  query: diffQuery,
  responses: {
    200: {
      description: 'the changes',
      schema: z.object({
        agreementId: z.string(),
        from: z.number(),
        to: z.number(),
        changeRequest: z.string().nullable(),
        changes: z.array(
          z.object({
            path: z.string(),
            change: z.enum(['added', 'removed', 'changed']),
            before: z.unknown().optional(),
            after: z.unknown().optional(),
          }),
        ),
      }),
    },
    400: writeErrors[400],
    404: writeErrors[404],
  },
});

export const versionInForceRoute = defineRoute({
  method: 'get',
  path: '/agreements/{agreementId}/in-force',
  tag: 'agreements',
  access: access.agreementRead,
  status: 200,
  summary: 'The version in force at an instant',
  query: inForceQuery,
  responses: {
    200: {
      description: 'the version, or null',
      schema: z.object({
        agreementId: z.string(),
        at: z.string(),
        inForce: z
          .object({
            version: z.number(),
            content: z.unknown(),
            changeRequest: z.string().nullable(),
            suspended: z.boolean(),
          })
          .nullable(),
      }),
    },
    400: writeErrors[400],
    404: writeErrors[404],
  },
});

export const agreementRoutes = [
  draftAgreementRoute,
  reviseDraftRoute,
  submitVersionRoute,
  signVersionRoute,
  draftAmendmentRoute,
  suspendAgreementRoute,
  resumeAgreementRoute,
  giveTerminationNoticeRoute,
  renewAgreementRoute,
  expireAgreementRoute,
  listAgreementsRoute,
  getAgreementRoute,
  agreementHistoryRoute,
  diffVersionsRoute,
  versionInForceRoute,
];
