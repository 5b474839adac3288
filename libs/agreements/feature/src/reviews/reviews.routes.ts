import { instantSchema, slugSchema } from '@sla/event-sourcing';
import { z } from 'zod';
import { defineRoute, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';
import {
  approvePlanRoute,
  closePlanRoute,
  detailPlanRoute,
  getPlanRoute,
  listPlansRoute,
  recordPlanProgressRoute,
  reviewPlanEffectivenessRoute,
} from '../improvement-plans/improvement-plans.routes';
import { governanceFact } from '../agreement.schemas';
import { holdBody, scheduleBody } from '../agreement-bodies.schemas';

export { holdBody, scheduleBody };

export const reviewsQuery = z.strictObject({
  agreementId: slugSchema.optional(),
  kind: z.string().min(1).max(100).optional(),
  status: z.enum(['scheduled', 'held']).optional(),
  ...pageQueryShape,
});

export const annualDueQuery = z.strictObject({ at: instantSchema.optional(), ...pageQueryShape });

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

export const reviewChanged = z.object({
  reviewId: z.string(),
  streamRevision: z.string(),
  followUps: z.array(z.object({ decisionId: z.string(), opened: z.string().nullable(), error: z.string().nullable() })),
});

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
  responses: {
    200: {
      description: 'held, with the follow-ups its decisions open (carried out just after)',
      schema: reviewChanged,
    },
    ...writeErrors,
  },
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

/** Every review and improvement plan route, in the order of the OpenAPI document. */
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
