import { z } from 'zod';
import { defineRoute, pageQueryShape, pageSchema, positiveIntegerParameter, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';
import { evidenceBundleRoute } from './evidence/evidence-bundle.routes';

// Far above any log this product will hold, and exact as a JavaScript number.
const treeSize = positiveIntegerParameter(1_000_000_000_000);

export const inclusionQuery = z.strictObject({ treeSize: treeSize.optional() });

export const consistencyQuery = z.strictObject({ from: treeSize, to: treeSize });

export const treeHeadsQuery = z.strictObject({
  minTreeSize: treeSize.optional(),
  maxTreeSize: treeSize.optional(),
  ...pageQueryShape,
});

export const head = z.object({
  treeSize: z.number(),
  rootHash: z.string(),
  signedAt: z.string(),
  keyId: z.string(),
  signature: z.string(),
});

export const errors = { 400: writeErrors[400], 404: writeErrors[404], 422: writeErrors[422] };

export const provenance = {
  revision: z.number(),
  eventId: z.string(),
  type: z.string(),
  occurredAt: z.string().nullable(),
  recordedAt: z.string(),
  actor: z.string(),
  correlationId: z.string(),
};

export const agreementReplayRoute = defineRoute({
  method: 'get',
  path: '/audit/agreements/{agreementId}/replay',
  tag: 'audit',
  access: access.audit,
  status: 200,
  summary: "The agreement's state after each of its events: versions, signatures, approvals, change requests, actors",
  responses: {
    200: {
      description: 'one step per event',
      schema: z.array(
        z.object({
          ...provenance,
          changeRequest: z.string().nullable(),
          state: z
            .object({
              kind: z.string(),
              versions: z.array(
                z.object({
                  version: z.number(),
                  status: z.string(),
                  changeRequest: z.string().nullable(),
                  effectiveFrom: z.string(),
                  signedBy: z.array(z.string()),
                  approvedAt: z.string().nullable(),
                }),
              ),
              suspended: z.boolean(),
              terminatesAt: z.string().nullable(),
              expiresAt: z.string().nullable(),
              expired: z.boolean(),
            })
            .nullable(),
        }),
      ),
    },
    ...errors,
  },
});

export const ticketClockReplayRoute = defineRoute({
  method: 'get',
  path: '/audit/tickets/{ticketId}/clock-replay',
  tag: 'audit',
  access: access.audit,
  status: 200,
  summary:
    'Why a ticket is breached, fact by fact: its clocks after each fact in event-time order, under the version in force when it opened',
  responses: {
    200: {
      description: 'one step per clock fact',
      schema: z.array(
        z.object({
          ...provenance,
          clocks: z.array(
            z.object({
              agreementId: z.string(),
              version: z.number(),
              metric: z.string(),
              state: z.string(),
              priority: z.string().nullable(),
              elapsedMs: z.number(),
              remainingMs: z.number().nullable(),
              dueAt: z.string().nullable(),
              breachedAt: z.string().nullable(),
              stoppedAt: z.string().nullable(),
            }),
          ),
        }),
      ),
    },
    ...errors,
  },
});

export const treeHeadsRoute = defineRoute({
  method: 'get',
  path: '/audit/tree-heads',
  tag: 'audit',
  access: access.audit,
  status: 200,
  summary:
    'Signed tree heads of the audit Merkle tree (latest first, a page at a time) and the public keys that signed them',
  query: treeHeadsQuery,
  responses: {
    200: {
      description: 'a page of heads, and every key',
      schema: pageSchema(head).extend({ keys: z.array(z.object({ keyId: z.string(), publicKeyPem: z.string() })) }),
    },
    400: writeErrors[400],
  },
});

export const inclusionRoute = defineRoute({
  method: 'get',
  path: '/audit/events/{eventId}/inclusion-proof',
  tag: 'audit',
  access: access.audit,
  status: 200,
  summary: 'RFC 9162 inclusion proof of one event up to a signed head (the latest by default)',
  query: inclusionQuery,
  responses: {
    200: {
      description: 'the proof',
      schema: z.object({
        eventId: z.string(),
        leafIndex: z.number(),
        leafHash: z.string(),
        treeHead: head,
        proof: z.array(z.string()),
      }),
    },
    ...errors,
  },
});

export const consistencyRoute = defineRoute({
  method: 'get',
  path: '/audit/consistency-proof',
  tag: 'audit',
  access: access.audit,
  status: 200,
  summary: 'RFC 9162 consistency proof between two signed heads: the earlier log is a prefix of the later one',
  query: consistencyQuery,
  responses: {
    200: { description: 'the proof', schema: z.object({ first: head, second: head, proof: z.array(z.string()) }) },
    ...errors,
  },
});

export const auditRoutes = [
  agreementReplayRoute,
  ticketClockReplayRoute,
  treeHeadsRoute,
  inclusionRoute,
  consistencyRoute,
  evidenceBundleRoute,
];
