import type { Transaction } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type {
  ServiceActivatedData,
  ServiceDetailsRevisedData,
  ServiceRegisteredData,
  ServiceRetiredData,
} from '@sla/catalogue-domain';
import type { Projection } from '@sla/projection-runtime';

export type ServiceCatalogueTable = {
  service_id: string;
  name: string;
  description: string;
  owner_name: string;
  owner_email: string | null;
  contact_point: string | null;
  calendar_id: string | null;
  exceptions: string;
  security_considerations: string;
  status: 'proposed' | 'active' | 'retired';
  registered_at: Date;
  retired_at: Date | null;
  retirement_reason: string | null;
  last_change_request: string | null;
  stream_revision: string;
};

export type ServiceCatalogueTables = { service_catalogue: ServiceCatalogueTable };

export const serviceCatalogueProjection: Projection<ServiceCatalogueTables> = {
  name: 'service-catalogue',
  version: 1,
  handles: ['ServiceRegistered', 'ServiceActivated', 'ServiceDetailsRevised', 'ServiceRetired'],
  tables: ['service_catalogue'],
  async apply(transaction: Transaction<ServiceCatalogueTables>, events: readonly RecordedEvent[]) {
    for (const event of events) {
      const revision = event.streamRevision.toString();
      if (event.type === 'ServiceRegistered') {
        const data = event.data as ServiceRegisteredData;
        await transaction
          .insertInto('service_catalogue')
          .values({
            service_id: data.serviceId,
            name: data.name,
            description: data.description,
            owner_name: data.owner.name,
            owner_email: data.owner.email,
            contact_point: data.contactPoint,
            calendar_id: data.calendarId ?? null,
            exceptions: data.exceptions ?? '',
            security_considerations: data.securityConsiderations ?? '',
            // v1 history (no change request) was registered straight into service.
            status: data.changeRequest === null ? 'active' : 'proposed',
            registered_at: new Date(data.occurredAt),
            retired_at: null,
            retirement_reason: null,
            last_change_request: data.changeRequest,
            stream_revision: revision,
          })
          .execute();
      } else if (event.type === 'ServiceActivated') {
        const data = event.data as ServiceActivatedData;
        await transaction
          .updateTable('service_catalogue')
          .set({ status: 'active', last_change_request: data.changeRequest, stream_revision: revision })
          .where('service_id', '=', data.serviceId)
          .execute();
      } else if (event.type === 'ServiceDetailsRevised') {
        const { serviceId, changes, changeRequest } = event.data as ServiceDetailsRevisedData;
        await transaction
          .updateTable('service_catalogue')
          .set({
            ...(changes.name !== undefined ? { name: changes.name } : {}),
            ...(changes.description !== undefined ? { description: changes.description } : {}),
            ...(changes.owner !== undefined
              ? { owner_name: changes.owner.name, owner_email: changes.owner.email }
              : {}),
            ...(changes.contactPoint !== undefined ? { contact_point: changes.contactPoint } : {}),
            ...(changes.calendarId !== undefined ? { calendar_id: changes.calendarId } : {}),
            ...(changes.exceptions !== undefined ? { exceptions: changes.exceptions } : {}),
            ...(changes.securityConsiderations !== undefined
              ? { security_considerations: changes.securityConsiderations }
              : {}),
            last_change_request: changeRequest,
            stream_revision: revision,
          })
          .where('service_id', '=', serviceId)
          .execute();
      } else if (event.type === 'ServiceRetired') {
        const data = event.data as ServiceRetiredData;
        await transaction
          .updateTable('service_catalogue')
          .set({
            status: 'retired',
            retired_at: new Date(data.occurredAt),
            retirement_reason: data.reason,
            last_change_request: data.changeRequest,
            stream_revision: revision,
          })
          .where('service_id', '=', data.serviceId)
          .execute();
      }
    }
  },
};
