import { instantSchema } from '@sla/event-sourcing';
import { z } from 'zod';
import { agreementKindSchema } from '@sla/agreements-domain';
import { access } from '@sla/access-control';
import { defineRoute, pageQueryShape, pageSchema, versionParameter, writeErrors } from '@sla/nest-platform';
import { underpinningGap } from '../agreement.schemas';

export const inForceQuery = z.strictObject({ at: instantSchema });

export const diffQuery = z.strictObject({ from: versionParameter, to: versionParameter });

export const listAgreementsQuery = z.strictObject({
  kind: z.enum(['SLA', 'OLA', 'UC']).optional(),
  status: z.enum(['drafting', 'in-effect', 'suspended', 'terminating', 'expired']).optional(),
  counterparty: z.string().min(1).max(300).optional().describe("the counterparty's name"),
  ...pageQueryShape,
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

export const agreementQueryRoutes = [
  listAgreementsRoute,
  getAgreementRoute,
  agreementHistoryRoute,
  diffVersionsRoute,
  versionInForceRoute,
];
