import { instantSchema } from '@sla/event-sourcing';
import { z } from 'zod';
import { access } from '@sla/access-control';
import { defineRoute, writeErrors } from '@sla/nest-platform';
import { signatory, changed } from '../agreement.schemas';

export const reasonBody = z.strictObject({ reason: z.string().trim().min(1), occurredAt: instantSchema.optional() });

export const plainBody = z.strictObject({ occurredAt: instantSchema.optional() });

export const terminationBody = z.strictObject({
  givenBy: z.enum(['provider', 'counterparty']),
  reason: z.string().trim().min(1),
  terminatesAt: instantSchema,
  shortNoticeAgreement: z
    .strictObject({ provider: signatory, counterparty: signatory, reason: z.string().trim().min(1) })
    .optional(),
  occurredAt: instantSchema.optional(),
});

export const renewBody = z.strictObject({ expiresAt: instantSchema, occurredAt: instantSchema.optional() });

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

export const lifecycleRoutes = [
  suspendAgreementRoute,
  resumeAgreementRoute,
  giveTerminationNoticeRoute,
  renewAgreementRoute,
  expireAgreementRoute,
];
