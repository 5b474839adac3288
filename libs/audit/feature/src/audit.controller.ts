import { Controller, Get, Module, Param, Query as QueryParameters } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { TicketClockInputs } from '@sla/compliance-read-models';
import {
  ZodValidationPipe,
  pageQueryShape,
  pageSchema,
  positiveIntegerParameter,
  writeErrors,
  type RouteDocumentation,
} from '@sla/nest-platform';
import {
  ReplayAgreementHandler,
  ReplayAgreementQuery,
  ReplayTicketClockHandler,
  ReplayTicketClockQuery,
} from './replays.queries';
import {
  GetConsistencyProofHandler,
  GetConsistencyProofQuery,
  GetInclusionProofHandler,
  GetInclusionProofQuery,
  ListTreeHeadsHandler,
  ListTreeHeadsQuery,
} from './audit-proofs.queries';

// Far above any log this product will hold, and exact as a JavaScript number.
const treeSize = positiveIntegerParameter(1_000_000_000_000);
const inclusionQuery = z.strictObject({ treeSize: treeSize.optional() });
const consistencyQuery = z.strictObject({ from: treeSize, to: treeSize });
const treeHeadsQuery = z.strictObject({
  minTreeSize: treeSize.optional(),
  maxTreeSize: treeSize.optional(),
  ...pageQueryShape,
});

/** Evidence an auditor can check without trusting the database: signed tree heads and RFC 9162 proofs. */
@Controller('audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('tree-heads')
  treeHeads(@QueryParameters(new ZodValidationPipe(treeHeadsQuery, 'query')) query: z.infer<typeof treeHeadsQuery>) {
    return this.queries.execute(
      new ListTreeHeadsQuery(
        { limit: query.limit, cursor: query.cursor },
        { min: query.minTreeSize, max: query.maxTreeSize },
      ),
    );
  }

  @Get('events/:eventId/inclusion-proof')
  inclusion(
    @Param('eventId', new ZodValidationPipe(z.uuid(), 'path')) eventId: string,
    @QueryParameters(new ZodValidationPipe(inclusionQuery, 'query')) query: z.infer<typeof inclusionQuery>,
  ) {
    return this.queries.execute(new GetInclusionProofQuery(eventId, query.treeSize));
  }

  @Get('agreements/:agreementId/replay')
  agreementReplay(
    @Param(
      'agreementId',
      new ZodValidationPipe(z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'not an agreement id'), 'path'),
    )
    agreementId: string,
  ) {
    return this.queries.execute(new ReplayAgreementQuery(agreementId));
  }

  @Get('tickets/:ticketId/clock-replay')
  ticketClockReplay(
    @Param(
      'ticketId',
      new ZodValidationPipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'not a ticket id'), 'path'),
    )
    ticketId: string,
  ) {
    return this.queries.execute(new ReplayTicketClockQuery(ticketId));
  }

  @Get('consistency-proof')
  consistency(
    @QueryParameters(new ZodValidationPipe(consistencyQuery, 'query')) query: z.infer<typeof consistencyQuery>,
  ) {
    return this.queries.execute(new GetConsistencyProofQuery(query.from, query.to));
  }
}

/** Needs READ_STORE from the composition root. */
@Module({
  controllers: [AuditController],
  providers: [
    ListTreeHeadsHandler,
    GetInclusionProofHandler,
    GetConsistencyProofHandler,
    ReplayAgreementHandler,
    ReplayTicketClockHandler,
    TicketClockInputs,
  ],
})
export class AuditModule {}

const head = z.object({
  treeSize: z.number(),
  rootHash: z.string(),
  signedAt: z.string(),
  keyId: z.string(),
  signature: z.string(),
});
const errors = { 400: writeErrors[400], 404: writeErrors[404], 422: writeErrors[422] };

const provenance = {
  revision: z.number(),
  eventId: z.string(),
  type: z.string(),
  occurredAt: z.string().nullable(),
  recordedAt: z.string(),
  actor: z.string(),
  correlationId: z.string(),
};

export const auditRoutes: RouteDocumentation[] = [
  {
    method: 'get',
    path: '/audit/agreements/{agreementId}/replay',
    tag: 'audit',
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
  },
  {
    method: 'get',
    path: '/audit/tickets/{ticketId}/clock-replay',
    tag: 'audit',
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
  },
  {
    method: 'get',
    path: '/audit/tree-heads',
    tag: 'audit',
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
  },
  {
    method: 'get',
    path: '/audit/events/{eventId}/inclusion-proof',
    tag: 'audit',
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
  },
  {
    method: 'get',
    path: '/audit/consistency-proof',
    tag: 'audit',
    summary: 'RFC 9162 consistency proof between two signed heads: the earlier log is a prefix of the later one',
    query: consistencyQuery,
    responses: {
      200: { description: 'the proof', schema: z.object({ first: head, second: head, proof: z.array(z.string()) }) },
      ...errors,
    },
  },
];
