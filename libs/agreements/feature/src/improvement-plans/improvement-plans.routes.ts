import { slugSchema } from '@sla/event-sourcing';
import { z } from 'zod';
import { defineRoute, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';
import { governanceFact } from '../agreement.schemas';
import { approvalBody, closureBody, detailBody, effectivenessBody, progressBody } from '../agreement-bodies.schemas';

export { approvalBody, closureBody, detailBody, effectivenessBody, progressBody };

export const plansQuery = z.strictObject({
  agreementId: slugSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  phase: z.string().min(1).max(100).optional(),
  ...pageQueryShape,
});

export const planView = z.object({
  planId: z.string(),
  agreementId: z.string(),
  reviewId: z.string(),
  decisionId: z.string(),
  item: z.string(),
  requirement: z.string(),
  approach: z.string().nullable(),
  owner: z.string().nullable(),
  dueAt: z.string().nullable(),
  resources: z.string().nullable(),
  phase: z.string(),
  approvedBy: z.string().nullable(),
  percentComplete: z.number(),
  lastNote: z.string().nullable(),
  effective: z.boolean().nullable(),
  evidence: z.string().nullable(),
  outcome: z.string().nullable(),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
  facts: z.array(governanceFact),
});

export const planChanged = z.object({ planId: z.string(), streamRevision: z.string() });

export const detailPlanRoute = defineRoute({
  method: 'post',
  path: '/improvement-plans/{planId}/details',
  tag: 'reviews',
  access: access.change,
  status: 200,
  summary: 'Plan: approach, owner, due date, resources',
  body: detailBody,
  ifMatch: true,
  responses: { 200: { description: 'recorded', schema: planChanged }, ...writeErrors },
});

export const approvePlanRoute = defineRoute({
  method: 'post',
  path: '/improvement-plans/{planId}/approval',
  tag: 'reviews',
  access: access.change,
  status: 200,
  summary: 'Approve the plan (the approver is the acting user)',
  body: approvalBody,
  ifMatch: true,
  responses: { 200: { description: 'recorded', schema: planChanged }, ...writeErrors },
});

export const recordPlanProgressRoute = defineRoute({
  method: 'post',
  path: '/improvement-plans/{planId}/progress',
  tag: 'reviews',
  access: access.change,
  status: 200,
  summary: 'Do: record progress',
  body: progressBody,
  ifMatch: true,
  responses: { 200: { description: 'recorded', schema: planChanged }, ...writeErrors },
});

export const reviewPlanEffectivenessRoute = defineRoute({
  method: 'post',
  path: '/improvement-plans/{planId}/effectiveness-review',
  tag: 'reviews',
  access: access.change,
  status: 200,
  summary: 'Check: was it effective?',
  body: effectivenessBody,
  ifMatch: true,
  responses: { 200: { description: 'recorded', schema: planChanged }, ...writeErrors },
});

export const closePlanRoute = defineRoute({
  method: 'post',
  path: '/improvement-plans/{planId}/closure',
  tag: 'reviews',
  access: access.change,
  status: 200,
  summary: 'Act: close an effective plan',
  body: closureBody,
  ifMatch: true,
  responses: { 200: { description: 'recorded', schema: planChanged }, ...writeErrors },
});

export const listPlansRoute = defineRoute({
  method: 'get',
  path: '/improvement-plans',
  tag: 'reviews',
  access: access.staffRead,
  status: 200,
  summary: 'Improvement plans; overdue=true lists open plans past their due date',
  query: plansQuery,
  responses: { 200: { description: 'a page of plans', schema: pageSchema(planView) }, 400: writeErrors[400] },
});

export const getPlanRoute = defineRoute({
  method: 'get',
  path: '/improvement-plans/{planId}',
  tag: 'reviews',
  access: access.staffRead,
  status: 200,
  summary: 'One improvement plan',
  responses: { 200: { description: 'the plan', schema: planView }, 400: writeErrors[400], 404: writeErrors[404] },
});
