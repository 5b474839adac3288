import { z } from 'zod';
import { defineEvent, type DomainEvent, instantSchema, slugSchema, streamName } from '@sla/event-sourcing';

const changeRequest = z.string().trim().min(1).max(100);

export const serviceOwnerSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().nullable(),
});

const serviceRegisteredV2 = z.object({
  serviceId: slugSchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5_000),
  owner: serviceOwnerSchema,
  contactPoint: z.string().max(500).nullable(),
  /** Id of the service-hours calendar. */
  calendarId: z.string().min(1).nullable().default(null),
  exceptions: z.string().max(5_000).default(''),
  securityConsiderations: z.string().max(5_000).default(''),
  /** Catalogue changes go through change control (ISO/IEC 20000 8.5.1); null only on v1 history. */
  changeRequest: changeRequest.nullable(),
  occurredAt: instantSchema,
});

/** v1 stored the owner as free text and had no contact point, change reference or event time. */
const serviceRegisteredV1 = z.object({
  serviceId: z.string(),
  name: z.string(),
  description: z.string(),
  owner: z.string(),
});

export const ServiceRegistered = defineEvent({
  type: 'ServiceRegistered',
  schemaVersion: 2,
  schema: serviceRegisteredV2,
  upcasters: {
    1: (data, envelope) => {
      const old = serviceRegisteredV1.parse(data);
      return {
        serviceId: old.serviceId,
        name: old.name,
        description: old.description,
        owner: { name: old.owner, email: null },
        contactPoint: null,
        calendarId: null,
        exceptions: '',
        securityConsiderations: '',
        changeRequest: null,
        // v1 registrations took effect when recorded.
        occurredAt: envelope.recordedAt.toISOString(),
      };
    },
  },
});

export const ServiceRetired = defineEvent({
  type: 'ServiceRetired',
  schemaVersion: 1,
  schema: z.object({
    serviceId: z.string(),
    reason: z.string().trim().min(1).max(2_000),
    changeRequest,
    occurredAt: instantSchema,
  }),
});

export const ServiceActivated = defineEvent({
  type: 'ServiceActivated',
  schemaVersion: 1,
  schema: z.object({ serviceId: z.string(), changeRequest, occurredAt: instantSchema }),
});

/** The details a revision may change; only the fields that changed are given. */
export const serviceDetailChangesSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5_000),
    owner: serviceOwnerSchema,
    contactPoint: z.string().max(500).nullable(),
    calendarId: z.string().min(1).nullable(),
    exceptions: z.string().max(5_000),
    securityConsiderations: z.string().max(5_000),
  })
  .partial();

/** Each revision under its own change request. */
export const ServiceDetailsRevised = defineEvent({
  type: 'ServiceDetailsRevised',
  schemaVersion: 1,
  schema: z.object({
    serviceId: z.string(),
    changes: serviceDetailChangesSchema,
    changeRequest,
    occurredAt: instantSchema,
  }),
});

export type ServiceRegisteredData = z.infer<typeof serviceRegisteredV2>;
export type ServiceActivatedData = z.infer<typeof ServiceActivated.schema>;
export type ServiceDetailsRevisedData = z.infer<typeof ServiceDetailsRevised.schema>;
export type ServiceRetiredData = z.infer<typeof ServiceRetired.schema>;

export type ServiceEvent =
  | DomainEvent<'ServiceRegistered', ServiceRegisteredData>
  | DomainEvent<'ServiceActivated', ServiceActivatedData>
  | DomainEvent<'ServiceDetailsRevised', ServiceDetailsRevisedData>
  | DomainEvent<'ServiceRetired', ServiceRetiredData>;

export const serviceEventDefinitions = [ServiceRegistered, ServiceActivated, ServiceDetailsRevised, ServiceRetired];

export const serviceStreamName = (serviceId: string) => streamName('service', serviceId);
