import { z } from 'zod';
import { defineRoute, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';
import { reportDefinitionTerms } from '@sla/reports-domain';
import { isTimeZone } from '@sla/sla-clock';
import { access } from '@sla/access-control';

export const definitionId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/, 'lower-case letters, digits and -');

export const recordBody = reportDefinitionTerms.extend({
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone'),
  trendPeriods: reportDefinitionTerms.shape.trendPeriods.default(6),
});

export const retireBody = z.strictObject({ reason: z.string().trim().min(1).max(2_000) });

export const listQuery = z.strictObject({
  agreementId: z.string().optional(),
  includeRetired: z.enum(['true', 'false']).default('false'),
  ...pageQueryShape,
});

export const recorded = z.object({ definitionId: z.string(), streamRevision: z.string(), events: z.array(z.string()) });

export const definitionView = reportDefinitionTerms.extend({
  definitionId: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  retiredAt: z.string().nullable(),
  retirementReason: z.string().nullable(),
});

export const recordRoute = defineRoute({
  method: 'put',
  path: '/report-definitions/{definitionId}',
  tag: 'reports',
  access: access.change,
  status: 200,
  summary:
    'Record a report definition of an agreement (frequency, audience, sections, language, zone, provider calendar, first period) or change its terms',
  body: recordBody,
  responses: {
    200: { description: 'recorded (events is empty when the terms were already these)', schema: recorded },
    ...writeErrors,
  },
});

export const retireRoute = defineRoute({
  method: 'post',
  path: '/report-definitions/{definitionId}/retirement',
  tag: 'reports',
  access: access.change,
  status: 200,
  summary: 'Retire a definition: no more reports are drafted from it',
  body: retireBody,
  responses: { 200: { description: 'retired', schema: recorded }, ...writeErrors },
});

export const listRoute = defineRoute({
  method: 'get',
  path: '/report-definitions',
  tag: 'reports',
  access: access.staffRead,
  status: 200,
  summary: 'Report definitions, active ones unless includeRetired=true',
  query: listQuery,
  responses: {
    200: { description: 'a page of definitions, by id', schema: pageSchema(definitionView) },
    400: writeErrors[400],
  },
});

export const getRoute = defineRoute({
  method: 'get',
  path: '/report-definitions/{definitionId}',
  tag: 'reports',
  access: access.staffRead,
  status: 200,
  summary: 'One report definition',
  responses: {
    200: { description: 'the definition', schema: definitionView },
    400: writeErrors[400],
    404: writeErrors[404],
  },
});

export const reportDefinitionRoutes = [recordRoute, retireRoute, listRoute, getRoute];
