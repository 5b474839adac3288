import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { AgreementEvent, AgreementKind } from '@sla/agreements-domain';
import type { AgreementHistory } from '@sla/compliance-domain';
import { READ_STORE } from '@sla/nest-platform';
import { BusinessCalendar, type CalendarDefinition } from '@sla/sla-clock';

/** The columns of compliance's copies of agreements and calendars (ticket-sla projection) others may rely on. */
type ClockInputTables = {
  compliance_calendar: { calendar_id: string; definition: CalendarDefinition };
  compliance_agreement: { agreement_id: string; kind: string; events: AgreementEvent[] };
  compliance_agreement_service: { service_id: string; agreement_id: string };
};

/**
 * What a ticket's clocks are evaluated with, as compliance holds it: the histories of the agreements covering a
 * service and the calendars. Other contexts (the audit's clock replay) read them here.
 */
@Injectable()
export class TicketClockInputs {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<ClockInputTables>) {}

  async agreementsCovering(serviceId: string): Promise<AgreementHistory[]> {
    const coverage = await this.db
      .selectFrom('compliance_agreement_service')
      .select('agreement_id')
      .where('service_id', '=', serviceId)
      .execute();
    if (coverage.length === 0) return [];
    const rows = await this.db
      .selectFrom('compliance_agreement')
      .selectAll()
      .where(
        'agreement_id',
        'in',
        coverage.map((row) => row.agreement_id),
      )
      .execute();
    return rows.map((row) => ({ agreementId: row.agreement_id, kind: row.kind as AgreementKind, events: row.events }));
  }

  async calendars(): Promise<Map<string, BusinessCalendar>> {
    const rows = await this.db.selectFrom('compliance_calendar').selectAll().execute();
    return new Map(rows.map((row) => [row.calendar_id, new BusinessCalendar(row.definition)]));
  }
}
