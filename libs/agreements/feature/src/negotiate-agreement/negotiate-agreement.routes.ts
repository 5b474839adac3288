import { z } from 'zod';
import { access } from '@sla/access-control';
import { defineRoute, writeErrors } from '@sla/nest-platform';
import { changed, underpinningGap } from '../agreement.schemas';
import { amendBody, draftBody, reviseBody, signBody, submitBody } from '../agreement-bodies.schemas';

export { amendBody, draftBody, reviseBody, signBody, submitBody };

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

export const underpinningGapsPreviewRoute = defineRoute({
  method: 'get',
  path: '/agreements/{agreementId}/versions/{version}/underpinning-gaps',
  tag: 'agreements',
  access: access.staffRead,
  status: 200,
  summary: "The underpinning gaps a submission of this version would record now (read-only; a draft's preview)",
  responses: {
    200: {
      description: "the version's gaps against the OLAs and UCs approved now; none for an OLA or UC",
      schema: z.object({
        agreementId: z.string(),
        version: z.number(),
        versionStatus: z.enum(['draft', 'submitted', 'approved']),
        underpinningGaps: z.array(underpinningGap),
      }),
    },
    400: writeErrors[400],
    404: writeErrors[404],
  },
});

export const negotiationRoutes = [
  draftAgreementRoute,
  reviseDraftRoute,
  submitVersionRoute,
  signVersionRoute,
  draftAmendmentRoute,
  underpinningGapsPreviewRoute,
];
