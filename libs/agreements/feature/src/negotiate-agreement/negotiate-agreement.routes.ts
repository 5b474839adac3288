import { instantSchema, slugSchema } from '@sla/event-sourcing';
import { z } from 'zod';
import { agreementContentSchema, agreementKindSchema, partySchema } from '@sla/agreements-domain';
import { access } from '@sla/access-control';
import { defineRoute, writeErrors } from '@sla/nest-platform';
import { signatory, changed, underpinningGap } from '../agreement.schemas';

export const draftBody = z
  .strictObject({
    agreementId: slugSchema,
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
        effectiveFrom: instantSchema,
        expiresAt: instantSchema.optional(),
      })
      .optional(),
    occurredAt: instantSchema.optional(),
  })
  .refine((body) => (body.content === undefined) !== (body.template === undefined), {
    message: 'give either content or template',
    path: ['content'],
  });

export const reviseBody = z.strictObject({
  content: agreementContentSchema,
  note: z.string().max(2_000).default(''),
  occurredAt: instantSchema.optional(),
});

export const submitBody = z.strictObject({ occurredAt: instantSchema.optional() });

export const signBody = z.strictObject({
  party: z.enum(['provider', 'counterparty']),
  signatory,
  riskAcceptance: z.strictObject({ reason: z.string().trim().min(1) }).optional(),
  occurredAt: instantSchema.optional(),
});

export const amendBody = z.strictObject({
  changeRequest: z.string().trim().min(1).max(100),
  content: agreementContentSchema,
  occurredAt: instantSchema.optional(),
});

// The gaps in the shape a signature without risk acceptance is refused with (422, error.details).
export const submitted = changed.extend({ underpinningGaps: z.array(underpinningGap) });

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

export const negotiationRoutes = [
  draftAgreementRoute,
  reviseDraftRoute,
  submitVersionRoute,
  signVersionRoute,
  draftAmendmentRoute,
];
