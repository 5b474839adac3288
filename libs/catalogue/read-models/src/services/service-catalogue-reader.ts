import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { READ_STORE } from '@sla/nest-platform';

/** The columns of the catalogue's service_catalogue read model other contexts may rely on. */
type ServiceStatusTables = { service_catalogue: { service_id: string; status: 'proposed' | 'active' | 'retired' } };

/**
 * The catalogue's services as other contexts see them: an agreement may name, and an operational fact may open on,
 * any service that is not retired (proposed or active).
 */
@Injectable()
export class ServiceCatalogueReader {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<ServiceStatusTables>) {}

  async servicesNotRetired(): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('service_catalogue')
      .select('service_id')
      .where('status', '<>', 'retired')
      .execute();
    return new Set(rows.map((row) => row.service_id));
  }

  async isNotRetired(serviceId: string): Promise<boolean> {
    const service = await this.db
      .selectFrom('service_catalogue')
      .select('status')
      .where('service_id', '=', serviceId)
      .executeTakeFirst();
    return service !== undefined && service.status !== 'retired';
  }
}
