import type { Transaction } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { ServiceRegisteredData, ServiceRetiredData } from '@sla/catalogue-domain';
import type { Projection } from '@sla/projection-runtime';

export type ServiceCatalogueTable = {
  service_id: string;
  name: string;
  description: string;
  owner_name: string;
  owner_email: string | null;
  contact_point: string | null;
  status: 'active' | 'retired';
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
  handles: ['ServiceRegistered', 'ServiceRetired'],
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
            status: 'active',
            registered_at: new Date(data.occurredAt),
            retired_at: null,
            retirement_reason: null,
            last_change_request: data.changeRequest,
            stream_revision: revision,
          })
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
