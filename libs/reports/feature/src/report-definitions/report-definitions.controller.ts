import { Controller, Inject, NotFoundException } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { AgreementDirectory } from '@sla/agreements-read-models';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { z } from 'zod';
import { DomainError, handleCommand, inStreamOrder, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import {
  Endpoint,
  ValidBody,
  ValidParam,
  ValidQuery,
  CLOCK,
  EVENT_STORE,
  READ_STORE,
  RequestMetadata,
  keysetAfter,
  pageOf,
  type Clock,
  type KeysetColumn,
} from '@sla/nest-platform';
import {
  reportDefinitionDecider,
  reportDefinitionStreamName,
  reportDefinitionTerms,
  type ReportDefinitionCommand,
} from '@sla/reports-domain';
import type { ReportDefinitionTables } from './report-definitions.projection';
import {
  definitionId,
  getRoute,
  listQuery,
  listRoute,
  recordBody,
  recordRoute,
  retireBody,
  retireRoute,
} from './report-definitions.routes';

const DEFINITION_ORDER: KeysetColumn[] = [{ column: 'definition_id', direction: 'asc' }];

class UnknownReferenceError extends DomainError {
  readonly kind = 'rule_violated' as const;
  constructor(
    readonly code: 'UNKNOWN_AGREEMENT' | 'UNKNOWN_CALENDAR',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Report definitions: which reports an agreement promises, how often and to whom; closed periods are drafted
 * automatically.
 */
@Controller()
export class ReportDefinitionsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly db: Kysely<ReportDefinitionTables>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendars: CalendarCatalogue,
    private readonly agreements: AgreementDirectory,
  ) {}

  private async run(id: string, command: ReportDefinitionCommand, metadata: EventMetadata) {
    const outcome = await handleCommand(this.store, reportDefinitionStreamName(id), reportDefinitionDecider, command, {
      metadata,
      occurredAt: inStreamOrder(this.clock),
    });
    return {
      definitionId: id,
      streamRevision: outcome.streamRevision.toString(),
      events: outcome.newEvents.map((event) => event.type),
    };
  }

  /** Records a definition or changes its terms (the same terms again change nothing). */
  @Endpoint(recordRoute)
  async record(
    @ValidParam(recordRoute, 'definitionId', definitionId) id: string,
    @ValidBody(recordRoute) terms: z.infer<typeof recordBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    if (!(await this.agreements.exists(terms.agreementId)))
      throw new UnknownReferenceError('UNKNOWN_AGREEMENT', `no agreement '${terms.agreementId}'`);
    if (!(await this.calendars.load([terms.calendarId])).has(terms.calendarId))
      throw new UnknownReferenceError('UNKNOWN_CALENDAR', `no calendar '${terms.calendarId}'`);
    return this.run(
      id,
      {
        type: 'RecordReportDefinition',
        definitionId: id,
        terms,
        actor: metadata.actor,
        at: this.clock.now().toISOString(),
      },
      metadata,
    );
  }

  @Endpoint(retireRoute)
  retire(
    @ValidParam(retireRoute, 'definitionId', definitionId) id: string,
    @ValidBody(retireRoute) body: z.infer<typeof retireBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.run(
      id,
      { type: 'RetireReportDefinition', definitionId: id, reason: body.reason, at: this.clock.now().toISOString() },
      metadata,
    );
  }

  @Endpoint(listRoute)
  async list(@ValidQuery(listRoute) query: z.infer<typeof listQuery>) {
    let select = this.db
      .selectFrom('report_definition')
      .selectAll()
      .orderBy('definition_id')
      .limit(query.limit + 1);
    if (query.agreementId) select = select.where('agreement_id', '=', query.agreementId);
    if (query.includeRetired === 'false') select = select.where('retired_at', 'is', null);
    const after = keysetAfter(DEFINITION_ORDER, query.cursor);
    if (after) select = select.where(after);
    return pageOf(await select.execute(), query.limit, (row) => [row.definition_id], toView);
  }

  @Endpoint(getRoute)
  async get(@ValidParam(getRoute, 'definitionId', definitionId) id: string) {
    const row = await this.db
      .selectFrom('report_definition')
      .selectAll()
      .where('definition_id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundException(`no report definition '${id}'`);
    return toView(row);
  }
}

const toView = (row: {
  definition_id: string;
  terms: z.infer<typeof reportDefinitionTerms>;
  recorded_by: string;
  recorded_at: Date;
  retired_at: Date | null;
  retirement_reason: string | null;
}) => ({
  definitionId: row.definition_id,
  ...row.terms,
  recordedBy: row.recorded_by,
  recordedAt: row.recorded_at.toISOString(),
  retiredAt: row.retired_at?.toISOString() ?? null,
  retirementReason: row.retirement_reason,
});
