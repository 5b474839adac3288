import { z } from 'zod';
import { reviewHeldSchema, reviewScheduledSchema } from '@sla/agreements-domain';
import { defineRoute, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';

export const instant = z.iso.datetime({ offset: true });

export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2-63 characters');

export const scheduleBody = reviewScheduledSchema.omit({ occurredAt: true }).extend({ occurredAt: instant.optional() });

export const holdBody = reviewHeldSchema
  .omit({ reviewId: true, occurredAt: true })
  .extend({ occurredAt: instant.optional() });

export const detailBody = z.strictObject({
  approach: z.string().trim().min(1),
  owner: z.string().trim().min(1),
  dueAt: instant,
  resources: z.string().default(''),
  occurredAt: instant.optional(),
});

export const approvalBody = z.strictObject({ occurredAt: instant.optional() });

export const progressBody = z.strictObject({
  note: z.string().trim().min(1),
  percentComplete: z.number().int().min(0).max(100),
  occurredAt: instant.optional(),
});

export const effectivenessBody = z.strictObject({
  effective: z.boolean(),
  evidence: z.string().trim().min(1),
  occurredAt: instant.optional(),
});

export const closureBody = z.strictObject({ outcome: z.string().trim().min(1), occurredAt: instant.optional() });

export const reviewsQuery = z.strictObject({
  agreementId: id.optional(),
  kind: z.string().min(1).max(100).optional(),
  status: z.enum(['scheduled', 'held']).optional(),
  ...pageQueryShape,
});

export const plansQuery = z.strictObject({
  agreementId: id.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  phase: z.string().min(1).max(100).optional(),
  ...pageQueryShape,
});

export const annualDueQuery = z.strictObject({ at: instant.optional(), ...pageQueryShape });

/** Each fact of the record: when it happened (occurredAt, may be back-dated) and when it was entered (recordedAt). */
export const governanceFact = z.object({
  event: z.string(),
  actor: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
});

export const reviewView = z.object({
  reviewId: z.string(),
  kind: z.string(),
  agreementIds: z.array(z.string()),
  periodFrom: z.string(),
  periodTo: z.string(),
  scheduledFor: z.string(),
  status: z.enum(['scheduled', 'held']),
  heldAt: z.string().nullable(),
  attendees: z.unknown(),
  minutes: z.string().nullable(),
  decisions: z.unknown(),
  recordedBy: z.string(),
  facts: z.array(governanceFact),
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

export const reviewChanged = z.object({
  reviewId: z.string(),
  streamRevision: z.string(),
  followUps: z.array(z.object({ decisionId: z.string(), opened: z.string().nullable(), error: z.string().nullable() })),
});

export const planChanged = z.object({ planId: z.string(), streamRevision: z.string() });

export const scheduleReviewRoute = defineRoute({
  method: 'post',
  path: '/reviews',
  tag: 'reviews',
  access: access.change,
  status: 201,
  summary: 'Schedule a review meeting',
  body: scheduleBody,
  responses: { 201: { description: 'scheduled', schema: reviewChanged }, ...writeErrors },
});

export const holdReviewRoute = defineRoute({
  method: 'post',
  path: '/reviews/{reviewId}/minutes',
  tag: 'reviews',
  access: access.change,
  status: 200,
  summary: 'Record the meeting: attendees, minutes, decisions (opens improvement plans and amendment drafts)',
  body: holdBody,
  ifMatch: true,
  responses: { 200: { description: 'held, with the follow-ups carried out', schema: reviewChanged }, ...writeErrors },
});

export const listReviewsRoute = defineRoute({
  method: 'get',
  path: '/reviews',
  tag: 'reviews',
  access: access.staffRead,
  status: 200,
  summary: 'Reviews by scheduled time, optionally of one agreement, kind or status',
  query: reviewsQuery,
  responses: { 200: { description: 'a page of reviews', schema: pageSchema(reviewView) }, 400: writeErrors[400] },
});

export const getReviewRoute = defineRoute({
  method: 'get',
  path: '/reviews/{reviewId}',
  tag: 'reviews',
  access: access.staffRead,
  status: 200,
  summary: 'One review',
  responses: { 200: { description: 'the review', schema: reviewView }, 400: writeErrors[400], 404: writeErrors[404] },
});

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

export const annualReviewsDueRoute = defineRoute({
  method: 'get',
  path: '/annual-reviews-due',
  tag: 'reviews',
  access: access.staffRead,
  status: 200,
  summary: 'SLAs and UCs whose annual review is due (none held in the last 12 months)',
  query: annualDueQuery,
  responses: {
    200: {
      description: 'agreements due for review',
      schema: pageSchema(
        z.object({
          agreementId: z.string(),
          kind: z.string(),
          title: z.string(),
          lastAnnualReviewAt: z.string().nullable(),
          dueAt: z.string(),
        }),
      ),
    },
    400: writeErrors[400],
  },
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

export const reviewRoutes = [
  scheduleReviewRoute,
  holdReviewRoute,
  listReviewsRoute,
  getReviewRoute,
  detailPlanRoute,
  approvePlanRoute,
  recordPlanProgressRoute,
  reviewPlanEffectivenessRoute,
  closePlanRoute,
  annualReviewsDueRoute,
  listPlansRoute,
  getPlanRoute,
];
