import { Controller, Get, Module, Param, Query as QueryParameters } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { ZodValidationPipe, writeErrors, type RouteDocumentation } from '@sla/nest-platform';
import { GetConsistencyProofHandler, GetConsistencyProofQuery, GetInclusionProofHandler, GetInclusionProofQuery, ListTreeHeadsHandler, ListTreeHeadsQuery } from './audit-proofs.queries';

const treeSize = z.coerce.number().int().min(1);
const inclusionQuery = z.strictObject({ treeSize: treeSize.optional() });
const consistencyQuery = z.strictObject({ from: treeSize, to: treeSize });

/** Evidence an auditor can check without trusting the database: signed tree heads and RFC 9162 proofs. */
@Controller('audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('tree-heads')
  treeHeads() {
    return this.queries.execute(new ListTreeHeadsQuery());
  }

  @Get('events/:eventId/inclusion-proof')
  inclusion(@Param('eventId', new ZodValidationPipe(z.uuid(), 'path')) eventId: string, @QueryParameters(new ZodValidationPipe(inclusionQuery, 'query')) query: z.infer<typeof inclusionQuery>) {
    return this.queries.execute(new GetInclusionProofQuery(eventId, query.treeSize));
  }

  @Get('consistency-proof')
  consistency(@QueryParameters(new ZodValidationPipe(consistencyQuery, 'query')) query: z.infer<typeof consistencyQuery>) {
    return this.queries.execute(new GetConsistencyProofQuery(query.from, query.to));
  }
}

/** Needs READ_STORE from the composition root. */
@Module({ controllers: [AuditController], providers: [ListTreeHeadsHandler, GetInclusionProofHandler, GetConsistencyProofHandler] })
export class AuditModule {}

const head = z.object({ treeSize: z.number(), rootHash: z.string(), signedAt: z.string(), keyId: z.string(), signature: z.string() });
const errors = { 400: writeErrors[400], 404: writeErrors[404], 422: writeErrors[422] };

export const auditRoutes: RouteDocumentation[] = [
  {
    method: 'get',
    path: '/audit/tree-heads',
    tag: 'audit',
    summary: 'Signed tree heads of the audit Merkle tree (latest first) and the public keys that signed them',
    responses: { 200: { description: 'heads and keys', schema: z.object({ heads: z.array(head), keys: z.array(z.object({ keyId: z.string(), publicKeyPem: z.string() })) }) } },
  },
  {
    method: 'get',
    path: '/audit/events/{eventId}/inclusion-proof',
    tag: 'audit',
    summary: 'RFC 9162 inclusion proof of one event up to a signed head (the latest by default)',
    query: inclusionQuery,
    responses: { 200: { description: 'the proof', schema: z.object({ eventId: z.string(), leafIndex: z.number(), leafHash: z.string(), treeHead: head, proof: z.array(z.string()) }) }, ...errors },
  },
  {
    method: 'get',
    path: '/audit/consistency-proof',
    tag: 'audit',
    summary: 'RFC 9162 consistency proof between two signed heads: the earlier log is a prefix of the later one',
    query: consistencyQuery,
    responses: { 200: { description: 'the proof', schema: z.object({ first: head, second: head, proof: z.array(z.string()) }) }, ...errors },
  },
];
