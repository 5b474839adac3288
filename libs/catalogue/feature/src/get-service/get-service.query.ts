import { Inject, NotFoundException } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely, Selectable } from 'kysely';
import { READ_STORE } from '@sla/nest-platform';
import type { ServiceCatalogueTable, ServiceCatalogueTables } from './service-catalogue.projection';

export type ServiceView = {
  readonly serviceId: string;
  readonly name: string;
  readonly description: string;
  readonly owner: { readonly name: string; readonly email: string | null };
  readonly contactPoint: string | null;
  readonly calendarId: string | null;
  readonly exceptions: string;
  readonly securityConsiderations: string;
  readonly status: 'proposed' | 'active' | 'retired';
  readonly registeredAt: string;
  readonly retiredAt: string | null;
  readonly retirementReason: string | null;
  readonly lastChangeRequest: string | null;
  readonly streamRevision: number;
};

export class GetServiceQuery extends Query<ServiceView> {
  constructor(readonly serviceId: string) {
    super();
  }
}

export class ListServicesQuery extends Query<ServiceView[]> {
  constructor(readonly status: 'proposed' | 'active' | 'retired' | undefined) {
    super();
  }
}

@QueryHandler(GetServiceQuery)
export class GetServiceHandler implements IQueryHandler<GetServiceQuery> {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<ServiceCatalogueTables>) {}

  async execute({ serviceId }: GetServiceQuery): Promise<ServiceView> {
    const row = await this.db.selectFrom('service_catalogue').selectAll().where('service_id', '=', serviceId).executeTakeFirst();
    if (!row) throw new NotFoundException(`no service '${serviceId}' in the catalogue (yet: views follow the log within moments)`);
    return toView(row);
  }
}

@QueryHandler(ListServicesQuery)
export class ListServicesHandler implements IQueryHandler<ListServicesQuery> {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<ServiceCatalogueTables>) {}

  async execute({ status }: ListServicesQuery): Promise<ServiceView[]> {
    let query = this.db.selectFrom('service_catalogue').selectAll().orderBy('service_id');
    if (status) query = query.where('status', '=', status);
    return (await query.execute()).map(toView);
  }
}

function toView(row: Selectable<ServiceCatalogueTable>): ServiceView {
  return {
    serviceId: row.service_id,
    name: row.name,
    description: row.description,
    owner: { name: row.owner_name, email: row.owner_email },
    contactPoint: row.contact_point,
    calendarId: row.calendar_id,
    exceptions: row.exceptions,
    securityConsiderations: row.security_considerations,
    status: row.status,
    registeredAt: row.registered_at.toISOString(),
    retiredAt: row.retired_at?.toISOString() ?? null,
    retirementReason: row.retirement_reason,
    lastChangeRequest: row.last_change_request,
    streamRevision: Number(row.stream_revision),
  };
}
