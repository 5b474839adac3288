import { instantSchema } from '@sla/event-sourcing';
import { z } from 'zod';
import { defineRoute, pageQueryShape, pageSchema, versionParameter, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';
import {
  REPORT_SECTIONS,
  ReportContent,
  reportAgreementIdSchema,
  reportIdSchema,
  reportingPeriodSchema,
  type ReportSection,
} from '@sla/reports-domain';
import { isTimeZone } from '@sla/sla-clock';

export const reportId = reportIdSchema;

/**
 * When the step happened, if not now (entering a past year's reports, the demo). Steps of one report are entered in
 * order and not in the future; the figures are always those known when the request is made, and the event's
 * recorded time stays the store's.
 */
const WHEN = 'when it happened, if not now: in order, not in the future; timeliness is judged at it';

export const generateBody = z.strictObject({
  agreementId: reportAgreementIdSchema,
  period: reportingPeriodSchema,
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone').default('UTC'),
  audience: z.enum(['customer', 'internal']).default('customer'),
  /** The provider's working calendar: a due date on a non-working day moves to its next working day. */
  calendarId: z.string().min(1),
  sections: z
    .array(z.enum(REPORT_SECTIONS as [ReportSection, ...ReportSection[]]))
    .min(1)
    .optional(),
  language: z.enum(['en', 'zh']).optional(),
  trendPeriods: z.number().int().min(2).max(24).optional(),
  /** Without it a period in which no agreement version was in force is refused (422 NO_VERSION_IN_FORCE). */
  acknowledgeNoVersionInForce: z.strictObject({ reason: z.string().trim().min(1).max(2_000) }).optional(),
  occurredAt: instantSchema.optional().describe(WHEN),
});

export const reviewBody = z.strictObject({
  notes: z.string().max(5_000).default(''),
  occurredAt: instantSchema.optional().describe(WHEN),
});

export const reviseBody = z.strictObject({
  reason: z.string().trim().min(1).max(2_000),
  occurredAt: instantSchema.optional().describe(WHEN),
});

/** Approval and publication take nothing but, optionally, when they happened. */
export const occurredAtBody = z.strictObject({ occurredAt: instantSchema.optional().describe(WHEN) });

export const revisionNumber = versionParameter;

export const htmlQuery = z.strictObject({ language: z.enum(['en', 'zh']).default('en') });

export const pdfQuery = z.strictObject({ language: z.enum(['en', 'zh']).optional() });

export const listQuery = z.strictObject({
  status: z.enum(['all', 'unpublished', 'overdue', 'published']).default('all'),
  agreementId: z.string().optional(),
  audience: z.enum(['customer', 'internal']).optional(),
  period: reportingPeriodSchema.optional(),
  ...pageQueryShape,
});

export const compareQuery = z.strictObject({ from: versionParameter, to: versionParameter });

export const recorded = z.object({ reportId: z.string(), streamRevision: z.string(), events: z.array(z.string()) });

export const rowKey = z
  .record(z.string(), z.unknown())
  .describe(
    'what the row is about: a breach by ticketId and metric, a compliance row by serviceId, priority and metric, …',
  );

/** A row added, removed or changed between two revisions, found by its key, never by its position. */
export const contentChange = z.discriminatedUnion('change', [
  z.object({ section: z.string(), key: rowKey, change: z.literal('added'), after: z.unknown() }),
  z.object({ section: z.string(), key: rowKey, change: z.literal('removed'), before: z.unknown() }),
  z.object({
    section: z.string(),
    key: rowKey,
    change: z.literal('changed'),
    fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  }),
]);

export const htmlRoute = defineRoute({
  method: 'get',
  path: '/reports/{reportId}/revisions/{revision}/html',
  tag: 'reports',
  access: access.reportRead,
  status: 200,
  summary: 'One revision as a printable HTML page with charts; labels in English or Chinese (text/html)',
  query: htmlQuery,
  responses: { 200: { description: 'the page (text/html)' }, 400: writeErrors[400], 404: writeErrors[404] },
});

export const breachesCsvRoute = defineRoute({
  method: 'get',
  path: '/reports/{reportId}/revisions/{revision}/breaches.csv',
  tag: 'reports',
  access: access.reportRead,
  status: 200,
  summary:
    'Every breach of one revision as CSV, most severe first, exact UTC instants (text/csv); the PDF shows the head of this list when it is long',
  responses: {
    200: { description: 'the CSV (text/csv, UTF-8 with BOM); the same bytes on every download' },
    400: writeErrors[400],
    404: writeErrors[404],
  },
});

export const pdfRoute = defineRoute({
  method: 'get',
  path: '/reports/{reportId}/revisions/{revision}/pdf',
  tag: 'reports',
  access: access.reportRead,
  status: 200,
  summary:
    "One revision as a paginated PDF with charts; agreement, period, version in force, revision and generation time on every page; in the report's language unless asked (application/pdf)",
  query: pdfQuery,
  responses: {
    200: { description: 'the PDF (application/pdf); the same bytes on every download' },
    400: writeErrors[400],
    404: writeErrors[404],
  },
});

export const compareRoute = defineRoute({
  method: 'get',
  path: '/reports/{reportId}/comparison',
  tag: 'reports',
  access: access.reportRead,
  status: 200,
  summary:
    'What changed between two revisions (from, to): rows added, removed and changed, keyed by what they are about (a breach by ticket and metric), each changed field before and after',
  query: compareQuery,
  responses: {
    200: {
      description: 'the changes',
      schema: z.object({
        reportId: z.string(),
        from: z.object({ revision: z.number(), contentHash: z.string() }),
        to: z.object({ revision: z.number(), contentHash: z.string(), reason: z.string().nullable() }),
        changes: z.array(contentChange),
      }),
    },
    400: writeErrors[400],
    404: writeErrors[404],
  },
});

export const generateRoute = defineRoute({
  method: 'post',
  path: '/reports',
  tag: 'reports',
  access: access.change,
  status: 201,
  summary:
    'Generate revision 1 of a service report from the compliance views; due date by the reporting rules on the provider calendar',
  body: generateBody,
  responses: { 201: { description: 'drafted', schema: recorded }, ...writeErrors },
});

export const reviewRoute = defineRoute({
  method: 'post',
  path: '/reports/{reportId}/review',
  tag: 'reports',
  access: access.change,
  status: 200,
  summary: 'Review the open revision',
  body: reviewBody,
  responses: { 200: { description: 'reviewed', schema: recorded }, ...writeErrors },
});

export const approveRoute = defineRoute({
  method: 'post',
  path: '/reports/{reportId}/approval',
  tag: 'reports',
  access: access.change,
  status: 200,
  summary: 'Approve the reviewed revision (not by its author)',
  body: occurredAtBody,
  responses: { 200: { description: 'approved', schema: recorded }, ...writeErrors },
});

export const publishRoute = defineRoute({
  method: 'post',
  path: '/reports/{reportId}/publication',
  tag: 'reports',
  access: access.change,
  status: 200,
  summary: 'Publish the approved revision: frozen with its content hash; on time or late recorded',
  body: occurredAtBody,
  responses: { 200: { description: 'published', schema: recorded }, ...writeErrors },
});

export const reviseRoute = defineRoute({
  method: 'post',
  path: '/reports/{reportId}/revisions',
  tag: 'reports',
  access: access.change,
  status: 201,
  summary:
    'After publication: a new revision from the figures as known now, with its reason (refused if nothing changed)',
  body: reviseBody,
  responses: { 201: { description: 'drafted', schema: recorded }, ...writeErrors },
});

export const listRoute = defineRoute({
  method: 'get',
  path: '/reports',
  tag: 'reports',
  access: access.reportList,
  status: 200,
  summary:
    'Reports with due dates and timeliness; by status, agreement, audience or period. Customers: their published customer reports',
  query: listQuery,
  responses: {
    200: {
      description: "a page of reports by deadline (a customer's key: its own agreements' published customer reports)",
      schema: pageSchema(
        z.object({
          reportId: z.string(),
          agreementId: z.string(),
          period: z.string(),
          audience: z.string(),
          dueDate: z.string(),
          deadline: z.string(),
          publishedAt: z.string().nullable(),
          publishedRecordedAt: z
            .string()
            .nullable()
            .describe(
              "when the first publication was recorded (publishedAt is the time it states): the report's knownAt, as reported",
            ),
          latestPublishedRevision: z.number().nullable(),
          latestRevision: z.number().int().positive().describe('the newest revision'),
          status: z
            .enum(['draft', 'reviewed', 'approved', 'published'])
            .describe("the newest revision's status (a restatement in progress is a draft after a publication)"),
          onTime: z.boolean().nullable(),
          lateByMs: z.number().nullable(),
          overdue: z.boolean(),
        }),
      ),
    },
    400: writeErrors[400],
  },
});

export const revisionRoute = defineRoute({
  method: 'get',
  path: '/reports/{reportId}/revisions/{revision}',
  tag: 'reports',
  access: access.reportRead,
  status: 200,
  summary: 'One revision: content, hash, who drafted and approved it, and what changed from the previous revision',
  responses: {
    200: {
      description: 'the revision',
      schema: z.object({
        reportId: z.string(),
        revision: z.number(),
        status: z.string(),
        contentHash: z.string(),
        content: ReportContent,
        reason: z.string().nullable(),
        draftedBy: z.string(),
        draftedAt: z.string(),
        reviewedAt: z.string().nullable(),
        approvedBy: z.string().nullable(),
        approvedAt: z.string().nullable(),
        publishedAt: z.string().nullable(),
        changesFromPrevious: z.array(contentChange),
      }),
    },
    400: writeErrors[400],
    404: writeErrors[404],
  },
});

export const serviceReportRoutes = [
  htmlRoute,
  breachesCsvRoute,
  pdfRoute,
  compareRoute,
  generateRoute,
  reviewRoute,
  approveRoute,
  publishRoute,
  reviseRoute,
  listRoute,
  revisionRoute,
];
