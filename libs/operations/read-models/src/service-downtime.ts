import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { maintenanceOccurrences, type MaintenanceSchedule } from '@sla/operations-domain';
import { READ_STORE } from '@sla/nest-platform';

/** The columns of the operations' outage and maintenance_window read models other contexts may rely on. */
type DowntimeTables = {
  outage: {
    outage_id: string;
    service_id: string;
    impact: string;
    weight: number | null;
    started_at: Date;
    ended_at: Date | null;
    start_recorded_at: Date | null;
    end_recorded_at: Date | null;
  };
  maintenance_window: {
    window_id: string;
    service_id: string;
    schedule: MaintenanceSchedule;
    cancelled_from: Date | null;
    scheduled_recorded_at: Date | null;
    cancellation_recorded_at: Date | null;
  };
};

/** An outage as availability measures it (epoch milliseconds; `end` null while it is open). */
export type ServiceOutage = {
  outageId: string;
  start: number;
  end: number | null;
  impact: 'full' | 'partial' | 'degraded';
  weight: number | null;
};

export type ServiceDowntimeIntervals = {
  outages: ServiceOutage[];
  maintenance: ReturnType<typeof maintenanceOccurrences>;
};

/** A service's outages and maintenance as other contexts see them (compliance measures availability from them). */
@Injectable()
export class ServiceDowntime {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<DowntimeTables>) {}

  /**
   * Outages and maintenance of a service overlapping [from, to). With
   * `knownAt`, only what had been recorded before then: an outage whose end was
   * recorded later was still open as far as anyone knew, a cancellation
   * recorded later had not happened.
   */
  async during(serviceId: string, from: number, to: number, knownAt?: Date): Promise<ServiceDowntimeIntervals> {
    const known = (recordedAt: Date | null) => !knownAt || (recordedAt !== null && recordedAt < knownAt);
    let outages = this.db
      .selectFrom('outage')
      .selectAll()
      .where('service_id', '=', serviceId)
      .where('started_at', '<', new Date(to))
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', new Date(from))]));
    if (knownAt) outages = outages.where('start_recorded_at', '<', knownAt);
    let windows = this.db.selectFrom('maintenance_window').selectAll().where('service_id', '=', serviceId);
    if (knownAt) windows = windows.where('scheduled_recorded_at', '<', knownAt);
    return {
      outages: (await outages.execute()).map((row) => ({
        outageId: row.outage_id,
        start: row.started_at.getTime(),
        end: row.ended_at && known(row.end_recorded_at) ? row.ended_at.getTime() : null,
        impact: row.impact as ServiceOutage['impact'],
        weight: row.weight,
      })),
      maintenance: (await windows.execute()).flatMap((row) =>
        maintenanceOccurrences(
          row.schedule,
          row.cancelled_from && known(row.cancellation_recorded_at) ? row.cancelled_from.getTime() : null,
          from,
          to,
        ),
      ),
    };
  }

  /**
   * The outages and maintenance windows of the services with time in [from, to): the records availability over that
   * range is measured from (an evidence bundle carries their streams).
   */
  async recordsOverlapping(
    serviceIds: readonly string[],
    from: number,
    to: number,
  ): Promise<{ outageIds: string[]; maintenanceWindowIds: string[] }> {
    if (serviceIds.length === 0) return { outageIds: [], maintenanceWindowIds: [] };
    const outages = await this.db
      .selectFrom('outage')
      .select('outage_id')
      .where('service_id', 'in', serviceIds)
      .where('started_at', '<', new Date(to))
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', new Date(from))]))
      .orderBy('outage_id')
      .execute();
    const windows = await this.db
      .selectFrom('maintenance_window')
      .selectAll()
      .where('service_id', 'in', serviceIds)
      .orderBy('window_id')
      .execute();
    return {
      outageIds: outages.map((row) => row.outage_id),
      // Each window whose occurrences (as scheduled, before any cancellation) touch the range.
      maintenanceWindowIds: windows
        .filter((row) => maintenanceOccurrences(row.schedule, null, from, to, 1).length > 0)
        .map((row) => row.window_id),
    };
  }
}
