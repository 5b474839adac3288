import { Inject, NotFoundException } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely, Selectable } from 'kysely';
import { READ_STORE, keysetAfter, pageOf, type KeysetColumn, type Page, type PageRequest } from '@sla/nest-platform';
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

export type ServiceFilter = {
  readonly status?: ServiceView['status'] | undefined;
  readonly calendarId?: string | undefined;
};

export class ListServicesQuery extends Query<Page<ServiceView>> {
  constructor(
    readonly filter: ServiceFilter,
    readonly page: PageRequest,
  ) {
    super();
  }
}

const SERVICE_ORDER: KeysetColumn[] = [{ column: 'service_id', direction: 'asc' }];

@QueryHandler(GetServiceQuery)
export class GetServiceHandler implements IQueryHandler<GetServiceQuery> {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<ServiceCatalogueTables>) {}

  async execute({ serviceId }: GetServiceQuery): Promise<ServiceView> {
    const row = await this.db
      .selectFrom('service_catalogue')
      .selectAll()
      .where('service_id', '=', serviceId)
      .executeTakeFirst();
    if (!row)
      throw new NotFoundException(
        `no service '${serviceId}' in the catalogue (yet: views follow the log within moments)`,
      );
    return toView(row);
  }
}

@QueryHandler(ListServicesQuery)
export class ListServicesHandler implements IQueryHandler<ListServicesQuery> {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<ServiceCatalogueTables>) {}

  async execute({ filter, page }: ListServicesQuery): Promise<Page<ServiceView>> {
    let query = this.db
      .selectFrom('service_catalogue')
      .selectAll()
      .orderBy('service_id')
      .limit(page.limit + 1);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.calendarId) query = query.where('calendar_id', '=', filter.calendarId);
    const after = keysetAfter(SERVICE_ORDER, page.cursor);
    if (after) query = query.where(after);
    return pageOf(await query.execute(), page.limit, (row) => [row.service_id], toView);
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
