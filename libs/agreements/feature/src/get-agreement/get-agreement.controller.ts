import { Controller, Inject, NotFoundException, Res } from '@nestjs/common';
import { sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import { toDomainEvent, type EventStore, slugSchema } from '@sla/event-sourcing';
import {
  agreementStreamName,
  diffAgreementContent,
  versionInForceAt,
  type AgreementEvent,
  type AgreementKind,
} from '@sla/agreements-domain';
import {
  Endpoint,
  ValidParam,
  ValidQuery,
  EVENT_STORE,
  READ_STORE,
  keysetAfter,
  pageOf,
  type KeysetColumn,
} from '@sla/nest-platform';
import type { AgreementTables } from '../read-models/agreements.projection';
import {
  inForceQuery,
  diffQuery,
  listAgreementsQuery,
  listAgreementsRoute,
  getAgreementRoute,
  agreementHistoryRoute,
  diffVersionsRoute,
  versionInForceRoute,
} from './get-agreement.routes';

const AGREEMENT_ORDER: KeysetColumn[] = [{ column: 'agreement_id', direction: 'asc' }];

type Response = { setHeader(name: string, value: string): void };

/** Agreements as the read models hold them, their history and diffs, and the version in force. */
@Controller()
export class GetAgreementController {
  constructor(
    @Inject(READ_STORE) private readonly db: Kysely<AgreementTables>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Endpoint(listAgreementsRoute)
  async list(@ValidQuery(listAgreementsRoute) query: z.infer<typeof listAgreementsQuery>) {
    let select = this.db
      .selectFrom('agreement')
      .selectAll()
      .orderBy('agreement_id')
      .limit(query.limit + 1);
    if (query.kind) select = select.where('kind', '=', query.kind);
    if (query.status) select = select.where('status', '=', query.status);
    if (query.counterparty) select = select.where(sql<boolean>`counterparty->>'name' = ${query.counterparty}`);
    const after = keysetAfter(AGREEMENT_ORDER, query.cursor);
    if (after) select = select.where(after);
    return pageOf(await select.execute(), query.limit, (row) => [row.agreement_id], toAgreementView);
  }

  @Endpoint(getAgreementRoute)
  async get(
    @ValidParam(getAgreementRoute, 'agreementId', slugSchema) agreementId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const row = await this.db
      .selectFrom('agreement')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .executeTakeFirst();
    if (!row) throw new NotFoundException(`no agreement '${agreementId}' (yet: views follow the log within moments)`);
    const versions = await this.db
      .selectFrom('agreement_version')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .orderBy('version')
      .execute();
    response.setHeader('ETag', `"${row.stream_revision}"`);
    return { ...toAgreementView(row), versions: versions.map(toVersionView) };
  }

  @Endpoint(agreementHistoryRoute)
  async history(@ValidParam(agreementHistoryRoute, 'agreementId', slugSchema) agreementId: string) {
    const rows = await this.db
      .selectFrom('agreement_history')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .orderBy('stream_revision')
      .execute();
    return rows.map((row) => ({
      revision: Number(row.stream_revision),
      event: row.event_type,
      version: row.version,
      actor: row.actor,
      correlationId: row.correlation_id,
      changeRequest: row.change_request,
      occurredAt: row.occurred_at.toISOString(),
      recordedAt: row.recorded_at.toISOString(),
      summary: row.summary,
    }));
  }

  /** What changed between two versions, field by field. */
  @Endpoint(diffVersionsRoute)
  async diff(
    @ValidParam(diffVersionsRoute, 'agreementId', slugSchema) agreementId: string,
    @ValidQuery(diffVersionsRoute) query: z.infer<typeof diffQuery>,
  ) {
    const rows = await this.db
      .selectFrom('agreement_version')
      .select(['version', 'content', 'change_request'])
      .where('agreement_id', '=', agreementId)
      .where('version', 'in', [query.from, query.to])
      .execute();
    const from = rows.find((row) => row.version === query.from);
    const to = rows.find((row) => row.version === query.to);
    if (!from || !to)
      throw new NotFoundException(`agreement '${agreementId}' has no version ${!from ? query.from : query.to}`);
    return {
      agreementId,
      from: query.from,
      to: query.to,
      changeRequest: to.change_request,
      changes: diffAgreementContent(from.content, to.content),
    };
  }

  /** Which version was in force at an instant, read from the agreement's own events. */
  @Endpoint(versionInForceRoute)
  async inForce(
    @ValidParam(versionInForceRoute, 'agreementId', slugSchema) agreementId: string,
    @ValidQuery(versionInForceRoute) query: z.infer<typeof inForceQuery>,
  ) {
    const events = (await this.store.readStream(agreementStreamName(agreementId))).map((event) =>
      toDomainEvent<AgreementEvent>(event),
    );
    if (events.length === 0) throw new NotFoundException(`no agreement '${agreementId}'`);
    const inForce = versionInForceAt(events, Date.parse(query.at));
    return { agreementId, at: query.at, inForce };
  }
}

function toAgreementView(row: Selectable<AgreementTables['agreement']>) {
  return {
    agreementId: row.agreement_id,
    // The column holds only kinds the AgreementDrafted event allowed.
    kind: row.kind as AgreementKind,
    title: row.title,
    provider: row.provider,
    counterparty: row.counterparty,
    status: row.status,
    approvedVersion: row.approved_version,
    latestVersion: row.latest_version,
    terminatesAt: row.terminates_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    revision: Number(row.stream_revision),
  };
}

function toVersionView(row: Selectable<AgreementTables['agreement_version']>) {
  return {
    version: row.version,
    status: row.status,
    changeRequest: row.change_request,
    basedOnVersion: row.based_on_version,
    content: row.content,
    signatures: row.signatures,
    underpinningGaps: row.underpinning_gaps,
    draftedAt: row.drafted_at.toISOString(),
    draftedRecordedAt: row.drafted_recorded_at?.toISOString() ?? null,
    draftedBy: row.drafted_by,
    approvedAt: row.approved_at?.toISOString() ?? null,
    approvedRecordedAt: row.approved_recorded_at?.toISOString() ?? null,
  };
}
