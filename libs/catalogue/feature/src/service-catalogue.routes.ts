import { z } from 'zod';
import { instantSchema, slugSchema } from '@sla/event-sourcing';
import { access } from '@sla/access-control';
import { serviceDetailChangesSchema, serviceOwnerSchema } from '@sla/catalogue-domain';
import { defineRoute, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';

const changeRequest = z.string().trim().min(1).max(100);

const registerServiceBody = z.strictObject({
  serviceId: slugSchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5_000).default(''),
  owner: serviceOwnerSchema.extend({ email: z.email().nullable().default(null) }),
  contactPoint: z.string().max(500).nullable().default(null),
  calendarId: z.string().min(1).nullable().default(null),
  exceptions: z.string().max(5_000).default(''),
  securityConsiderations: z.string().max(5_000).default(''),
  /** Catalogue changes go through change control. */
  changeRequest,
  /** When the registration took effect; defaults to the time of the request. */
  occurredAt: instantSchema.optional(),
});

const reviseServiceBody = z.strictObject({
  changes: serviceDetailChangesSchema,
  changeRequest,
  occurredAt: instantSchema.optional(),
});

const activateServiceBody = z.strictObject({ changeRequest, occurredAt: instantSchema.optional() });
const retireServiceBody = z.strictObject({
  reason: z.string().trim().min(1).max(2_000),
  changeRequest,
  occurredAt: instantSchema.optional(),
});
const listServicesQuery = z.strictObject({
  status: z.enum(['proposed', 'active', 'retired']).optional(),
  calendarId: z.string().min(1).max(200).optional(),
  ...pageQueryShape,
});

const serviceView = z.object({
  serviceId: z.string(),
  name: z.string(),
  description: z.string(),
  owner: z.object({ name: z.string(), email: z.string().nullable() }),
  contactPoint: z.string().nullable(),
  calendarId: z.string().nullable(),
  exceptions: z.string(),
  securityConsiderations: z.string(),
  status: z.enum(['proposed', 'active', 'retired']),
  registeredAt: z.string(),
  retiredAt: z.string().nullable(),
  retirementReason: z.string().nullable(),
  lastChangeRequest: z.string().nullable(),
  streamRevision: z.number(),
});
const accepted = z.object({ serviceId: z.string(), streamRevision: z.string() });

export const registerServiceRoute = defineRoute({
  method: 'post',
  path: '/services',
  tag: 'catalogue',
  access: access.change,
  status: 201,
  summary: 'Register a service (proposed)',
  body: registerServiceBody,
  responses: { 201: { description: 'registered', schema: accepted }, ...writeErrors },
});

export const activateServiceRoute = defineRoute({
  method: 'post',
  path: '/services/{serviceId}/activation',
  tag: 'catalogue',
  access: access.change,
  status: 200,
  summary: 'Activate a proposed service',
  body: activateServiceBody,
  ifMatch: true,
  responses: { 200: { description: 'activated', schema: accepted }, ...writeErrors },
});

export const reviseServiceRoute = defineRoute({
  method: 'patch',
  path: '/services/{serviceId}',
  tag: 'catalogue',
  access: access.change,
  status: 200,
  summary: 'Revise service details under a change request',
  body: reviseServiceBody,
  ifMatch: true,
  responses: { 200: { description: 'revised', schema: accepted }, ...writeErrors },
});

export const retireServiceRoute = defineRoute({
  method: 'post',
  path: '/services/{serviceId}/retire',
  tag: 'catalogue',
  access: access.change,
  status: 200,
  summary: 'Retire a service',
  body: retireServiceBody,
  ifMatch: true,
  responses: { 200: { description: 'retired', schema: accepted }, ...writeErrors },
});

export const listServicesRoute = defineRoute({
  method: 'get',
  path: '/services',
  tag: 'catalogue',
  access: access.staffRead,
  status: 200,
  summary: 'List the catalogue by service id, optionally by status or calendar',
  query: listServicesQuery,
  responses: { 200: { description: 'a page of services', schema: pageSchema(serviceView) }, 400: writeErrors[400] },
});

export const getServiceRoute = defineRoute({
  method: 'get',
  path: '/services/{serviceId}',
  tag: 'catalogue',
  access: access.staffRead,
  status: 200,
  summary: 'One service (ETag = revision)',
  responses: {
    200: { description: 'the service', schema: serviceView },
    400: writeErrors[400],
    404: writeErrors[404],
  },
});

export const serviceCatalogueRoutes = [
  registerServiceRoute,
  activateServiceRoute,
  reviseServiceRoute,
  retireServiceRoute,
  listServicesRoute,
  getServiceRoute,
];
