import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Put,
  Query as QueryParameters,
} from '@nestjs/common';
import type { Kysely } from 'kysely';
import { AgreementDirectory } from '@sla/agreements-read-models';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { z } from 'zod';
import { DomainError, handleCommand, inStreamOrder, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import {
  CLOCK,
  EVENT_STORE,
  READ_STORE,
  RequestMetadata,
  ZodValidationPipe,
  keysetAfter,
  pageOf,
  pageQueryShape,
  pageSchema,
  writeErrors,
  type Clock,
  type KeysetColumn,
  type RouteDocumentation,
} from '@sla/nest-platform';
import {
  reportDefinitionDecider,
  reportDefinitionStreamName,
  reportDefinitionTerms,
  type ReportDefinitionCommand,
} from '@sla/reports-domain';
import { isTimeZone } from '@sla/sla-clock';
import type { ReportDefinitionTables } from './report-definitions.projection';

const definitionId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/, 'lower-case letters, digits and -');
const recordBody = reportDefinitionTerms.extend({
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone'),
  trendPeriods: reportDefinitionTerms.shape.trendPeriods.default(6),
});
const retireBody = z.strictObject({ reason: z.string().trim().min(1).max(2_000) });
const listQuery = z.strictObject({
  agreementId: z.string().optional(),
  includeRetired: z.enum(['true', 'false']).default('false'),
  ...pageQueryShape,
});
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
@Controller('report-definitions')
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
  @Put(':definitionId')
  @HttpCode(200)
  async record(
    @Param('definitionId', new ZodValidationPipe(definitionId, 'path')) id: string,
    @Body(new ZodValidationPipe(recordBody)) terms: z.infer<typeof recordBody>,
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

  @Post(':definitionId/retirement')
  @HttpCode(200)
  retire(
    @Param('definitionId', new ZodValidationPipe(definitionId, 'path')) id: string,
    @Body(new ZodValidationPipe(retireBody)) body: z.infer<typeof retireBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.run(
      id,
      { type: 'RetireReportDefinition', definitionId: id, reason: body.reason, at: this.clock.now().toISOString() },
      metadata,
    );
  }

  @Get()
  async list(@QueryParameters(new ZodValidationPipe(listQuery, 'query')) query: z.infer<typeof listQuery>) {
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

  @Get(':definitionId')
  async get(@Param('definitionId', new ZodValidationPipe(definitionId, 'path')) id: string) {
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

const recorded = z.object({ definitionId: z.string(), streamRevision: z.string(), events: z.array(z.string()) });
const definitionView = reportDefinitionTerms.extend({
  definitionId: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  retiredAt: z.string().nullable(),
  retirementReason: z.string().nullable(),
});
export const reportDefinitionRoutes: RouteDocumentation[] = [
  {
    method: 'put',
    path: '/report-definitions/{definitionId}',
    tag: 'reports',
    summary:
      'Record a report definition of an agreement (frequency, audience, sections, language, zone, provider calendar, first period) or change its terms',
    body: recordBody,
    responses: {
      200: { description: 'recorded (events is empty when the terms were already these)', schema: recorded },
      ...writeErrors,
    },
  },
  {
    method: 'post',
    path: '/report-definitions/{definitionId}/retirement',
    tag: 'reports',
    summary: 'Retire a definition: no more reports are drafted from it',
    body: retireBody,
    responses: { 200: { description: 'retired', schema: recorded }, ...writeErrors },
  },
  {
    method: 'get',
    path: '/report-definitions',
    tag: 'reports',
    summary: 'Report definitions, active ones unless includeRetired=true',
    query: listQuery,
    responses: {
      200: { description: 'a page of definitions, by id', schema: pageSchema(definitionView) },
      400: writeErrors[400],
    },
  },
  {
    method: 'get',
    path: '/report-definitions/{definitionId}',
    tag: 'reports',
    summary: 'One report definition',
    responses: {
      200: { description: 'the definition', schema: definitionView },
      400: writeErrors[400],
      404: writeErrors[404],
    },
  },
];
